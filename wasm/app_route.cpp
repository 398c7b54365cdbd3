// Deep links in the page's #hash: a bookmark or a support person's link opens a screen, a table,
// a new record or a record by its id. Unknown links fall back to the dashboard.
#include "app.hpp"

namespace web {
namespace {

std::vector<std::string> split_route(const std::string& route) {
    std::vector<std::string> parts;
    std::string part;
    for (char c : route) {
        if (c == '/') {
            if (!part.empty()) parts.push_back(std::move(part));
            part.clear();
        } else if (c != '#') {
            part += c;
        }
    }
    if (!part.empty()) parts.push_back(std::move(part));
    return parts;
}

std::int64_t find_record(const Records& records, hemis::Entity e, const std::string& record_id) {
    const hemis::RecordSet* set = records.set(e);
    for (std::size_t r = 0; set && r < set->size(); ++r)
        if (set->record_id(r) == record_id) return records.id_at(e, r);
    return 0;
}

}  // namespace

void App::navigate(const std::string& route) {
    const auto parts = split_route(route);
    const std::string head = parts.empty() ? "dashboard" : parts[0];
    const auto entity = parts.size() > 1 ? hemis::entity_from_name(parts[1]) : std::nullopt;
    if (head == "table" && entity) {
        table_entity = *entity;
        screen = Screen::table;
    } else if (head == "form" && entity && parts.size() > 2) {
        std::string id = parts[2];
        for (std::size_t i = 3; i < parts.size(); ++i) id += "/" + parts[i];
        open_form(*entity, id == "new" ? 0 : find_record(records, *entity, id));
    } else {
        const std::pair<const char*, Screen> screens[] = {
            {"import", Screen::import},     {"report", Screen::report},
            {"package", Screen::package},   {"upload", Screen::upload},
            {"settings", Screen::settings}, {"log", Screen::log}};
        screen = Screen::dashboard;
        for (const auto& [name, s] : screens)
            if (head == name) screen = s;
    }
}

}  // namespace web
