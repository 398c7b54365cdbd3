// Catalog loading for the rulebook: each catalog is read from one or more reference CSV files, with
// optional row filters, validity dates (fixed or from columns) and extra attribute columns.
#include <nlohmann/json.hpp>

#include "hemis/csv.hpp"
#include "hemis/sha256.hpp"
#include "rulebook_impl.hpp"

namespace hemis {

using nlohmann::json;

namespace {

int column_of(const CsvTable& t, const std::string& name, const std::string& where) {
    for (std::size_t c = 0; c < t.column_count(); ++c)
        if (t.header()[c] == name) return int(c);
    throw RulebookError(where + ": no column '" + name + "'");
}

std::optional<Date> date_param(const json& src, const char* key, const std::string& where) {
    if (!src.contains(key)) return std::nullopt;
    auto d = parse_date(src.at(key).get<std::string>());
    if (!d) throw RulebookError(where + ": bad date in '" + key + "'");
    return d;
}

std::optional<Date> date_cell(const CsvTable& t, std::size_t row, int col) {
    if (col < 0 || t.cell(row, col).empty()) return std::nullopt;
    return parse_date(t.cell(row, col));
}

void load_source(const json& src, const CsvTable& t, Catalog& cat, const std::string& where) {
    const int code = column_of(t, src.at("code").get<std::string>(), where);
    const int name = src.contains("name") ? column_of(t, src.at("name"), where) : -1;
    const int from_col =
        src.contains("valid_from_column") ? column_of(t, src["valid_from_column"], where) : -1;
    const int to_col =
        src.contains("valid_to_column") ? column_of(t, src["valid_to_column"], where) : -1;
    const auto from = date_param(src, "valid_from", where);
    const auto to = date_param(src, "valid_to", where);
    std::vector<std::pair<int, std::string>> filters;
    const json where_spec = src.value("where", json::object());  // items() must not outlive it
    for (const auto& [column, value] : where_spec.items())
        filters.emplace_back(column_of(t, column, where), value.get<std::string>());
    std::vector<int> attrs;
    for (const auto& a : cat.attribute_names) attrs.push_back(column_of(t, a, where));

    for (std::size_t r = 0; r < t.row_count(); ++r) {
        bool keep = !t.cell(r, code).empty();
        for (const auto& [col, value] : filters) keep = keep && t.cell(r, col) == value;
        if (!keep) continue;
        Catalog::Entry e{std::string(t.cell(r, code)),
                         name >= 0 ? std::string(t.cell(r, name)) : "",
                         from_col >= 0 ? date_cell(t, r, from_col) : from,
                         to_col >= 0 ? date_cell(t, r, to_col) : to,
                         {}};
        for (int a : attrs) e.attributes.emplace_back(t.cell(r, a));
        cat.add(std::move(e));
    }
}

}  // namespace

static void load_catalog(const std::string& name, const json& def, const FileLoader& loader,
                         Rulebook::Impl& out, std::map<std::string, std::string>& file_hashes);

void load_catalogs(const json& spec, const FileLoader& loader, Rulebook::Impl& out,
                   std::string& hash_input) {
    std::map<std::string, std::string> file_hashes;  // sorted: the hash must not depend on order
    for (const auto& [name, def] : spec.items()) {
        try {
            load_catalog(name, def, loader, out, file_hashes);
        } catch (const json::exception& e) {
            throw RulebookError("catalog " + name + " has a wrong shape: " + e.what());
        }
    }
    for (const auto& [file, digest] : file_hashes) hash_input += "\nfile " + file + " " + digest;
}

static void load_catalog(const std::string& name, const json& def, const FileLoader& loader,
                         Rulebook::Impl& out, std::map<std::string, std::string>& file_hashes) {
    {
        Catalog& cat = out.catalogs[name];
        cat.name = name;
        const std::string status = def.value("status", "real");
        if (status != "real" && status != "partial")
            throw RulebookError("catalog " + name + ": status must be real or partial");
        cat.partial = status == "partial";
        for (const auto& a : def.value("attributes", json::array()))
            cat.attribute_names.push_back(a);
        for (const auto& src : def.at("sources")) {
            const std::string file = src.at("file").get<std::string>();
            const std::string where = "catalog " + name + " (" + file + ")";
            const auto bytes = loader(file);
            if (!bytes) throw RulebookError(where + ": cannot read file");
            CsvTable t = read_csv(*bytes);
            if (!t.issues().empty()) throw RulebookError(where + ": malformed CSV");
            load_source(src, t, cat, where);
            file_hashes[file] = sha256_hex(*bytes);
        }
        if (cat.entries().empty()) throw RulebookError("catalog " + name + ": no codes loaded");
    }
}

}  // namespace hemis
