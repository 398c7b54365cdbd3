// Validation report: every finding of the stored data, filtered by severity, rule and field;
// choosing a row opens the record it is about.
#include <imgui.h>

#include <algorithm>
#include <set>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

struct Filter {
    int severity = 0;  // 0 all, 1 errors, 2 warnings
    std::string rule;  // empty: all
    std::string field;
};

Filter& filter() {
    static Filter f;
    return f;
}

bool passes(const hemis::Finding& f, const Filter& flt) {
    if (flt.severity == 1 && f.severity != hemis::Severity::error) return false;
    if (flt.severity == 2 && f.severity != hemis::Severity::warning) return false;
    if (!flt.rule.empty() && f.rule != flt.rule) return false;
    return flt.field.empty() || f.field.find(flt.field) != std::string::npos;
}

void draw_filters(const hemis::Verdict& v) {
    Filter& flt = filter();
    const char* severities[] = {tr("report.all"), tr("severity.error"), tr("severity.warning")};
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 8);
    ImGui::Combo(tr("report.severity"), &flt.severity, severities, 3);
    ImGui::SameLine();
    std::set<std::string> rules;
    for (const auto& f : v.findings) rules.insert(f.rule);
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 12);
    if (ImGui::BeginCombo(tr("report.rule"),
                          flt.rule.empty() ? tr("report.all") : flt.rule.c_str())) {
        if (ImGui::Selectable(tr("report.all"), flt.rule.empty())) flt.rule.clear();
        for (const auto& r : rules)
            if (ImGui::Selectable(r.c_str(), r == flt.rule)) flt.rule = r;
        ImGui::EndCombo();
    }
    ImGui::SameLine();
    input_text(tr("report.field"), flt.field, ImGui::GetFontSize() * 10);
}

void open_record(App& app, const hemis::Finding& f) {
    if (!f.entity || !f.row) return;
    auto row = app.records.row_of_source(*f.entity, f.row);
    if (!row) return;
    app.open_form(*f.entity, app.records.id_at(*f.entity, *row));
    // The field the finding names takes the keyboard (the first field when it names none).
    app.form.focus_field = std::max(0, hemis::schema_of(*f.entity).field_index(f.field));
}

void draw_row(App& app, const hemis::Finding& f, int i) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::PushID(i);
    if (ImGui::Selectable(f.rule.c_str(), false, ImGuiSelectableFlags_SpanAllColumns))
        open_record(app, f);
    mark_item("report.row." + std::to_string(i));
    ImGui::PopID();
    ImGui::TableNextColumn();
    severity_badge(f.severity);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(f.entity ? entity_label(*f.entity) : "");
    ImGui::TableNextColumn();
    if (f.row) ImGui::Text("%u", f.row);
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(f.record.c_str());
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(f.field.empty() ? "" : field_label(f.field));
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(f.message(language()).c_str());
}

}  // namespace

void draw_findings_table(App& app, const char* id, const std::vector<const hemis::Finding*>& shown,
                         float height) {
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollY | ImGuiTableFlags_ScrollX |
                                  ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_Resizable;
    if (!ImGui::BeginTable(id, 7, flags, ImVec2(0, height))) return;
    ImGui::TableSetupScrollFreeze(0, 1);
    for (const char* key : {"report.rule", "report.severity", "report.entity", "report.row",
                            "report.record", "report.field", "report.message"})
        ImGui::TableSetupColumn(tr(key));
    ImGui::TableHeadersRow();
    ImGuiListClipper clipper;
    clipper.Begin(int(shown.size()));
    while (clipper.Step())
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i)
            draw_row(app, *shown[std::size_t(i)], i);
    ImGui::EndTable();
}

void report_filter_rule(const std::string& rule) {
    filter().rule = rule;
}

void draw_report(App& app) {
    if (ImGui::Button(tr("report.revalidate"))) app.validate_all();
    ImGui::SameLine();
    if (ImGui::Button(tr("report.download_csv")))
        download(tr("report.file_name"), app.report_csv(), "text/csv;charset=utf-8");
    if (!app.verdict) return empty_state(tr("dashboard.not_validated"));
    const auto& v = *app.verdict;
    ImGui::TextUnformatted(trf("dashboard.summary", {std::to_string(v.summary.errors),
                                                     std::to_string(v.summary.warnings)})
                               .c_str());
    draw_filters(v);
    help_text(tr("report.help"));
    std::vector<const hemis::Finding*> shown;
    for (const auto& f : v.findings)
        if (passes(f, filter())) shown.push_back(&f);
    if (shown.empty()) return empty_state(tr("report.empty"));
    draw_findings_table(app, "findings", shown, 0.0f);
}

}  // namespace web
