// Entry point of the browser client: sets up drawing and text input, starts the app (which opens
// storage asynchronously) and runs one ImGui frame per animation frame.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include "app.hpp"
#include "gfx.hpp"
#include "log.hpp"
#include "text_input.hpp"
#include "ui.hpp"

namespace {

web::Gfx g_gfx;

void frame() {
    web::App& app = web::app();
    web::gfx_sync_size(g_gfx, app.zoom);
    web::gfx_begin_frame();
    web::text_input_update();
    web::draw_app(app);
    web::gfx_end_frame();
}

}  // namespace

int main() {
    if (!web::gfx_init(g_gfx)) {
        EM_ASM({ window.hemisBridge.fatal("webgl"); });
        return 1;
    }
    web::text_input_init([](std::string text) { web::app().paste_rows(text); });
    web::browser_events().file_opened = [](std::string name, std::string bytes) {
        web::app().prepare_import(std::move(name), std::move(bytes), std::nullopt);
    };
    web::app().start();
    web::log_info("client started");
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
