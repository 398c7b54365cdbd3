// Record tables (learners, staff, programmes, status history): accent-insensitive search,
// Vietnamese sort on any column, and a list clipper so 100 000 rows scroll smoothly.
#include <imgui.h>

#include <algorithm>
#include <array>
#include <numeric>

#include "collate.hpp"
#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

using hemis::Entity;

struct View {
    std::uint64_t generation = ~0ull;
    std::string query, applied_query;
    int sort_field = -1;
    bool ascending = true;
    std::vector<std::string> folded;  // per row: folded values joined by U+001F; built lazily
    std::vector<std::size_t> rows;    // rows shown, in display order
};

std::array<View, hemis::kEntityCount>& views() {
    static std::array<View, hemis::kEntityCount> v;
    return v;
}

// Search looks at what a person searches by: ids, names and other free text. Code columns
// (gender, ethnicity, province …), numbers, dates and the version metadata are left out: "1"
// would otherwise match every record whose gender code is 1.
bool searchable(const hemis::FieldSpec& f) {
    return f.type == hemis::FieldType::text || f.type == hemis::FieldType::digits;
}

void build_folded(View& view, const hemis::RecordSet& set) {
    const auto& fields = hemis::schema_of(set.entity).fields;
    view.folded.assign(set.size(), {});
    for (std::size_t r = 0; r < set.size(); ++r)
        for (std::size_t f = 0; f < fields.size(); ++f)
            if (searchable(fields[f]))
                view.folded[r] += fold_for_search(set.value(r, int(f))) + '\x1f';
}

void sort_rows(View& view, const hemis::RecordSet& set) {
    if (view.sort_field < 0) return;
    std::vector<std::string> keys(set.size());
    for (std::size_t r : view.rows) keys[r] = collation_key(set.value(r, view.sort_field));
    std::stable_sort(view.rows.begin(), view.rows.end(), [&](std::size_t a, std::size_t b) {
        return view.ascending ? keys[a] < keys[b] : keys[b] < keys[a];
    });
}

void refresh(View& view, const hemis::RecordSet* set, std::uint64_t generation) {
    if (generation != view.generation) view.folded.clear();
    view.generation = generation;
    view.applied_query = view.query;
    view.rows.clear();
    if (!set) return;
    const std::string needle = fold_for_search(view.query);
    if (!needle.empty() && view.folded.empty()) build_folded(view, *set);
    for (std::size_t r = 0; r < set->size(); ++r)
        if (needle.empty() || view.folded[r].find(needle) != std::string::npos)
            view.rows.push_back(r);
    sort_rows(view, *set);
}

void apply_sort_specs(View& view, bool& changed) {
    ImGuiTableSortSpecs* specs = ImGui::TableGetSortSpecs();
    if (!specs || !specs->SpecsDirty) return;
    if (specs->SpecsCount > 0) {
        view.sort_field = specs->Specs[0].ColumnIndex;
        view.ascending = specs->Specs[0].SortDirection == ImGuiSortDirection_Ascending;
    } else {
        view.sort_field = -1;
    }
    specs->SpecsDirty = false;
    changed = true;
}

void draw_rows(App& app, View& view, const hemis::RecordSet& set, std::size_t fields) {
    ImGuiListClipper clipper;
    clipper.Begin(int(view.rows.size()));
    while (clipper.Step()) {
        for (int i = clipper.DisplayStart; i < clipper.DisplayEnd; ++i) {
            const std::size_t r = view.rows[std::size_t(i)];
            ImGui::TableNextRow();
            for (std::size_t f = 0; f < fields; ++f) {
                ImGui::TableSetColumnIndex(int(f));
                const std::string_view v = set.value(r, int(f));
                if (f == 0) {
                    ImGui::PushID(i);
                    if (ImGui::Selectable(std::string(v).append("##row").c_str(), false,
                                          ImGuiSelectableFlags_SpanAllColumns))
                        app.open_form(set.entity, app.records.id_at(set.entity, r));
                    ImGui::PopID();
                } else {
                    ImGui::TextUnformatted(v.data(), v.data() + v.size());
                }
            }
        }
    }
}

void draw_grid(App& app, View& view, const hemis::RecordSet& set) {
    const auto& schema = hemis::schema_of(set.entity);
    const int fields = int(schema.fields.size());
    const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_ScrollX | ImGuiTableFlags_ScrollY |
                                  ImGuiTableFlags_Sortable | ImGuiTableFlags_Resizable |
                                  ImGuiTableFlags_SortTristate;
    if (!ImGui::BeginTable("records", fields, flags)) return;
    ImGui::TableSetupScrollFreeze(1, 1);
    for (const auto& f : schema.fields)
        ImGui::TableSetupColumn(field_label(f.name), ImGuiTableColumnFlags_WidthFixed,
                                ImGui::GetFontSize() * 9);
    ImGui::TableHeadersRow();
    bool changed = false;
    apply_sort_specs(view, changed);
    if (changed) sort_rows(view, set);
    draw_rows(app, view, set, std::size_t(fields));
    ImGui::EndTable();
}

}  // namespace

TableShown table_shown(hemis::Entity e) {
    const View& view = views()[std::size_t(e)];
    return {view.applied_query, view.rows.size()};
}

void draw_table(App& app) {
    const Entity e = app.table_entity;
    View& view = views()[std::size_t(e)];
    const hemis::RecordSet* set = app.records.set(e);
    if (view.generation != app.records.generation(e) || view.query != view.applied_query)
        refresh(view, set, app.records.generation(e));

    ImGui::TextUnformatted(entity_label(e));
    ImGui::SameLine();
    if (ImGui::Button(tr("table.add"))) app.open_form(e, 0);
    ImGui::SameLine();
    input_text(tr("table.search"), view.query, ImGui::GetFontSize() * 16);
    mark_item("table.search");
    ImGui::SameLine();
    ImGui::TextUnformatted(
        trf("table.shown", {std::to_string(view.rows.size()), std::to_string(app.records.count(e))})
            .c_str());
    help_text(tr("table.help"));
    if (!set || set->size() == 0) return empty_state(tr("table.empty"));
    draw_grid(app, view, *set);
}

}  // namespace web
