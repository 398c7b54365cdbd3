// Import reading: entity detection, column mapping and the spreadsheet-paste conversion.
#include "import.hpp"

#include <algorithm>
#include <sstream>

#include "hemis/csv.hpp"
#include "hemis/inputs.hpp"

namespace web {
namespace {

int header_matches(const std::vector<std::string>& header, hemis::Entity e) {
    const auto& schema = hemis::schema_of(e);
    return int(std::count_if(header.begin(), header.end(),
                             [&](const std::string& h) { return schema.field_index(h) >= 0; }));
}

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == sep)
            out.emplace_back();
        else if (c != '\r')
            out.back() += c;
    }
    return out;
}

}  // namespace

std::optional<hemis::Entity> guess_entity(const std::string& file_name, std::string_view bytes) {
    if (auto e = hemis::entity_from_name(file_name)) return e;
    if (auto e = hemis::entity_from_file_name(file_name)) return e;
    const auto header = hemis::read_csv(bytes.substr(0, bytes.find('\n') + 1)).header();
    std::optional<hemis::Entity> best;
    int best_score = 0;
    for (hemis::Entity e : hemis::kAllEntities) {
        const int score = header_matches(header, e);
        if (score > best_score) best = e, best_score = score;
    }
    return best;
}

PendingImport read_import(std::string file_name, std::string bytes, hemis::Entity entity) {
    PendingImport p;
    p.file_name = std::move(file_name);
    p.bytes = std::move(bytes);
    p.entity = entity;
    hemis::Dataset scratch;
    hemis::add_csv_input(scratch, p.file_name, p.bytes, entity);
    if (!scratch.get(entity)) return p;
    p.rows = std::move(*scratch.get(entity));
    const auto& header = p.rows->table.header();
    const auto& schema = hemis::schema_of(entity);
    for (const auto& h : header) p.columns.push_back({h, schema.field_index(h)});
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        if (!p.rows->has_field(int(f))) p.missing_fields.emplace_back(schema.fields[f].name);
    p.read_problems = p.rows->table.issues().size();
    return p;
}

std::string tsv_to_csv(const std::string& tsv, hemis::Entity entity) {
    std::istringstream lines(tsv);
    std::string line, csv;
    bool first = true;
    while (std::getline(lines, line)) {
        const auto cells = split(line, '\t');
        if (first && header_matches(cells, entity) == 0) csv = hemis::template_header(entity);
        first = false;
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i) csv += ',';
            hemis::append_csv_field(csv, cells[i]);
        }
        csv += '\n';
    }
    return csv;
}

}  // namespace web
