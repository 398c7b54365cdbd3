// Import screen: pick or drop a CSV or Excel file, watch it being read, check the column mapping
// (ui_import_parts.cpp) and the row-level report (numbered by the file's own rows), then
// confirm. Nothing is written before the confirmation.
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

using hemis::Entity;

constexpr const char* kAccept =
    ".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

void draw_entity_choice(App& app, PendingImport& p) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (!ImGui::BeginCombo(tr("import.entity"), entity_label(*p.entity))) return;
    for (Entity e : hemis::kAllEntities) {
        if (ImGui::Selectable(entity_label(e), e == *p.entity) && e != *p.entity) {
            app.start_import(p.file_name, p.bytes, e);  // replaces `p`, read over the next frames
            break;
        }
    }
    ImGui::EndCombo();
}

void draw_findings_table(const char* id, const std::vector<hemis::Finding>& findings) {
    if (findings.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    const float rows = float(std::min<std::size_t>(findings.size() + 1, 16));
    if (!ImGui::BeginTable(id, 5, flags, ImVec2(0, ImGui::GetFrameHeightWithSpacing() * rows)))
        return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"report.row", "report.column", "report.field", "report.severity"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableSetupColumn(tr("report.message"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(findings.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& f = findings[std::size_t(i)];
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (f.row) ImGui::Text("%u", f.row);
            ImGui::TableNextColumn();
            if (f.column) ImGui::Text("%u", f.column);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(f.field.c_str());
            ImGui::TableNextColumn();
            severity_badge(f.severity);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", f.message(language()).c_str());
        }
    ImGui::EndTable();
}

void draw_report(const PendingImport& p) {
    ImGui::TextUnformatted(
        trf("import.summary", {std::to_string(p.rows ? p.rows->size() : 0),
                               std::to_string(p.errors), std::to_string(p.warnings)})
            .c_str());
    draw_findings_table("import_report", p.findings);
    if (p.skipped.empty()) return;
    help_text(trf("import.skipped_heading", {std::to_string(p.skipped.size())}).c_str());
    draw_findings_table("import_skipped", p.skipped);
}

// Replacing removes saved records: the user chooses it explicitly and confirms with the count.
void draw_replace_confirmation(App& app, PendingImport& p) {
    const std::string title = std::string(tr("import.replace_title")) + "###confirm_replace";
    if (!ImGui::BeginPopupModal(title.c_str(), nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    ImGui::PushTextWrapPos(ImGui::GetFontSize() * 30);
    ImGui::TextUnformatted(
        trf("import.replace_confirm", {std::to_string(p.saved_count), entity_label(*p.entity),
                                       std::to_string(p.rows ? p.rows->size() : 0), p.file_name})
            .c_str());
    ImGui::PopTextWrapPos();
    if (ImGui::Button(tr("import.replace_yes"))) {
        ImGui::CloseCurrentPopup();
        app.confirm_import(ImportMode::replace_all, true);
    }
    mark_item("import.replace_yes");
    ImGui::SameLine();
    if (ImGui::Button(tr("import.cancel")) || ImGui::IsKeyPressed(GLFW_KEY_ESCAPE))
        ImGui::CloseCurrentPopup();
    ImGui::EndPopup();
}

void draw_confirm(App& app, PendingImport& p) {
    int mode = p.mode == ImportMode::replace_all ? 1 : 0;
    ImGui::RadioButton(tr("import.mode_merge"), &mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("import.mode_replace"), &mode, 1);
    mark_item("import.mode_replace");
    p.mode = mode == 1 ? ImportMode::replace_all : ImportMode::add_or_update;
    if (p.mode == ImportMode::add_or_update)
        help_text(trf("import.merge_plan",
                      {std::to_string(p.merge.added), std::to_string(p.merge.updated),
                       std::to_string(p.merge.skipped.size())})
                      .c_str());
    else
        help_text(trf("import.replace_plan", {std::to_string(p.saved_count)}).c_str());
    if (!p.can_commit()) help_text(p.blocked_reason().c_str());
    ImGui::BeginDisabled(!p.can_commit());
    if (ImGui::Button(tr("import.confirm"))) {
        if (p.mode == ImportMode::replace_all && p.saved_count > 0)
            ImGui::OpenPopup("###confirm_replace");
        else
            app.confirm_import(p.mode, true);
    }
    mark_item("import.confirm");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("import.cancel"))) return app.pending.reset();
    if (app.pending) draw_replace_confirmation(app, *app.pending);
}

void draw_last_import(const PendingImport& p) {
    ImGui::Separator();
    ImGui::TextUnformatted(trf("import.last", {p.file_name}).c_str());
    help_text(trf("import.merge_done",
                  {std::to_string(p.merge.added), std::to_string(p.merge.updated),
                   std::to_string(p.merge.skipped.size()), std::to_string(p.merge.removed)})
                  .c_str());
    if (p.skipped.empty()) return;
    help_text(trf("import.skipped_heading_done", {std::to_string(p.skipped.size())}).c_str());
    draw_findings_table("import_skipped", p.skipped);
}

}  // namespace

void draw_import(App& app) {
    help_text(tr("import.help"));
    if (ImGui::Button(tr("import.pick"))) pick_file(kAccept);
    if (draw_import_progress(app)) return;
    if (!app.pending && app.imported) return draw_last_import(*app.imported);
    if (!app.pending) return empty_state(tr("import.none"));
    PendingImport& p = *app.pending;
    ImGui::Separator();
    ImGui::TextUnformatted(trf("import.file", {p.file_name}).c_str());
    draw_entity_choice(app, p);
    if (!app.pending) return;
    if (!app.pending->failure.empty())
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", app.pending->failure.c_str());
    draw_confirm(app, *app.pending);
    if (!app.pending) return;
    ImGui::Separator();
    draw_import_mapping(app);
    draw_report(*app.pending);
}

}  // namespace web
