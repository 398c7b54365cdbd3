// Store implementation. Table and column names come from the core's schemas (ASCII identifiers)
// and are quoted anyway; values are always bound, never spliced into SQL.
#include "store.hpp"

#include <algorithm>

#include "hemis/csv.hpp"
#include "hemis/inputs.hpp"
#include "log.hpp"

namespace web {
namespace {

using hemis::Entity;
using hemis::schema_of;

std::string quoted(std::string_view name) {
    return "\"" + std::string(name) + "\"";
}
std::string table_of(Entity e) {
    return quoted(hemis::entity_name(e));
}

std::string column_list(Entity e) {
    std::string out;
    for (const auto& f : schema_of(e).fields) out += (out.empty() ? "" : ", ") + quoted(f.name);
    return out;
}

std::string placeholders(std::size_t n) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += i ? ", ?" : "?";
    return out;
}

}  // namespace

bool Store::fail(std::string what) {
    error_ = what + ": " + db_.error();
    log_error("store: " + error_);
    return false;
}

bool Store::open(const std::string& path) {
    for (auto& s : find_stmt_) s.reset();  // statements belong to the connection being replaced
    ++writes_;                             // the file may have been replaced since last read
    if (!db_.open(path)) return fail("open " + path);
    // The journal lives in memory: IDBFS copies whole files, so a journal file would only add
    // a second file to persist; a write either commits in SQLite or is rolled back.
    db_.exec("PRAGMA journal_mode=MEMORY");
    // This connection is the file's only user (one tab writes; the app closes it before IDBFS
    // replaces the file). Holding the lock spares every statement outside a transaction a
    // hot-journal check, a stat() through Emscripten's JS file system: looking up 100k import
    // rows one statement each took 1.3 s for that alone.
    db_.exec("PRAGMA locking_mode=EXCLUSIVE");
    return ensure_tables();
}

bool Store::ensure_tables() {
    if (!db_.exec("CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT)"))
        return fail("create settings");
    for (Entity e : hemis::kAllEntities) {
        const std::string table = table_of(e);
        if (!db_.exec("CREATE TABLE IF NOT EXISTS " + table + " (_id INTEGER PRIMARY KEY)"))
            return fail("create " + table);
        // Add any schema field the table lacks, so a newer core opens an older database.
        std::vector<std::string> have;
        Stmt info(db_.handle(), "PRAGMA table_info(" + table + ")");
        while (info.step()) have.emplace_back(info.text(1));
        for (const auto& f : schema_of(e).fields) {
            if (std::find(have.begin(), have.end(), f.name) != have.end()) continue;
            if (!db_.exec("ALTER TABLE " + table + " ADD COLUMN " + quoted(f.name) +
                          " TEXT NOT NULL DEFAULT ''"))
                return fail("add column " + std::string(f.name));
        }
        std::string key_cols;
        for (auto k : schema_of(e).key) key_cols += (key_cols.empty() ? "" : ", ") + quoted(k);
        db_.exec("CREATE INDEX IF NOT EXISTS \"" + std::string(hemis::entity_name(e)) +
                 "_key\" ON " + table + " (" + key_cols + ")");
    }
    return true;
}

std::size_t Store::count(Entity e) {
    Stmt s(db_.handle(), "SELECT count(*) FROM " + table_of(e));
    return s.step() ? std::size_t(s.integer(0)) : 0;
}

EntityRows Store::load(Entity e) {
    EntityRows out;
    const auto& fields = schema_of(e).fields;
    out.csv = hemis::template_header(e);
    Stmt s(db_.handle(),
           "SELECT _id, " + column_list(e) + " FROM " + table_of(e) + " ORDER BY _id");
    while (s.step()) {
        out.ids.push_back(s.integer(0));
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) out.csv += ',';
            hemis::append_csv_field(out.csv, s.text(int(i) + 1));
        }
        out.csv += '\n';
    }
    return out;
}

