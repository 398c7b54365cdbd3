// Font atlas construction. ImGui's own Vietnamese ranges miss punctuation such as "–" and "…", so
// the ranges are built from those plus the extra characters shown by the catalogues.
#include "fonts.hpp"

#include <imgui.h>
#include <imgui_impl_opengl3.h>

#include "log.hpp"

namespace web {
namespace {

constexpr const char* kFontPath = "/fonts/DejaVuSans.ttf";

const ImVector<ImWchar>& glyph_ranges() {
    static ImVector<ImWchar> ranges;
    if (!ranges.empty()) return ranges;
    ImFontGlyphRangesBuilder builder;
    ImGuiIO& io = ImGui::GetIO();
    builder.AddRanges(io.Fonts->GetGlyphRangesVietnamese());
    static const ImWchar extra[] = {
        0x00A0, 0x00FF,  // Latin-1: « » · × é …
        0x0100, 0x017F,  // Latin Extended-A (Đ đ Ĩ ĩ Ũ ũ)
        0x01A0, 0x01B0,  // Ơ ơ Ư ư
        0x0300, 0x0323,  // combining tone marks, should un-normalised text slip through
        0x1EA0, 0x1EF9,  // Vietnamese precomposed letters
        0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
        0x2190, 0x2193,  // arrows used as sort and jump markers
        0x25A0, 0x25CF,  // squares and circles used as status marks
        0x2713, 0x2717,  // check and cross marks
        0,
    };
    builder.AddRanges(extra);
    builder.BuildRanges(&ranges);
    return ranges;
}

}  // namespace

bool build_fonts(float pixel_size, bool renderer_ready) {
    ImGuiIO& io = ImGui::GetIO();
    io.Fonts->Clear();
    ImFontConfig config;
    config.OversampleH = 2;
    config.PixelSnapH = true;
    ImFont* font =
        io.Fonts->AddFontFromFileTTF(kFontPath, pixel_size, &config, glyph_ranges().Data);
    if (!font) {
        log_error("font: cannot read /fonts/DejaVuSans.ttf; using ImGui's built-in font");
        io.Fonts->AddFontDefault();
    }
    if (renderer_ready) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
    return font != nullptr;
}

}  // namespace web
