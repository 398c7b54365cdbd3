// Where a few named widgets were drawn on the last frame (the demo reset button, the form's
// fields, the navigation), so browser tests and support staff can point at them with a real
// mouse or finger through window.hemis.itemRect without reading pixels. Rectangles are kept in
// canvas pixels and handed out in CSS pixels.
#include <imgui.h>

#include <string>
#include <unordered_map>

#include "browser.hpp"
#include "ui.hpp"

namespace web {
namespace {

std::unordered_map<std::string, ItemRect>& marks() {
    static std::unordered_map<std::string, ItemRect> m;
    return m;
}

}  // namespace

void mark_item(std::string_view name) {
    const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
    marks()[std::string(name)] = {lo.x, lo.y, hi.x - lo.x, hi.y - lo.y};
}

std::optional<ItemRect> item_rect(const std::string& name) {
    const auto it = marks().find(name);
    if (it == marks().end()) return std::nullopt;
    const float dpr = float(device_pixel_ratio());
    const ItemRect& r = it->second;
    return ItemRect{r.x / dpr, r.y / dpr, r.w / dpr, r.h / dpr};
}

void forget_marks() {
    marks().clear();
}

}  // namespace web
