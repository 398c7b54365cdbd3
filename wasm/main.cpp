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
    app.step_import(12.0);  // a slice of a file being imported; leaves time to draw
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
    auto& events = web::browser_events();
    events.file_opened = [](std::string name, std::string bytes) {
        web::app().start_import(std::move(name), std::move(bytes), std::nullopt);
    };
    events.workbook_reading = [](std::string name) {
        web::app().pending.reset();
        web::app().workbook_reading = std::move(name);
        web::app().screen = web::Screen::import;
    };
    events.workbook_failed = [](std::string name, std::string detail) {
        web::app().workbook_failed(name, detail);
    };
    web::app().start();
    web::log_info("client started");
    emscripten_set_main_loop(frame, 0, true);
    return 0;
}
