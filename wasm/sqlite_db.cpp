// SQLite wrapper implementation (see sqlite_db.hpp).
#include "sqlite_db.hpp"

#include <sqlite3.h>

#include "log.hpp"

namespace web {

Stmt::Stmt(sqlite3* db, std::string_view sql) {
    if (sqlite3_prepare_v2(db, sql.data(), int(sql.size()), &stmt_, nullptr) != SQLITE_OK) {
        log_error(std::string("sqlite: prepare failed: ") + sqlite3_errmsg(db));
        stmt_ = nullptr;
    }
}

Stmt::~Stmt() {
    sqlite3_finalize(stmt_);
}

Stmt& Stmt::bind(int index, std::string_view text) {
    // An empty view may carry no pointer, which SQLite would bind as NULL: bind "" instead.
    sqlite3_bind_text(stmt_, index, text.data() ? text.data() : "", int(text.size()),
                      SQLITE_TRANSIENT);
    return *this;
}

Stmt& Stmt::bind_int(int index, std::int64_t value) {
    sqlite3_bind_int64(stmt_, index, value);
    return *this;
}

bool Stmt::step() {
    return stmt_ && sqlite3_step(stmt_) == SQLITE_ROW;
}

bool Stmt::run() {
    if (!stmt_) return false;
    int rc;
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
    }
    return rc == SQLITE_DONE;
}

void Stmt::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

std::string_view Stmt::text(int column) const {
    auto p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
    return p ? std::string_view(p, std::size_t(sqlite3_column_bytes(stmt_, column)))
             : std::string_view();
}

std::int64_t Stmt::integer(int column) const {
    return sqlite3_column_int64(stmt_, column);
}

bool Db::open(const std::string& path) {
    close();
    if (sqlite3_open(path.c_str(), &db_) != SQLITE_OK) {
        log_error("sqlite: cannot open " + path + ": " + error());
        close();
        return false;
    }
    return true;
}

void Db::close() {
    if (db_) sqlite3_close(db_);
    db_ = nullptr;
}

bool Db::exec(std::string_view sql) {
    char* message = nullptr;
    const int rc = sqlite3_exec(db_, std::string(sql).c_str(), nullptr, nullptr, &message);
    if (rc != SQLITE_OK) {
        log_error("sqlite: " + std::string(message ? message : "error") +
                  " in: " + std::string(sql.substr(0, 80)));
    }
    sqlite3_free(message);
    return rc == SQLITE_OK;
}

std::string Db::error() const {
    return db_ ? sqlite3_errmsg(db_) : "no database";
}

std::int64_t Db::last_insert_id() const {
    return sqlite3_last_insert_rowid(db_);
}

}  // namespace web
