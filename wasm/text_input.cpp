// Hidden-input text bridge: see text_input.hpp. Typed text is queued too, so that characters that
// arrive between frames reach ImGui in order with pasted text.
#include "text_input.hpp"

#include <imgui.h>

#include <deque>

#include "browser.hpp"

namespace web {
namespace {

struct State {
    std::deque<std::string> typed;
    std::deque<std::string> pasted;
    std::function<void(std::string)> on_block_paste;
    bool focused = false;
    float caret_x = 0, caret_y = 0;
};

State& state() {
    static State s;
    return s;
}

void on_pasted(std::string text) {
    text = strip_trailing_newlines(std::move(text));
    if (text.empty()) return;
    state().pasted.push_back(std::move(text));
}

}  // namespace

std::string strip_trailing_newlines(std::string text) {
    while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
    return text;
}

void text_input_init(std::function<void(std::string)> on_block_paste) {
    state().on_block_paste = std::move(on_block_paste);
    browser_events().text_typed = [](std::string t) { state().typed.push_back(std::move(t)); };
    browser_events().text_pasted = on_pasted;
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = [](void*, const char* text) { copy_to_clipboard(text); };
    // Ctrl+V is served by the browser's paste event instead; ImGui gets nothing here.
    io.GetClipboardTextFn = [](void*) -> const char* { return ""; };
    io.ImeSetInputScreenPosFn = [](int x, int y) {
        state().caret_x = float(x);
        state().caret_y = float(y);
    };
}

void text_input_update() {
    State& s = state();
    ImGuiIO& io = ImGui::GetIO();
    for (; !s.typed.empty(); s.typed.pop_front())
        io.AddInputCharactersUTF8(s.typed.front().c_str());
    const bool ctrl_down = io.KeyCtrl || io.KeySuper;
    for (; !ctrl_down && !s.pasted.empty(); s.pasted.pop_front()) {
        const std::string& text = s.pasted.front();
        const bool block = text.find_first_of("\t\n") != std::string::npos;
        if ((block || !io.WantTextInput) && s.on_block_paste)
            s.on_block_paste(text);
        else
            io.AddInputCharactersUTF8(text.c_str());
    }
    // Every frame, not only on a change: a tap focuses the hidden input before the client knows
    // whether a field was hit, and the page lets go of it only once the tap is a few frames old.
    s.focused = io.WantTextInput;
    set_text_input(s.focused, s.caret_x, s.caret_y, ImGui::GetFontSize());
}

}  // namespace web
