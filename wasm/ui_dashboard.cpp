// Dashboard: record counts, the validation status, findings by rule and learners by programme.
#include <imgui.h>

#include <algorithm>
#include <map>

#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

using hemis::Entity;

constexpr int kTopBars = 10;

std::vector<BarItem> top_items(const std::map<std::string, double>& counts) {
    std::vector<BarItem> items;
    for (const auto& [label, n] : counts) items.push_back({label, n});
    std::stable_sort(items.begin(), items.end(),
                     [](const BarItem& a, const BarItem& b) { return a.value > b.value; });
    if (items.size() > kTopBars) items.resize(kTopBars);
    return items;
}

std::vector<BarItem> findings_by_rule(const hemis::Verdict& v) {
    std::map<std::string, double> counts;
    for (const auto& f : v.findings) counts[f.rule] += 1;
    return top_items(counts);
}

// Learners per programme code, recomputed only when the learners change.
const std::vector<BarItem>& learners_by_programme(const Records& records) {
    static std::uint64_t seen = ~0ull;
    static std::vector<BarItem> items;
    if (seen == records.generation(Entity::learner)) return items;
    seen = records.generation(Entity::learner);
    std::map<std::string, double> counts;
    if (const auto* set = records.set(Entity::learner)) {
        const int field = hemis::schema_of(Entity::learner).field_index("ma_nganh");
        for (std::size_t r = 0; r < set->size(); ++r)
            counts[std::string(set->value(r, field))] += 1;
    }
    items = top_items(counts);
    return items;
}

void draw_counts(App& app) {
    for (Entity e : {Entity::learner, Entity::staff, Entity::programme, Entity::status}) {
        ImGui::BeginGroup();
        ImGui::TextUnformatted(entity_label(e));
        ImGui::Text("%zu", app.records.count(e));
        ImGui::EndGroup();
        ImGui::SameLine(0, ImGui::GetFontSize() * 3);
    }
    ImGui::NewLine();
}

void draw_status(App& app) {
    if (!app.verdict) return empty_state(tr("dashboard.not_validated"));
    std::size_t total = 0;
    for (Entity e : hemis::kAllEntities) total += app.records.count(e);
    if (total == 0) return empty_state(tr("dashboard.no_data"));
    const auto& s = app.verdict->summary;
    if (s.errors == 0 && s.warnings == 0)
        ImGui::TextColored(ImVec4(0.1f, 0.5f, 0.2f, 1), "%s", tr("dashboard.all_clear"));
    else
        ImGui::TextColored(
            ImVec4(0.7f, 0.1f, 0.1f, 1), "%s",
            trf("dashboard.summary", {std::to_string(s.errors), std::to_string(s.warnings)})
                .c_str());
    if (ImGui::Button(tr("dashboard.open_report"))) app.screen = Screen::report;
}

}  // namespace

void draw_dashboard(App& app) {
    ImGui::TextUnformatted(tr("dashboard.records"));
    draw_counts(app);
    ImGui::Separator();
    ImGui::TextUnformatted(tr("dashboard.validation"));
    draw_status(app);
    ImGui::Separator();
    const float half = ImGui::GetContentRegionAvail().x * 0.5f;
    ImGui::BeginChild("by_rule", ImVec2(half, 0));
    ImGui::TextUnformatted(tr("dashboard.findings_by_rule"));
    const auto rules = app.verdict ? findings_by_rule(*app.verdict) : std::vector<BarItem>{};
    if (rules.empty()) empty_state(tr("dashboard.no_findings"));
    const int clicked = bar_chart("rules", rules.data(), int(rules.size()), half * 0.95f);
    if (clicked >= 0) {
        report_filter_rule(rules[std::size_t(clicked)].label);
        app.screen = Screen::report;
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("by_programme");
    ImGui::TextUnformatted(tr("dashboard.learners_by_programme"));
    const auto& progs = learners_by_programme(app.records);
    if (progs.empty()) empty_state(tr("dashboard.no_learners"));
    bar_chart("programmes", progs.data(), int(progs.size()), ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
}

}  // namespace web
