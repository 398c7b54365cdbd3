// The PostgreSQL store: several server instances share one database, so every rule lives in it.
// A package's uniqueness is the primary key (INSERT … ON CONFLICT DO NOTHING waits for a racing
// insert of the same id and then sees it), records merge with one upsert whose WHERE keeps the
// higher version under the row lock, and rate-limit buckets are rows updated in one statement.
// Deadlocks and serialisation failures are retried; anything else becomes a StoreError (500), and
// a client may simply send the same package again.
#include <algorithm>
#include <cmath>
#include <map>
#include <thread>

#include "pg_db.hpp"
#include "store.hpp"

namespace hemis::server {

namespace {

// Append only, numbered like the SQLite store's: version 1 is the same schema in PostgreSQL's
// dialect; version 2 adds the rate-limit buckets that SQLite keeps in process memory.
const char* const kMigrations[] = {
    R"(CREATE TABLE accounts (token_hash text PRIMARY KEY,
         role text NOT NULL CHECK (role IN ('institution', 'operator')),
         institution text NOT NULL, name text NOT NULL,
         created_at timestamptz NOT NULL DEFAULT now());
       CREATE TABLE packages (institution text NOT NULL, package_id text NOT NULL,
         content_sha256 text NOT NULL, status text NOT NULL,
         received_at text COLLATE "C" NOT NULL, receipt text NOT NULL,
         PRIMARY KEY (institution, package_id));
       CREATE INDEX packages_received ON packages (received_at);
       CREATE TABLE records (institution text NOT NULL, entity text NOT NULL,
         record_id text NOT NULL, version bigint NOT NULL, event text NOT NULL,
         cancelled boolean NOT NULL, updated_at text NOT NULL, package_id text NOT NULL,
         data jsonb NOT NULL, PRIMARY KEY (institution, entity, record_id));)",
    R"(CREATE TABLE rate_limits (token_hash text PRIMARY KEY, tokens double precision NOT NULL,
         allowed boolean NOT NULL, at timestamptz NOT NULL);)",
};

// Any constant shared by all instances: the advisory lock that serialises migrations.
constexpr const char* kMigrationLock = "SELECT pg_advisory_xact_lock(4732001)";
constexpr int kAttempts = 8;
constexpr std::size_t kRowsPerInsert = 500;

// Connections opened at most; a request thread beyond them waits for one (each holds it for a
// few short statements, or one upload's transaction).
std::size_t pool_size() {
    const unsigned cores = std::thread::hardware_concurrency();
    return std::max(8u, cores > 0 ? cores - 1 : 0u);
}

const char* const kDimensions[][2] = {{"programme", "ma_nganh"},
                                      {"status", "trang_thai"},
                                      {"gender", "gioi_tinh"},
                                      {"province", "ma_tinh_thuong_tru"}};

const std::string kReceiptColumns =
    "institution, package_id, content_sha256, status, received_at, receipt";

StoredReceipt receipt_at(const pg::Result& r, int row) {
    return {r.text(row, 0), r.text(row, 1), r.text(row, 2),
            r.text(row, 3), r.text(row, 4), r.text(row, 5)};
}

// What merging one by one in package order would leave of rows sharing a key: the first row
// with the highest version. One INSERT … ON CONFLICT may not touch a row twice, and sorted keys
// make concurrent uploads lock shared records in the same order.
std::vector<const RecordRow*> merge_order(const std::vector<RecordRow>& rows) {
    std::map<std::pair<std::string, std::string>, const RecordRow*> best;
    for (const RecordRow& row : rows) {
        auto [it, fresh] = best.try_emplace({row.entity, row.id}, &row);
        if (!fresh && row.version > it->second->version) it->second = &row;
    }
    std::vector<const RecordRow*> out;
    out.reserve(best.size());
    for (const auto& [key, row] : best) out.push_back(row);
    return out;
}

