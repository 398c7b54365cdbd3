// Text entry through the page's hidden <input>: IME-committed text and pasted text are fed to
// ImGui as characters; copy goes to the system clipboard. Paste is held back until Ctrl (or Cmd)
// is released because ImGui 1.86 drops characters typed while Ctrl is down.
#pragma once
#include <functional>
#include <string>

namespace web {

// `on_block_paste` receives pasted text that spans several cells or rows (tabs or newlines), or
// any paste made while no text field is active; the app may turn it into table rows.
void text_input_init(std::function<void(std::string)> on_block_paste);

// Once per frame, after ImGui::NewFrame: delivers queued text and focuses or blurs the hidden
// input to follow ImGui's io.WantTextInput.
void text_input_update();

// Removes trailing CR and LF, as spreadsheets add them to a single copied cell.
std::string strip_trailing_newlines(std::string text);

}  // namespace web