std::vector<std::string> Store::record(Entity e, std::int64_t id) {
    std::vector<std::string> values;
    Stmt s(db_.handle(), "SELECT " + column_list(e) + " FROM " + table_of(e) + " WHERE _id = ?");
    s.bind_int(1, id);
    if (s.step())
        for (std::size_t i = 0; i < schema_of(e).fields.size(); ++i)
            values.emplace_back(s.text(int(i)));
    return values;
}

SavedRecord Store::find_saved(Entity e, const std::vector<std::string_view>& values) {
    const auto& schema = schema_of(e);
    auto& s = find_stmt_[std::size_t(e)];
    if (!s) {
        std::string where;
        for (auto k : schema.key) where += (where.empty() ? "" : " AND ") + quoted(k) + " = ?";
        s = std::make_unique<Stmt>(db_.handle(), "SELECT _id, \"phien_ban\" FROM " + table_of(e) +
                                                     " WHERE " + where + " ORDER BY _id LIMIT 1");
    }
    int i = 1;
    for (auto k : schema.key) s->bind(i++, values[std::size_t(schema.field_index(k))]);
    SavedRecord found;
    if (s->step()) found = {s->integer(0), std::string(s->text(1))};
    s->reset();  // an unfinished read would hold the table
    return found;
}

void Store::close() {
    for (auto& s : find_stmt_) s.reset();
    db_.close();
}

std::int64_t Store::saved_id(Entity e, const std::vector<std::string>& values) {
    return find_saved(e, std::vector<std::string_view>(values.begin(), values.end())).id;
}

std::string Store::insert_sql(Entity e) {
    return "INSERT INTO " + table_of(e) + " (" + column_list(e) + ") VALUES (" +
           placeholders(schema_of(e).fields.size()) + ")";
}

bool Store::insert(Entity e, const std::vector<std::string_view>& values) {
    Stmt s(db_.handle(), insert_sql(e));
    for (std::size_t i = 0; i < values.size(); ++i) s.bind(int(i) + 1, values[i]);
    return s.run();
}

bool Store::update(Entity e, std::int64_t id, const std::vector<std::string_view>& values) {
    std::string sets;
    for (const auto& f : schema_of(e).fields)
        sets += (sets.empty() ? "" : ", ") + quoted(f.name) + " = ?";
    Stmt s(db_.handle(), "UPDATE " + table_of(e) + " SET " + sets + " WHERE _id = ?");
    for (std::size_t i = 0; i < values.size(); ++i) s.bind(int(i) + 1, values[i]);
    s.bind_int(int(values.size()) + 1, id);
    return s.run();
}

std::int64_t Store::save_record(Entity e, std::int64_t id, const std::vector<std::string>& v) {
    const std::vector<std::string_view> values(v.begin(), v.end());
    Transaction tx(db_);
    const bool ok = tx.begun() && (id ? update(e, id, values) : insert(e, values));
    const std::int64_t saved = id ? id : db_.last_insert_id();
    if (!ok || !tx.commit()) return fail("save record"), 0;
    ++writes_;
    return saved;
}

bool Store::delete_record(Entity e, std::int64_t id) {
    Stmt s(db_.handle(), "DELETE FROM " + table_of(e) + " WHERE _id = ?");
    s.bind_int(1, id);
    ++writes_;
    return s.run() || fail("delete record");
}

bool Store::clear_all() {
    Transaction tx(db_);
    ++writes_;
    for (Entity e : hemis::kAllEntities)
        if (!db_.exec("DELETE FROM " + table_of(e))) return fail("clear");
    return tx.commit() || fail("commit clear");
}

std::string Store::setting(const std::string& key, const std::string& fallback) {
    Stmt s(db_.handle(), "SELECT value FROM settings WHERE key = ?");
    s.bind(1, key);
    return s.step() ? std::string(s.text(0)) : fallback;
}

bool Store::set_setting(const std::string& key, const std::string& value) {
    Stmt s(db_.handle(), "INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)");
    s.bind(1, key).bind(2, value);
    return s.run() || fail("save setting");
}

}  // namespace web
