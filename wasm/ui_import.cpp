// Import screen: pick or drop a CSV or Excel file, watch it being read, check the column mapping
// (ui_import_parts.cpp) and the row-level report (numbered by the file's own rows), then
// confirm. Nothing is written before the confirmation.
#include <imgui.h>

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

void draw_report(const PendingImport& p) {
    ImGui::TextUnformatted(
        trf("import.summary", {std::to_string(p.rows ? p.rows->size() : 0),
                               std::to_string(p.errors), std::to_string(p.warnings)})
            .c_str());
    if (p.findings.empty()) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_SizingFixedFit;
    if (!ImGui::BeginTable("import_report", 5, flags, ImVec2(0, ImGui::GetFontSize() * 16))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"report.row", "report.column", "report.field", "report.severity"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableSetupColumn(tr("report.message"), ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(p.findings.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const auto& f = p.findings[std::size_t(i)];
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

void draw_confirm(App& app, PendingImport& p) {
    static int mode = 0;
    ImGui::RadioButton(tr("import.mode_replace"), &mode, 0);
    ImGui::SameLine();
    ImGui::RadioButton(tr("import.mode_merge"), &mode, 1);
    if (!p.can_commit()) help_text(tr("import.blocked"));
    ImGui::BeginDisabled(!p.can_commit());
    if (ImGui::Button(tr("import.confirm")))
        app.confirm_import(mode == 0 ? ImportMode::replace_all : ImportMode::add_or_update);
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button(tr("import.cancel"))) app.pending.reset();
}

}  // namespace

void draw_import(App& app) {
    help_text(tr("import.help"));
    if (ImGui::Button(tr("import.pick"))) pick_file(kAccept);
    if (draw_import_progress(app)) return;
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