std::string records_upsert(std::size_t rows) {
    std::string sql =
        "INSERT INTO records AS r (institution, package_id, entity, record_id, version, event, "
        "cancelled, updated_at, data) VALUES ";
    const char* const casts[] = {"", "", "::bigint", "", "::boolean", "", "::jsonb"};
    for (std::size_t i = 0; i < rows; ++i) {
        sql += i ? ",($1,$2" : "($1,$2";
        for (std::size_t k = 0; k < 7; ++k) {
            sql += ",$";
            sql += std::to_string(3 + i * 7 + k);
            sql += casts[k];
        }
        sql += ")";
    }
    return sql +
           " ON CONFLICT (institution, entity, record_id) DO UPDATE SET "
           "version = excluded.version, event = excluded.event, cancelled = excluded.cancelled, "
           "updated_at = excluded.updated_at, package_id = excluded.package_id, "
           "data = excluded.data WHERE excluded.version > r.version RETURNING 1";
}

// The refill of a bucket since its last request, capped at a full bucket ($2 = per minute).
const std::string kRefill =
    "least($2::float8, b.tokens + extract(epoch FROM now() - b.at) * $2::float8 / 60)";

class PostgresStore final : public Store {
public:
    explicit PostgresStore(const std::string& url) : pool_(url, pool_size()) { migrate(); }

    void add_account(const std::string& token_hash, const Account& a) override {
        auto c = pool_.borrow();
        c->exec("INSERT INTO accounts (token_hash, role, institution, name) VALUES ($1,$2,$3,$4)",
                {token_hash, a.role, a.institution, a.name});
    }

    std::optional<Account> find_account(const std::string& token_hash) override {
        auto c = pool_.borrow();
        const pg::Result r = c->exec(
            "SELECT role, institution, name FROM accounts WHERE token_hash = $1", {token_hash});
        if (!r.rows()) return std::nullopt;
        return Account{r.text(0, 0), r.text(0, 1), r.text(0, 2)};
    }

    SaveResult save_upload(const Upload& u) override {
        auto c = pool_.borrow();
        // The verdict first: its status goes into the row that claims the package id.
        const std::string status = u.status();
        const std::vector<RecordRow> records =  // merge_order needs them all
            status == "accepted" ? u.all_records() : std::vector<RecordRow>{};
        for (int attempt = 1;; ++attempt) {
            try {
                return save_once(*c, u, status, records);
            } catch (const pg::Error& e) {
                if (!e.retryable() || attempt == kAttempts) throw;
            }
        }
    }

    std::optional<StoredReceipt> receipt(const std::string& institution,
                                         const std::string& package_id) override {
        auto c = pool_.borrow();
        return find_receipt(*c, institution, package_id);
    }

    std::vector<StoredReceipt> receipts(const std::string& institution,
                                        const std::string& since) override {
        auto c = pool_.borrow();
        const pg::Result r = c->exec("SELECT " + kReceiptColumns +
                                         " FROM packages WHERE ($1 = '' OR institution = $1) "
                                         "AND received_at > $2 "
                                         "ORDER BY received_at, institution, package_id",
                                     {institution, since});
        std::vector<StoredReceipt> out;
        for (int i = 0; i < r.rows(); ++i) out.push_back(receipt_at(r, i));
        return out;
    }

