// The frame around every screen: title, navigation, banners about storage, other tabs and demo
// mode, the current screen, and a status line with the last notice.
#include <imgui.h>

#include <utility>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

void banner(const char* text, ImVec4 colour) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, colour);
    // As tall as the wrapped sentence needs: on a phone it takes several lines.
    const ImVec2 pad = ImGui::GetStyle().WindowPadding;
    const float wrap = ImGui::GetContentRegionAvail().x - 2 * pad.x;
    const float h = ImGui::CalcTextSize(text, nullptr, false, wrap).y + 2 * pad.y + 2;
    ImGui::BeginChild(text, ImVec2(0, h), true, ImGuiWindowFlags_NoScrollbar);
    ImGui::TextWrapped("%s", text);
    ImGui::EndChild();
    ImGui::PopStyleColor();
}

const ImVec4 kRed(1.0f, 0.87f, 0.85f, 1), kAmber(1.0f, 0.95f, 0.8f, 1), kBlue(0.86f, 0.92f, 1, 1);

void draw_banners(App& app) {
    if (!app.rulebook) banner(trf("banner.rulebook", {app.rulebook_error}).c_str(), kRed);
    if (app.storage == StorageState::unavailable) banner(tr("banner.storage_unavailable"), kRed);
    if (!app.last_save_ok) banner(tr("banner.save_failed"), kRed);
    if (!app.tab_owner) banner(tr("banner.other_tab"), kRed);
    if (app.persist == PersistState::denied) banner(tr("banner.persist_denied"), kAmber);
    if (app.persist == PersistState::unsupported) banner(tr("banner.persist_unsupported"), kAmber);
    if (app.demo) {
        banner(tr("banner.demo"), kBlue);
        if (ImGui::Button(tr("demo.reset"))) app.reset_demo();
        mark_item("demo.reset");
        ImGui::SameLine();
        ImGui::SetNextItemWidth(ImGui::GetFontSize() * 10);
        // The zoom applies when the slider is let go: rescaling while dragging would move the
        // slider under the mouse and make the value jump.
        static float dragged = 0;
        float zoom = dragged > 0 ? dragged : app.zoom;
        ImGui::SliderFloat(tr("demo.zoom"), &zoom, 0.75f, 2.5f, "%.2fx");
        mark_item("demo.zoom");
        if (ImGui::IsItemActive()) dragged = zoom;
        if (ImGui::IsItemDeactivated() && dragged > 0) app.zoom = std::exchange(dragged, 0.0f);
        if (ImGui::IsItemDeactivatedAfterEdit()) app.save_setting("zoom", std::to_string(app.zoom));
    }
}

bool nav_button(const char* label, bool active) {
    // Buttons that no longer fit on the line start the next one (narrow screens).
    const float w = ImGui::CalcTextSize(label).x + 2 * ImGui::GetStyle().FramePadding.x;
    if (ImGui::GetContentRegionAvail().x < w) ImGui::NewLine();
    if (active)
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    const bool pressed = ImGui::Button(label);
    if (active) ImGui::PopStyleColor();
    ImGui::SameLine();
    return pressed;
}

void draw_navigation(App& app) {
    if (nav_button(tr("nav.dashboard"), app.screen == Screen::dashboard))
        app.screen = Screen::dashboard;
    for (hemis::Entity e : {hemis::Entity::learner, hemis::Entity::staff, hemis::Entity::programme,
                            hemis::Entity::status}) {
        const bool active = app.screen == Screen::table && app.table_entity == e;
        if (nav_button(entity_label(e), active)) app.table_entity = e, app.screen = Screen::table;
    }
    const std::pair<Screen, const char*> rest[] = {
        {Screen::import, "nav.import"},     {Screen::report, "nav.report"},
        {Screen::package, "nav.package"},   {Screen::upload, "nav.upload"},
        {Screen::settings, "nav.settings"}, {Screen::log, "nav.log"}};
    for (const auto& [screen, key] : rest) {
        if (nav_button(tr(key), app.screen == screen)) app.screen = screen;
        mark_item(key);
    }
    ImGui::NewLine();
}

void draw_screen(App& app) {
    switch (app.screen) {
        case Screen::dashboard: draw_dashboard(app); break;
        case Screen::table: draw_table(app); break;
        case Screen::form: draw_form(app); break;
        case Screen::import: draw_import(app); break;
        case Screen::report: draw_report(app); break;
        case Screen::package: draw_package(app); break;
        case Screen::settings: draw_settings(app); break;
        case Screen::log: draw_log(app); break;
        case Screen::upload: draw_upload(app); break;
    }
}

void draw_status(App& app) {
    ImGui::Separator();
    if (!app.notice.text.empty()) {
        const ImVec4 c =
            app.notice.error ? ImVec4(0.7f, 0.1f, 0.1f, 1) : ImVec4(0.1f, 0.45f, 0.2f, 1);
        ImGui::TextColored(c, "%s", app.notice.text.c_str());
    } else {
        help_text(app.storage == StorageState::ready ? tr("status.saved_locally") : "");
    }
}

}  // namespace

void draw_app(App& app) {
    forget_marks();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->Pos);
    ImGui::SetNextWindowSize(vp->Size);
    // No background: the frame's clear paints it (gfx_end_frame).
    const ImGuiWindowFlags flags =
        ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
        ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoBackground;
    ImGui::Begin("HEMIS Entry", nullptr, flags);
    ImGui::TextUnformatted(tr("app.title"));
    if (!app.profile.name.empty()) {
        ImGui::SameLine();
        help_text(("— " + app.profile.name).c_str());
    }
    if (!app.ready) {
        help_text(tr("app.opening"));
        ImGui::End();
        return;
    }
    draw_banners(app);
    draw_navigation(app);
    ImGui::Separator();
    const float status_h = ImGui::GetFrameHeightWithSpacing() * 1.3f;
    ImGui::BeginChild("screen", ImVec2(0, -status_h));
    draw_screen(app);
    ImGui::EndChild();
    draw_status(app);
    ImGui::End();
}

}  // namespace web
