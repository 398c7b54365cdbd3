// SQLite connection, statements and transactions.
#include "sqlite_db.hpp"

#include "store.hpp"

namespace hemis::server {

Db::Db(const std::string& path) {
    // Allocation statistics take a global mutex on every SQLite malloc; nothing reads them. Only
    // possible before SQLite initialises, so the first connection sets it.
    static const int no_memstatus = sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
    (void)no_memstatus;
    // No per-call connection mutex: each connection's owner serialises its use (the store holds
    // its own mutex around every call).
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    if (sqlite3_open_v2(path.c_str(), &db_, flags, nullptr) != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : "out of memory";
        sqlite3_close(db_);
        throw StoreError("cannot open database " + path + ": " + msg);
    }
    sqlite3_busy_timeout(db_, 10000);  // admin commands may write while the server runs
}

Db::~Db() {
    sqlite3_close(db_);
}

void Db::fail(std::string_view what) const {
    throw StoreError(std::string(what) + ": " + sqlite3_errmsg(db_));
}

void Db::exec(const std::string& sql) {
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) fail("sql");
}

Stmt::Stmt(Db& db, const char* sql) : db_(db) {
    if (sqlite3_prepare_v2(db.handle(), sql, -1, &stmt_, nullptr) != SQLITE_OK) db.fail("prepare");
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_TRANSIENT) !=
        SQLITE_OK)
        db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind_unowned(int index, std::string_view text) {
    if (sqlite3_bind_text(stmt_, index, text.data(), int(text.size()), SQLITE_STATIC) != SQLITE_OK)
        db_.fail("bind");
    return *this;
}

Stmt& Stmt::bind(int index, long long value) {
    if (sqlite3_bind_int64(stmt_, index, value) != SQLITE_OK) db_.fail("bind");
    return *this;
}

bool Stmt::step() {
    const int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc != SQLITE_DONE) db_.fail("step");
    return false;
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
}

std::string Stmt::text(int column) const {
    const auto* p = sqlite3_column_text(stmt_, column);
    return p ? std::string(reinterpret_cast<const char*>(p), sqlite3_column_bytes(stmt_, column))
             : std::string();
}

long long Stmt::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

// IMMEDIATE takes the write lock up front, so the duplicate check and the insert see one state.
Transaction::Transaction(Db& db) : db_(db) {
    db_.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction() {
    if (!done_) sqlite3_exec(db_.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

}  // namespace hemis::server