    LearnerSummary summary(const std::string& institution) override {
        auto c = pool_.borrow();
        // One snapshot for all four counts, so they add up to the same total.
        pg::Transaction tx(*c, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        LearnerSummary out;
        for (const auto& [dimension, field] : kDimensions) {
            const pg::Result r =
                c->exec(std::string("SELECT coalesce(data ->> '") + field +
                            "', ''), count(*) FROM records WHERE entity = 'learner' "
                            "AND NOT cancelled AND ($1 = '' OR institution = $1) GROUP BY 1",
                        {institution});
            long long total = 0;
            for (int i = 0; i < r.rows(); ++i)
                total += (out.by[dimension][r.text(i, 0)] = r.integer(i, 1));
            out.learners = total;
        }
        tx.commit();
        return out;
    }

    // One upsert: the row lock taken by ON CONFLICT serialises instances racing on one token.
    int take_request(const std::string& token_hash, int per_minute) override {
        auto c = pool_.borrow();
        const pg::Result r = c->exec(
            "INSERT INTO rate_limits AS b (token_hash, tokens, allowed, at) "
            "VALUES ($1, $2::float8 - 1, true, now()) ON CONFLICT (token_hash) DO UPDATE SET "
            "tokens = " +
                kRefill + " - CASE WHEN " + kRefill +
                " >= 1 THEN 1 ELSE 0 END, "
                "allowed = " +
                kRefill + " >= 1, at = now() RETURNING tokens, allowed",
            {token_hash, std::to_string(per_minute)});
        if (r.boolean(0, 1)) return 0;
        return std::max(1, int(std::ceil((1 - r.real(0, 0)) * 60.0 / per_minute)));
    }

    bool healthy() override {
        try {
            auto c = pool_.borrow();
            return c->exec("SELECT 1").rows() == 1;
        } catch (const StoreError&) {
            return false;
        }
    }

private:
    void migrate() {
        auto c = pool_.borrow();
        pg::Transaction tx(*c);
        c->exec(kMigrationLock);  // instances starting together migrate one after another
        c->exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, "
            "applied_at timestamptz NOT NULL DEFAULT now())");
        const long long applied =
            c->exec("SELECT coalesce(max(version), 0) FROM schema_migrations").integer(0, 0);
        const long long known = std::size(kMigrations);
        if (applied > known) throw StoreError("database schema is newer than this server");
        for (long long v = applied + 1; v <= known; ++v) {
            c->exec(kMigrations[v - 1]);
            c->exec("INSERT INTO schema_migrations (version) VALUES ($1)", {std::to_string(v)});
        }
        tx.commit();
    }

    SaveResult save_once(pg::Conn& c, const Upload& u, const std::string& status,
                         const std::vector<RecordRow>& records) {
        const StoredReceipt& r = u.receipt;
        pg::Transaction tx(c);
        const pg::Result inserted =
            c.exec("INSERT INTO packages (" + kReceiptColumns +
                       ") VALUES ($1,$2,$3,$4,$5,$6) "
                       "ON CONFLICT (institution, package_id) DO NOTHING RETURNING 1",
                   {r.institution, r.package_id, r.content_sha256, status, r.received_at, ""});
        if (!inserted.rows()) {
            // Another upload of this id committed first (a racing one was waited for).
            const auto old = find_receipt(c, r.institution, r.package_id);
            if (!old) throw pg::Error("package vanished while saving", "40001");
            if (old->content_sha256 == r.content_sha256)
                return {SaveOutcome::duplicate, old->receipt};
            return {SaveOutcome::conflict, {}};
        }
        MergeCounts counts;
        const std::vector<const RecordRow*> rows = merge_order(records);
        for (std::size_t at = 0; at < rows.size(); at += kRowsPerInsert) {
            const std::size_t n = std::min(kRowsPerInsert, rows.size() - at);
            std::vector<std::string> params{r.institution, r.package_id};
            params.reserve(2 + n * 7);
            for (std::size_t i = at; i < at + n; ++i) {
                const RecordRow& row = *rows[i];
                params.insert(params.end(),
                              {row.entity, row.id, std::to_string(row.version), row.event,
                               row.event == "cancel" ? "true" : "false", row.updated_at, row.data});
            }
            counts.applied += std::size_t(c.exec(records_upsert(n), params).rows());
        }
        // The row inserted above holds this id against racing uploads; its receipt is written
        // now that the merge counts are known, in the same transaction.
        counts.kept = records.size() - counts.applied;
        const std::string receipt = u.make_receipt(counts);
        c.exec("UPDATE packages SET receipt = $3 WHERE institution = $1 AND package_id = $2",
               {r.institution, r.package_id, receipt});
        tx.commit();
        return {SaveOutcome::stored, receipt};
    }

    std::optional<StoredReceipt> find_receipt(pg::Conn& c, const std::string& institution,
                                              const std::string& package_id) {
        const pg::Result r = c.exec("SELECT " + kReceiptColumns +
                                        " FROM packages WHERE institution = $1 "
                                        "AND package_id = $2",
                                    {institution, package_id});
        if (!r.rows()) return std::nullopt;
        return receipt_at(r, 0);
    }

    pg::Pool pool_;
};

}  // namespace

std::unique_ptr<Store> open_postgres_store(const std::string& url) {
    return std::make_unique<PostgresStore>(url);
}

}  // namespace hemis::server
