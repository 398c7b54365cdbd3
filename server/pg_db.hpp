// A thin RAII layer over Debian's libpq: connections, parameterised statements in text format,
// results, and a small pool, because one PGconn must never be used by two threads at once.
#pragma once
#include <libpq-fe.h>

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "store.hpp"

namespace hemis::server::pg {

// A failed statement, with PostgreSQL's SQLSTATE so callers can retry deadlocks and
// serialisation failures.
class Error : public StoreError {
public:
    Error(const std::string& what, std::string sqlstate)
        : StoreError(what), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }
    bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }

private:
    std::string sqlstate_;
};

class Result {
public:
    explicit Result(PGresult* r) : r_(r) {}
    ~Result() { PQclear(r_); }
    Result(Result&& o) noexcept : r_(o.r_) { o.r_ = nullptr; }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;

    int rows() const { return PQntuples(r_); }
    std::string text(int row, int col) const;
    long long integer(int row, int col) const;
    double real(int row, int col) const;
    bool boolean(int row, int col) const { return text(row, col) == "t"; }
    PGresult* raw() const { return r_; }

private:
    PGresult* r_;
};

class Conn {
public:
    explicit Conn(const std::string& url);
    ~Conn() { PQfinish(c_); }
    Conn(const Conn&) = delete;
    Conn& operator=(const Conn&) = delete;

    Result exec(const std::string& sql, const std::vector<std::string>& params = {});
    // Usable for the next borrower: connected and not inside a transaction.
    bool reusable() const;

private:
    PGconn* c_ = nullptr;
};

// Commits on commit(); rolls back when left without it (an exception on the way).
class Transaction {
public:
    explicit Transaction(Conn& c, const char* begin = "BEGIN") : c_(c) { c_.exec(begin); }
    ~Transaction();
    void commit();

private:
    Conn& c_;
    bool done_ = false;
};

// Opens up to `size` connections on demand; a borrower waits when all are lent out. A connection
// that broke or was left inside a transaction is closed instead of returned.
class Pool {
public:
    Pool(std::string url, std::size_t size) : url_(std::move(url)), size_(size) {}

    class Lease {
    public:
        Lease(Pool& p, std::unique_ptr<Conn> c) : pool_(p), conn_(std::move(c)) {}
        ~Lease() { pool_.give_back(std::move(conn_)); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        Conn& operator*() { return *conn_; }
        Conn* operator->() { return conn_.get(); }

    private:
        Pool& pool_;
        std::unique_ptr<Conn> conn_;
    };

    Lease borrow();

private:
    void give_back(std::unique_ptr<Conn> c);

    std::string url_;
    std::size_t size_, open_ = 0;
    std::vector<std::unique_ptr<Conn>> idle_;
    std::mutex mu_;
    std::condition_variable freed_;
};

}  // namespace hemis::server::pg
