// libpq connections, statements, transactions and the connection pool.
#include "pg_db.hpp"

#include <cstdlib>

namespace hemis::server::pg {

namespace {

// PostgreSQL's NOTICE lines would land on stderr between the JSON log lines.
void ignore_notice(void*, const char*) {}

std::string trimmed(const char* message) {
    std::string s = message ? message : "";
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    return s;
}

}  // namespace

std::string Result::text(int row, int col) const {
    return std::string(PQgetvalue(r_, row, col), PQgetlength(r_, row, col));
}

long long Result::integer(int row, int col) const {
    return std::strtoll(PQgetvalue(r_, row, col), nullptr, 10);
}

double Result::real(int row, int col) const {
    return std::strtod(PQgetvalue(r_, row, col), nullptr);
}

Conn::Conn(const std::string& url) : c_(PQconnectdb(url.c_str())) {
    if (!c_ || PQstatus(c_) != CONNECTION_OK) {
        // libpq's message names host and user, never the password.
        const std::string msg = c_ ? trimmed(PQerrorMessage(c_)) : "out of memory";
        PQfinish(c_);
        throw Error("cannot connect to postgresql: " + msg, "08000");
    }
    PQsetNoticeProcessor(c_, ignore_notice, nullptr);
    if (PQsetClientEncoding(c_, "UTF8") != 0) {
        const std::string msg = trimmed(PQerrorMessage(c_));
        PQfinish(c_);
        throw Error("postgresql: cannot use UTF8: " + msg, "22021");
    }
}

Result Conn::exec(const std::string& sql, const std::vector<std::string>& params) {
    std::vector<const char*> values;
    std::vector<int> lengths;
    for (const std::string& p : params) {
        values.push_back(p.c_str());
        lengths.push_back(int(p.size()));
    }
    // Without parameters PQexec also runs a script of several statements (the migrations).
    Result r(params.empty() ? PQexec(c_, sql.c_str())
                            : PQexecParams(c_, sql.c_str(), int(params.size()), nullptr,
                                           values.data(), lengths.data(), nullptr, 0));
    const ExecStatusType status = PQresultStatus(r.raw());
    if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK) return r;
    const char* state = r.raw() ? PQresultErrorField(r.raw(), PG_DIAG_SQLSTATE) : nullptr;
    throw Error("postgresql: " + trimmed(PQerrorMessage(c_)), state ? state : "08006");
}

bool Conn::reusable() const {
    return PQstatus(c_) == CONNECTION_OK && PQtransactionStatus(c_) == PQTRANS_IDLE;
}

Transaction::~Transaction() {
    if (done_) return;
    try {
        c_.exec("ROLLBACK");
    } catch (const Error&) {
        // The connection is broken; the pool closes it instead of lending it again.
    }
}

void Transaction::commit() {
    c_.exec("COMMIT");
    done_ = true;
}

Pool::Lease Pool::borrow() {
    std::unique_lock lock(mu_);
    freed_.wait(lock, [&] { return !idle_.empty() || open_ < size_; });
    if (!idle_.empty()) {
        std::unique_ptr<Conn> c = std::move(idle_.back());
        idle_.pop_back();
        return Lease(*this, std::move(c));
    }
    ++open_;
    lock.unlock();
    try {
        return Lease(*this, std::make_unique<Conn>(url_));
    } catch (...) {
        lock.lock();
        --open_;
        freed_.notify_one();
        throw;
    }
}

void Pool::give_back(std::unique_ptr<Conn> c) {
    std::lock_guard lock(mu_);
    if (c && c->reusable())
        idle_.push_back(std::move(c));
    else
        --open_;
    freed_.notify_one();
}

}  // namespace hemis::server::pg
