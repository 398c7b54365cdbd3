// Small widgets shared by the screens: labels from the catalogue, badges, a bar chart and a
// std::string text field.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <string>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {

const char* field_label(std::string_view field) {
    const std::string key = "field." + std::string(field);
    const char* text = tr(key);
    return key == text ? tr(std::string(field)) : text;
}

const char* entity_label(hemis::Entity e) {
    return tr("entity." + std::string(hemis::entity_name(e)));
}

void help_text(const char* text) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.38f, 0.45f, 1.0f));
    ImGui::TextWrapped("%s", text);
    ImGui::PopStyleColor();
}

void empty_state(const char* text) {
    ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    help_text(text);
}

void severity_badge(hemis::Severity s) {
    const bool error = s == hemis::Severity::error;
    const ImVec4 colour = error ? ImVec4(0.75f, 0.1f, 0.1f, 1) : ImVec4(0.7f, 0.45f, 0.0f, 1);
    ImGui::TextColored(colour, "%s", tr(error ? "severity.error" : "severity.warning"));
}

int bar_chart(const char* id, const BarItem* items, int count, float width) {
    double top = 0;
    for (int i = 0; i < count; ++i) top = std::max(top, items[i].value);
    int clicked = -1;
    ImGui::PushID(id);
    const float label_w = width * 0.4f, bar_w = width * 0.45f;
    for (int i = 0; i < count; ++i) {
        ImGui::PushID(i);
        ImGui::TextUnformatted(items[i].label.c_str());
        ImGui::SameLine(label_w);
        const float frac = top > 0 ? float(items[i].value / top) : 0.0f;
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const float h = ImGui::GetTextLineHeight();
        if (ImGui::InvisibleButton("bar", ImVec2(bar_w, h))) clicked = i;
        ImGui::GetWindowDrawList()->AddRectFilled(
            p, ImVec2(p.x + std::max(2.0f, bar_w * frac), p.y + h), IM_COL32(52, 101, 164, 255),
            2.0f);
        ImGui::SameLine();
        ImGui::Text("%.0f", items[i].value);
        ImGui::PopID();
    }
    ImGui::PopID();
    return clicked;
}

bool input_text(const char* label, std::string& value, float width, int flags) {
    struct Resize {
        static int callback(ImGuiInputTextCallbackData* data) {
            auto* s = static_cast<std::string*>(data->UserData);
            s->resize(std::size_t(data->BufTextLen));
            data->Buf = s->data();
            return 0;
        }
    };
    if (width != 0) ImGui::SetNextItemWidth(width);
    const bool escape = ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false);
    std::string typed;
    if (escape) typed = value;
    bool changed =
        ImGui::InputText(label, value.data(), value.capacity() + 1,
                         flags | ImGuiInputTextFlags_CallbackResize, Resize::callback, &value);
    if (escape && ImGui::IsItemDeactivated() && value != typed) {
        value = std::move(typed);
        changed = false;
    }
    return changed;
}

void show_finding_message(const hemis::Finding& f) {
    severity_badge(f.severity);
    ImGui::SameLine();
    ImGui::TextWrapped("%s", f.message(language()).c_str());
}

}  // namespace web
