// The screens, one file each (ui_*.cpp). Each draws into the current ImGui window from App state
// and calls App commands; none keeps data of its own beyond view state such as filters.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app.hpp"

namespace web {

void draw_app(App& app);  // the whole frame: banners, navigation, the current screen, status

void draw_dashboard(App& app);
void draw_table(App& app);
void draw_form(App& app);
void draw_import(App& app);
void draw_report(App& app);
void draw_package(App& app);
void draw_settings(App& app);
void draw_log(App& app);
void draw_upload(App& app);

// Import screen parts (ui_import_parts.cpp): the progress of a file being read (returns true
// while one is) and the editable column mapping of the pending import.
bool draw_import_progress(App& app);
void draw_import_mapping(App& app);

// Named widget rectangles of the last frame (ui_marks.cpp), for window.hemis.itemRect.
struct ItemRect {
    float x, y, w, h;
};
void mark_item(std::string_view name);                       // the last drawn item, under `name`
std::optional<ItemRect> item_rect(const std::string& name);  // in CSS pixels
void forget_marks();                                         // at the start of each frame

// What a table's search shows (ui_table.cpp), for window.hemis.state().
struct TableShown {
    std::string query;
    std::size_t rows = 0;
};
TableShown table_shown(hemis::Entity e);

// Opens the report filtered to one rule (the dashboard's chart links there).
void report_filter_rule(const std::string& rule);
// The validation report's findings table (rule, severity, entity, row, record, field, message); a
// click on a row opens its record. `height` 0 fills the space left.
void draw_findings_table(App& app, const char* id, const std::vector<const hemis::Finding*>& shown,
                         float height);

// Shared widgets (ui_widgets.cpp).
const char* field_label(std::string_view field);  // catalogue label, or the field's name
const char* entity_label(hemis::Entity e);        // plural, for navigation and headings
void help_text(const char* text);                 // wrapped, muted sentence
void empty_state(const char* text);               // one friendly line for an empty panel
void severity_badge(hemis::Severity s);
struct BarItem {
    std::string label;
    double value;
};
// Horizontal bars with labels and values; returns the index clicked, or -1.
int bar_chart(const char* id, const BarItem* items, int count, float width);
// Escape leaves the field keeping what was typed (ImGui alone would undo the field's edit).
bool input_text(const char* label, std::string& value, float width = -1.0f, int flags = 0);
void show_finding_message(const hemis::Finding& f);

}  // namespace web
