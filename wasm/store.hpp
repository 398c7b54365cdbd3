// The local database: one SQLite table per entity whose columns are the schema's fields (TEXT, in
// schema order) plus an internal row id, and a settings table. Every write is one transaction:
// it either lands whole or leaves the database as it was. The caller persists after each commit.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "hemis/entities.hpp"
#include "sqlite_db.hpp"

namespace web {

struct EntityRows {
    std::string csv;                // header in schema order, then one line per stored record
    std::vector<std::int64_t> ids;  // row ids, in the same order as the CSV's records
};

enum class ImportMode { replace_all, add_or_update };

struct SavedRecord {      // a saved record found by its id (key fields)
    std::int64_t id = 0;  // 0 when no record has the key
    std::string version;  // its phien_ban
};

// What an import does to the saved records of its entity. A merge never lets a file's version
// that is older than or equal to the saved one overwrite the saved record: that row is skipped.
struct ImportPlan {
    struct Skip {
        std::size_t row;  // index in the record set
        std::string saved_version;
    };
    std::size_t added = 0, updated = 0, removed = 0;
    std::vector<Skip> skipped;
    // The merge preview's lookups, kept so the write need not repeat them: the saved record of
    // each row (empty when the entity had none), valid while Store::writes() still equals
    // `looked_up_at` (0: nothing looked up).
    std::vector<SavedRecord> found;
    std::uint64_t looked_up_at = 0;
};

class Store;

// One import written a slice at a time inside a single transaction, so a large file never stops
// the page and a failure (or dropping it before commit) leaves the database as it was. Columns
// the file lacks are written blank, except the metadata: phien_ban 1 (a saved record's version
// plus one), su_kien new (update) and cap_nhat_luc `now`. A merge given the preview's plan
// reuses its lookups while the store is unchanged, and looks up only rows whose id came earlier
// in the file (that row may just have been written).
class ImportWrite {
public:
    ImportWrite(Store& store, const hemis::RecordSet& rows, ImportMode mode, std::string now,
                ImportPlan preview = {});
    ~ImportWrite();
    bool step(std::size_t max_rows);  // false on failure: see failed_row() and error()
    bool done() const { return next_ >= rows_.size(); }
    bool commit();
    std::size_t next_row() const { return next_; }
    std::size_t failed_row() const { return failed_row_; }  // index in the record set
    const std::string& error() const { return error_; }
    const ImportPlan& plan() const { return plan_; }

private:
    bool begin();
    bool fail(std::size_t row, std::string what);
    SavedRecord saved_for(std::size_t row);

    Store& store_;
    const hemis::RecordSet& rows_;
    ImportMode mode_;
    std::string now_;
    std::unique_ptr<Transaction> tx_;
    std::unique_ptr<Stmt> insert_;
    std::size_t next_ = 0, failed_row_ = 0;
    bool begun_ = false;
    std::string error_;
    ImportPlan preview_;
    bool reuse_ = false;                   // preview_.found answers for rows not seen before
    std::unordered_set<std::string> ids_;  // the file's record ids met so far, when reusing
    ImportPlan plan_;
};
class Store {
public:
    bool open(const std::string& path);
    void close();
    bool is_open() const { return db_.is_open(); }
    const std::string& last_error() const { return error_; }
    // Changes with every write to the records and every (re)opening: what was read of them
    // before is still true while it is the same.
    std::uint64_t writes() const { return writes_; }

    std::size_t count(hemis::Entity e);
    EntityRows load(hemis::Entity e);
    std::vector<std::string> record(hemis::Entity e, std::int64_t id);
    // The saved record whose id (key fields) `values` (in schema order) hold, or 0.
    std::int64_t saved_id(hemis::Entity e, const std::vector<std::string>& values);

    // What importing `rows` would do (store_import.cpp); writes nothing.
    ImportPlan plan_import(const hemis::RecordSet& rows, ImportMode mode);

    // Writes. Each returns false, with last_error() set, when nothing was changed.
    bool import_rows(const hemis::RecordSet& rows, ImportMode mode, const std::string& now);
    // id 0 adds a record; returns the record's id, or 0 on failure.
    std::int64_t save_record(hemis::Entity e, std::int64_t id, const std::vector<std::string>& v);
    bool delete_record(hemis::Entity e, std::int64_t id);
    bool clear_all();

    std::string setting(const std::string& key, const std::string& fallback = {});
    bool set_setting(const std::string& key, const std::string& value);

private:
    friend class ImportWrite;
    SavedRecord find_saved(hemis::Entity e, const std::vector<std::string_view>& key_values);
    static std::string insert_sql(hemis::Entity e);
    bool ensure_tables();
    bool fail(std::string what);
    bool insert(hemis::Entity e, const std::vector<std::string_view>& values);
    bool update(hemis::Entity e, std::int64_t id, const std::vector<std::string_view>& values);

    Db db_;
    std::string error_;
    std::uint64_t writes_ = 0;
    // find_saved's statement per entity, prepared once: an import looks up every row, and
    // preparing the query each time cost more than running it. Finalised before db_ closes.
    std::array<std::unique_ptr<Stmt>, hemis::kEntityCount> find_stmt_;
};

}  // namespace web
