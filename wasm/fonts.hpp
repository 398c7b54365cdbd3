// The app's font: DejaVu Sans (preloaded at /fonts) with every Vietnamese letter and the
// punctuation the catalogues use, rasterised at the screen's real pixel size so text stays crisp.
#pragma once

namespace web {

// (Re)builds the font atlas for `pixel_size` device pixels. Safe to call between frames; it also
// recreates the GPU texture when the renderer is already running.
bool build_fonts(float pixel_size, bool renderer_ready);

}  // namespace web
