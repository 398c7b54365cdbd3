// The local database: one SQLite table per entity whose columns are the schema's fields (TEXT, in
// schema order) plus an internal row id, and a settings table. Every write is one transaction:
// it either lands whole or leaves the database as it was. The caller persists after each commit.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "hemis/entities.hpp"
#include "sqlite_db.hpp"

namespace web {

struct EntityRows {
    std::string csv;                // header in schema order, then one line per stored record
    std::vector<std::int64_t> ids;  // row ids, in the same order as the CSV's records
};

enum class ImportMode { replace_all, add_or_update };

class Store {
public:
    bool open(const std::string& path);
    void close() { db_.close(); }
    bool is_open() const { return db_.is_open(); }
    const std::string& last_error() const { return error_; }

    std::size_t count(hemis::Entity e);
    EntityRows load(hemis::Entity e);
    std::vector<std::string> record(hemis::Entity e, std::int64_t id);

    // Writes. Each returns false, with last_error() set, when nothing was changed.
    bool import_rows(const hemis::RecordSet& rows, ImportMode mode);
    // id 0 adds a record; returns the record's id, or 0 on failure.
    std::int64_t save_record(hemis::Entity e, std::int64_t id, const std::vector<std::string>& v);
    bool delete_record(hemis::Entity e, std::int64_t id);
    bool clear_all();

    std::string setting(const std::string& key, const std::string& fallback = {});
    bool set_setting(const std::string& key, const std::string& value);

private:
    bool ensure_tables();
    bool fail(std::string what);
    std::int64_t find_by_key(hemis::Entity e, const std::vector<std::string_view>& key_values);
    bool insert(hemis::Entity e, const std::vector<std::string_view>& values);
    bool update(hemis::Entity e, std::int64_t id, const std::vector<std::string_view>& values);

    Db db_;
    std::string error_;
};

}  // namespace web
