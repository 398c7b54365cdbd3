// The drawing surface: one GLFW window over the page's canvas with an OpenGL ES 3 (WebGL2)
// context, and Dear ImGui's GLFW + OpenGL3 backends. The canvas is sized in device pixels so text
// is crisp on high-DPI screens; ImGui then works in device pixels and the UI is scaled to match.
#pragma once

namespace web {

struct Gfx {
    float ui_scale = 1.0f;  // device pixel ratio times the user's presenter zoom
    float font_px = 0.0f;   // size the font atlas was built for
};

bool gfx_init(Gfx& gfx);
// Matches the canvas to its CSS size and the font to the scale; call before each frame.
void gfx_sync_size(Gfx& gfx, float zoom);
void gfx_begin_frame();
void gfx_end_frame();

}  // namespace web
