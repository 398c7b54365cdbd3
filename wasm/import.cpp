// Import reading: entity detection, column mapping and the spreadsheet-paste conversion.
// An .xlsx file arrives here already turned into CSV text by the page (web/xlsx.js).
#include "import.hpp"

#include <algorithm>
#include <ctime>
#include <sstream>

#include "hemis/csv.hpp"
#include "hemis/inputs.hpp"
#include "i18n.hpp"

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

// learners.xlsx names the same entity as learners.csv.
std::string as_csv_name(std::string name) {
    const std::string_view ext = ".xlsx";
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0)
        name.replace(name.size() - ext.size(), ext.size(), ".csv");
    return name;
}

std::string base_name(std::string name) {
    const auto slash = name.find_last_of("/\\");
    if (slash != std::string::npos) name.erase(0, slash + 1);
    return name;
}

PendingImport pending_from_rows(std::string file_name, std::string bytes, hemis::Entity entity,
                                hemis::RecordSet rows) {
    PendingImport p;
    p.file_name = std::move(file_name);
    p.bytes = std::move(bytes);
    p.entity = entity;
    p.rows = std::move(rows);
    const auto& schema = hemis::schema_of(entity);
    for (const auto& h : p.rows->table.header()) p.columns.push_back({h, schema.field_index(h)});
    apply_mapping(p);
    // A file without even a header is the wrong file: replacing data with it would empty a table.
    p.read_problems = p.rows->table.issues().size() + (p.rows->table.header().empty() ? 1 : 0);
    return p;
}

}  // namespace

std::optional<hemis::Entity> guess_entity(const std::string& file_name, std::string_view bytes) {
    if (auto e = hemis::entity_from_name(file_name)) return e;
    if (auto e = hemis::entity_from_file_name(as_csv_name(file_name))) return e;
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
    hemis::Dataset scratch;
    hemis::add_csv_input(scratch, file_name, bytes, entity);
    if (!scratch.get(entity)) return {};
    hemis::RecordSet rows = std::move(*scratch.get(entity));
    return pending_from_rows(std::move(file_name), std::move(bytes), entity, std::move(rows));
}

PendingImport pending_from(ImportJob& job) {
    hemis::RecordSet rows =
        hemis::make_record_set(job.entity, base_name(job.file_name), job.reader.take());
    return pending_from_rows(std::move(job.file_name), std::move(job.bytes), job.entity,
                             std::move(rows));
}

void apply_mapping(PendingImport& p) {
    hemis::RecordSet& rows = *p.rows;
    const auto& schema = hemis::schema_of(*p.entity);
    rows.column_of_field.assign(schema.fields.size(), -1);
    rows.unknown_columns.clear();
    for (std::size_t c = 0; c < p.columns.size(); ++c) {
        ColumnMapping& m = p.columns[c];
        if (m.field >= 0 && rows.column_of_field[std::size_t(m.field)] < 0) {
            rows.column_of_field[std::size_t(m.field)] = int(c);
            continue;
        }
        m.field = -1;  // a second column for a field is not imported, as in the CLI
        // Reported as the CLI reports it (a template column seen a second time is a duplicate,
        // anything else unknown), except a column the user chose to leave out.
        if (!m.chosen)
            rows.unknown_columns.push_back(
                {m.header, std::uint32_t(c + 1), schema.field_index(m.header) >= 0});
    }
    p.missing_fields.clear();
    for (std::size_t f = 0; f < schema.fields.size(); ++f)
        if (!rows.has_field(int(f))) p.missing_fields.emplace_back(schema.fields[f].name);
    p.missing_id_fields.clear();
    std::vector<int> id_fields;
    for (auto name : schema.key) {
        const int f = schema.field_index(name);
        if (rows.has_field(f))
            id_fields.push_back(f);
        else
            p.missing_id_fields.emplace_back(name);
    }
    p.blank_id_rows = 0;
    p.first_blank_id_row = 0;
    if (!p.missing_id_fields.empty()) return;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const bool blank = std::any_of(id_fields.begin(), id_fields.end(),
                                       [&](int f) { return rows.value(r, f).empty(); });
        if (!blank) continue;
        if (p.blank_id_rows++ == 0) p.first_blank_id_row = rows.table.source_row(r);
    }
}

std::string PendingImport::blocked_reason() const {
    if (!rows) return "";
    if (read_problems > 0) return tr("import.blocked");
    if (!missing_id_fields.empty()) {
        std::string names;
        for (const auto& f : missing_id_fields) names += (names.empty() ? "" : ", ") + f;
        return trf("import.no_id_column", {names});
    }
    if (blank_id_rows > 0)
        return trf("import.blank_ids",
                   {std::to_string(blank_id_rows), std::to_string(first_blank_id_row)});
    return "";
}

std::string now_iso_utc() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

std::vector<hemis::Finding> skipped_findings(const hemis::RecordSet& rows, const ImportPlan& plan) {
    const int version = hemis::schema_of(rows.entity).field_index("phien_ban");
    std::vector<hemis::Finding> out;
    for (const auto& skip : plan.skipped) {
        hemis::Finding f;
        f.rule = "import.version_not_newer";
        f.severity = hemis::Severity::warning;
        f.entity = rows.entity;
        f.file = rows.source;
        f.record = rows.record_id(skip.row);
        f.row = rows.table.source_row(skip.row);
        f.column = rows.column_number(version);
        f.field = "phien_ban";
        f.value = std::string(rows.value(skip.row, version));
        for (hemis::Lang lang : {hemis::Lang::vi, hemis::Lang::en})
            (lang == hemis::Lang::vi ? f.message_vi : f.message_en) =
                trf_in(lang, "import.skipped_version", {f.value, skip.saved_version, f.record});
        out.push_back(std::move(f));
    }
    return out;
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
