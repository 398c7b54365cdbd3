// Import screen: pick or drop a CSV file, check the column mapping and the row-level report
// (numbered by the file's own rows), then confirm. Nothing is written before the confirmation.
#include <imgui.h>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

using hemis::Entity;

void draw_entity_choice(App& app, PendingImport& p) {
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 14);
    if (!ImGui::BeginCombo(tr("import.entity"), entity_label(*p.entity))) return;
    for (Entity e : hemis::kAllEntities) {
        if (ImGui::Selectable(entity_label(e), e == *p.entity) && e != *p.entity) {
            app.prepare_import(p.file_name, p.bytes, e);  // replaces `p`
            break;
        }
    }
    ImGui::EndCombo();
}

void draw_mapping(const PendingImport& p) {
    // Open by default only when something does not match the template.
    bool all_match = p.missing_fields.empty();
    for (const auto& c : p.columns) all_match = all_match && c.field >= 0;
    ImGui::SetNextItemOpen(!all_match, ImGuiCond_Appearing);
    if (!ImGui::CollapsingHeader(tr("import.mapping"))) return;
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("mapping", 3, flags)) {
        ImGui::TableSetupColumn(tr("import.col_number"));
        ImGui::TableSetupColumn(tr("import.col_header"));
        ImGui::TableSetupColumn(tr("import.col_field"));
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; c < p.columns.size(); ++c) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%zu", c + 1);
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(p.columns[c].header.c_str());
            ImGui::TableNextColumn();
            const int f = p.columns[c].field;
            if (f >= 0)
                ImGui::TextUnformatted(field_label(hemis::schema_of(*p.entity).fields[f].name));
            else
                ImGui::TextColored(ImVec4(0.7f, 0.45f, 0, 1), "%s", tr("import.ignored"));
        }
        ImGui::EndTable();
    }
    for (const auto& missing : p.missing_fields)
        ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s",
                           trf("import.missing_field", {field_label(missing)}).c_str());
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
    if (ImGui::Button(tr("import.pick"))) pick_file(".csv,text/csv");
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
    draw_mapping(*app.pending);
    draw_report(*app.pending);
}

}  // namespace web
