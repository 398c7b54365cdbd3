// A thin RAII layer over Debian's libsqlite3: one connection, prepared statements, and errors
// turned into StoreError with SQLite's own message.
#pragma once
#include <sqlite3.h>

#include <string>
#include <string_view>

namespace hemis::server {

class Db {
public:
    explicit Db(const std::string& path);
    ~Db();
    Db(const Db&) = delete;
    Db& operator=(const Db&) = delete;

    void exec(const std::string& sql);
    sqlite3* handle() const { return db_; }
    [[noreturn]] void fail(std::string_view what) const;

private:
    sqlite3* db_ = nullptr;
};

class Stmt {
public:
    Stmt(Db& db, const char* sql);
    ~Stmt();
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    Stmt& bind(int index, std::string_view text);
    // Without a copy: `text` must stay as it is until the statement is reset or the parameter
    // bound again.
    Stmt& bind_unowned(int index, std::string_view text);
    Stmt& bind(int index, long long value);
    bool step();  // true while a row is available
    void reset();  // ready to bind and step again (bindings are replaced one by one)
    std::string text(int column) const;
    long long integer(int column) const;

private:
    Db& db_;
    sqlite3_stmt* stmt_ = nullptr;
};

// Commits on commit(); rolls back when left without it (an exception on the way).
class Transaction {
public:
    explicit Transaction(Db& db);
    ~Transaction();
    void commit();

private:
    Db& db_;
    bool done_ = false;
};

}  // namespace hemis::server
