// Rebuilds one entity's record set from the store's CSV rendering, through hemis::add_csv_input,
// the call the CLI uses for a file of the same name.
#include "records.hpp"

#include "hemis/inputs.hpp"

namespace web {

void Records::reload(Store& store, hemis::Entity e) {
    EntityRows rows = store.load(e);
    const std::size_t i = index(e);
    // An entity without records is left out, as an export writes no file for it.
    data_.sets[i].reset();
    if (!rows.ids.empty())
        hemis::add_csv_input(data_, std::string(hemis::schema_of(e).file), rows.csv, e);
    ids_[i] = std::move(rows.ids);
    row_by_id_[i].clear();
    row_by_src_[i].clear();
    const hemis::RecordSet* set = data_.get(e);
    for (std::size_t r = 0; r < ids_[i].size(); ++r) {
        row_by_id_[i][ids_[i][r]] = r;
        if (set && r < set->size()) row_by_src_[i][set->table.source_row(r)] = r;
    }
    ++generation_[i];
}

void Records::reload_all(Store& store) {
    for (hemis::Entity e : hemis::kAllEntities) reload(store, e);
}

bool same_records(const hemis::RecordSet& a, const hemis::RecordSet& b) {
    const hemis::CsvTable& x = a.table;
    const hemis::CsvTable& y = b.table;
    if (a.entity != b.entity || a.source != b.source || a.column_of_field != b.column_of_field ||
        x.header() != y.header() || x.row_count() != y.row_count() ||
        x.issues().size() != y.issues().size() ||
        a.unknown_columns.size() != b.unknown_columns.size())
        return false;
    for (std::size_t i = 0; i < a.unknown_columns.size(); ++i) {
        const auto &u = a.unknown_columns[i], &v = b.unknown_columns[i];
        if (u.name != v.name || u.column != v.column || u.duplicate != v.duplicate) return false;
    }
    for (std::size_t i = 0; i < x.issues().size(); ++i) {
        const auto &u = x.issues()[i], &v = y.issues()[i];
        if (u.kind != v.kind || u.row != v.row || u.column != v.column ||
            u.byte_in_field != v.byte_in_field)
            return false;
    }
    for (std::size_t r = 0; r < x.row_count(); ++r) {
        if (x.source_row(r) != y.source_row(r)) return false;
        for (std::size_t c = 0; c < x.column_count(); ++c)
            if (x.cell(r, c) != y.cell(r, c)) return false;
    }
    return true;
}

std::optional<std::size_t> Records::row_of_id(hemis::Entity e, std::int64_t id) const {
    const auto& m = row_by_id_[index(e)];
    if (auto it = m.find(id); it != m.end()) return it->second;
    return std::nullopt;
}

std::optional<std::size_t> Records::row_of_source(hemis::Entity e, std::uint32_t src) const {
    const auto& m = row_by_src_[index(e)];
    if (auto it = m.find(src); it != m.end()) return it->second;
    return std::nullopt;
}

}  // namespace web
