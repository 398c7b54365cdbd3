// A thin RAII layer over SQLite's C API: a connection, prepared statements with bound text, and
// transactions that roll back unless committed. Errors are short lowercase phrases from SQLite.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

struct sqlite3;
struct sqlite3_stmt;

namespace web {

class Stmt {
public:
    Stmt(sqlite3* db, std::string_view sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return stmt_ != nullptr; }
    Stmt& bind(int index, std::string_view text);  // 1-based
    Stmt& bind_int(int index, std::int64_t value);
    bool step();  // true while a row is available
    bool run();   // steps to the end; false on error
    void reset();
    std::string_view text(int column) const;  // 0-based
    std::int64_t integer(int column) const;

private:
    sqlite3_stmt* stmt_ = nullptr;
};

class Db {
public:
    ~Db() { close(); }
    bool open(const std::string& path);
    void close();
    bool is_open() const { return db_ != nullptr; }
    bool exec(std::string_view sql);
    std::string error() const;
    sqlite3* handle() const { return db_; }
    std::int64_t last_insert_id() const;

private:
    sqlite3* db_ = nullptr;
};

// BEGIN on construction; ROLLBACK on destruction unless commit() succeeded.
class Transaction {
public:
    explicit Transaction(Db& db) : db_(db), open_(db.exec("BEGIN IMMEDIATE")) {}
    ~Transaction() {
        if (open_) db_.exec("ROLLBACK");
    }
    bool begun() const { return open_; }
    bool commit() {
        if (open_ && db_.exec("COMMIT")) open_ = false;
        return !open_;
    }

private:
    Db& db_;
    bool open_;
};

}  // namespace web
