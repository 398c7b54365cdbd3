// Parts of the import screen: a progress bar while a file is read (the page stays responsive:
// App::step_import reads a slice per frame), and the column mapping, where the user can send any
// file column to a template field or leave it out before confirming.
#include <imgui.h>

#include <string>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

const ImVec4 kAmber(0.7f, 0.45f, 0, 1), kRed(0.7f, 0.1f, 0.1f, 1);

// A combo with "leave out" first, then the entity's fields; returns true when the choice changed.
bool field_combo(const char* id, hemis::Entity e, int& field) {
    const auto& fields = hemis::schema_of(e).fields;
    const char* current =
        field >= 0 ? field_label(fields[std::size_t(field)].name) : tr("import.ignore_column");
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (!ImGui::BeginCombo(id, current)) return false;
    bool changed = false;
    for (int f = -1; f < int(fields.size()); ++f) {
        const char* label = f < 0 ? tr("import.ignore_column") : field_label(fields[f].name);
        ImGui::PushID(f);
        if (ImGui::Selectable(label, f == field) && f != field) field = f, changed = true;
        mark_item("import.map.option." + (f < 0 ? std::string() : std::string(fields[f].name)));
        ImGui::PopID();
    }
    ImGui::EndCombo();
    return changed;
}

void mapping_row(App& app, std::size_t c) {
    const ColumnMapping& m = app.pending->columns[c];
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::Text("%zu", c + 1);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(m.header.c_str());
    ImGui::TableNextColumn();
    int field = m.field;
    ImGui::PushID(int(c));
    const bool changed = field_combo("##field", *app.pending->entity, field);
    mark_item("import.map." + std::to_string(c));
    if (changed) app.map_column(c, field);
    ImGui::PopID();
    if (!app.pending) return;
    const ColumnMapping& after = app.pending->columns[c];
    if (after.field < 0 && !after.chosen) {
        ImGui::SameLine();
        ImGui::TextColored(kAmber, "%s", tr("import.ignored"));
    }
}

}  // namespace

bool draw_import_progress(App& app) {
    if (!app.workbook_reading.empty()) {
        ImGui::TextUnformatted(trf("import.workbook_reading", {app.workbook_reading}).c_str());
        // The workbook is read by the page in one go: the bar only shows that work goes on.
        const float t = float(ImGui::GetTime());
        ImGui::ProgressBar(t - float(int(t)), ImVec2(ImGui::GetFontSize() * 24, 0), "");
        return true;
    }
    if (app.import_commit) {
        const ImportCommit& c = *app.import_commit;
        const std::size_t total = c.pending.rows ? c.pending.rows->size() : 0;
        ImGui::TextUnformatted(
            trf("import.writing",
                {c.pending.file_name, std::to_string(c.write.next_row()), std::to_string(total)})
                .c_str());
        const float fraction = total ? float(c.write.next_row()) / float(total) : 1.0f;
        ImGui::ProgressBar(fraction, ImVec2(ImGui::GetFontSize() * 24, 0));
        return true;
    }
    if (!app.import_job) return false;
    const ImportJob& job = *app.import_job;
    const std::string rows = std::to_string(job.reader.rows_read());
    const std::string text = job.checking ? trf("import.checking", {rows, job.file_name})
                                          : trf("import.reading", {job.file_name, rows});
    ImGui::TextUnformatted(text.c_str());
    ImGui::ProgressBar(app.import_progress(), ImVec2(ImGui::GetFontSize() * 24, 0));
    if (ImGui::Button(tr("import.cancel"))) app.import_job.reset();  // nothing was written
    return true;
}

void draw_import_mapping(App& app) {
    const PendingImport& p = *app.pending;
    // Open by default only when something does not match the template.
    bool all_match = p.missing_fields.empty();
    for (const auto& c : p.columns) all_match = all_match && c.field >= 0;
    ImGui::SetNextItemOpen(!all_match, ImGuiCond_Appearing);
    if (!ImGui::CollapsingHeader(tr("import.mapping"))) return;
    help_text(tr("import.mapping_help"));
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_SizingFixedFit;
    if (ImGui::BeginTable("mapping", 3, flags)) {
        ImGui::TableSetupColumn(tr("import.col_number"));
        ImGui::TableSetupColumn(tr("import.col_header"));
        ImGui::TableSetupColumn(tr("import.col_field"));
        ImGui::TableHeadersRow();
        for (std::size_t c = 0; app.pending && c < app.pending->columns.size(); ++c)
            mapping_row(app, c);
        ImGui::EndTable();
    }
    if (!app.pending) return;
    for (const auto& missing : app.pending->missing_fields)
        ImGui::TextColored(kRed, "%s", trf("import.missing_field", {field_label(missing)}).c_str());
}

}  // namespace web
