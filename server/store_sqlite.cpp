// The SQLite store: WAL journal, synchronous=FULL (a sent receipt survives kill -9 and power loss),
// numbered schema migrations, and one IMMEDIATE transaction per upload. One connection serves all
// threads behind a mutex: writes are serialised by SQLite anyway and reads are short. A second
// connection, on a thread of its own, checkpoints the WAL into the database.
// Rate-limit buckets stay in process memory: a SQLite file is served by one process, and a
// database write per request would cost an fsync on every GET.
#include <pthread.h>

#include <condition_variable>
#include <csignal>
#include <mutex>
#include <thread>

#include "observe.hpp"
#include "sqlite_db.hpp"
#include "store.hpp"

namespace hemis::server {

namespace {

// Append only: a database records the highest version applied in schema_migrations.
const char* const kMigrations[] = {
    R"(CREATE TABLE accounts (token_hash TEXT PRIMARY KEY, role TEXT NOT NULL,
         institution TEXT NOT NULL, name TEXT NOT NULL,
         created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')));
       CREATE TABLE packages (institution TEXT NOT NULL, package_id TEXT NOT NULL,
         content_sha256 TEXT NOT NULL, status TEXT NOT NULL, received_at TEXT NOT NULL,
         receipt TEXT NOT NULL, PRIMARY KEY (institution, package_id));
       CREATE INDEX packages_received ON packages (received_at);
       CREATE TABLE records (institution TEXT NOT NULL, entity TEXT NOT NULL,
         record_id TEXT NOT NULL, version INTEGER NOT NULL, event TEXT NOT NULL,
         cancelled INTEGER NOT NULL, updated_at TEXT NOT NULL, package_id TEXT NOT NULL,
         data TEXT NOT NULL, PRIMARY KEY (institution, entity, record_id));)",
};

const char* const kDimensions[][2] = {{"programme", "ma_nganh"},
                                      {"status", "trang_thai"},
                                      {"gender", "gioi_tinh"},
                                      {"province", "ma_tinh_thuong_tru"}};

StoredReceipt receipt_from(const Stmt& s) {
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5)};
}

class SqliteStore final : public Store {
public:
    explicit SqliteStore(const std::string& path) : db_(path), checkpoint_db_(path) {
        // 16 KiB pages for a new database (an existing one keeps its own): a stored record is
        // about 350 bytes, and 4 KiB pages cost 9% more server CPU per ingest in page splits
        // and WAL frames (issue 6). Only possible before WAL mode is set on a new file.
        db_.exec("PRAGMA page_size=16384; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        checkpoint_db_.exec("PRAGMA synchronous=FULL;");
        migrate();
        // Replaces SQLite's automatic checkpoint, which ran inside the COMMIT of the upload that
        // filled the WAL: copying a large package's pages into the database took 5% of its
        // ingest time before the receipt went out (issue 6). The commit is durable in the WAL.
        sqlite3_wal_hook(db_.handle(), &SqliteStore::after_commit, this);
        // The thread starts with every signal blocked (it inherits the mask): signals belong to
        // the server's signal thread, and the store may be opened before that blocks them.
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_BLOCK, &all, &old);
        checkpointer_ = std::thread([this] { checkpoints(); });
        pthread_sigmask(SIG_SETMASK, &old, nullptr);
    }

    ~SqliteStore() override {
        {
            std::lock_guard lock(checkpoint_mu_);
            stopping_ = true;
        }
        checkpoint_cv_.notify_one();
        checkpointer_.join();
    }

    void add_account(const std::string& token_hash, const Account& a) override {
        std::lock_guard lock(mu_);
        Stmt s(db_, "INSERT INTO accounts (token_hash, role, institution, name) VALUES (?,?,?,?)");
        s.bind(1, token_hash).bind(2, a.role).bind(3, a.institution).bind(4, a.name).step();
    }

    std::optional<Account> find_account(const std::string& token_hash) override {
        std::lock_guard lock(mu_);
        Stmt s(db_, "SELECT role, institution, name FROM accounts WHERE token_hash = ?");
        s.bind(1, token_hash);
        if (!s.step()) return std::nullopt;
        return Account{s.text(0), s.text(1), s.text(2)};
    }

    SaveResult save_upload(const Upload& u) override {
        std::lock_guard lock(mu_);
        Transaction tx(db_);
        const StoredReceipt& r = u.receipt;
        if (auto old = find_receipt(r.institution, r.package_id)) {
            if (old->content_sha256 == r.content_sha256)
                return {SaveOutcome::duplicate, old->receipt};
            return {SaveOutcome::conflict, {}};
        }
        // The records are merged while the package may still be validated, under a savepoint
        // that a rejected package rolls back. One prepared statement for every record:
        // preparing it per record cost more than the insert itself (issue 6).
        MergeCounts counts;
        if (u.each_record) {
            db_.exec("SAVEPOINT records");
            Stmt merge(db_, kMerge);
            merge.bind(1, r.institution).bind(8, r.package_id);  // reset() keeps these
            u.each_record([&](const RecordRow& row) {
                merge_row(merge, row);
                ++(sqlite3_changes(db_.handle()) ? counts.applied : counts.kept);
            });
        }
        const std::string status = u.status();
        if (u.each_record) {
            if (status != "accepted") {
                db_.exec("ROLLBACK TO records");
                counts = {};
            }
            db_.exec("RELEASE records");
        }
        const std::string receipt = u.make_receipt(counts);
        Stmt ins(db_, "INSERT INTO packages VALUES (?,?,?,?,?,?)");
        ins.bind(1, r.institution).bind(2, r.package_id).bind(3, r.content_sha256);
        ins.bind(4, status).bind(5, r.received_at).bind(6, receipt).step();
        tx.commit();
        return {SaveOutcome::stored, receipt};
    }

    std::optional<StoredReceipt> receipt(const std::string& institution,
                                         const std::string& package_id) override {
        std::lock_guard lock(mu_);
        return find_receipt(institution, package_id);
    }

    std::vector<StoredReceipt> receipts(const std::string& institution,
                                        const std::string& since) override {
        std::lock_guard lock(mu_);
        Stmt s(db_,
               "SELECT institution, package_id, content_sha256, status, received_at, receipt "
               "FROM packages WHERE (?1 = '' OR institution = ?1) AND received_at > ?2 "
               "ORDER BY received_at, institution, package_id");
        s.bind(1, institution).bind(2, since);
        std::vector<StoredReceipt> out;
        while (s.step()) out.push_back(receipt_from(s));
        return out;
    }

    LearnerSummary summary(const std::string& institution) override {
        std::lock_guard lock(mu_);
        LearnerSummary out;
        for (const auto& [dimension, field] : kDimensions) {
            const std::string sql = std::string("SELECT coalesce(json_extract(data, '$.") + field +
                                    "'), ''), count(*) FROM records WHERE entity = 'learner' "
                                    "AND cancelled = 0 AND (?1 = '' OR institution = ?1) "
                                    "GROUP BY 1 ORDER BY 1";
            Stmt s(db_, sql.c_str());
            s.bind(1, institution);
            long long total = 0;
            while (s.step()) total += (out.by[dimension][s.text(0)] = s.integer(1));
            out.learners = total;
        }
        return out;
    }

    int take_request(const std::string& token_hash, int per_minute) override {
        return limiter_.take(token_hash, per_minute);
    }

    bool healthy() override {
        std::lock_guard lock(mu_);
        Stmt s(db_, "SELECT 1");
        return s.step();
    }

private:
    void migrate() {
        db_.exec(
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
            "applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')))");
        Transaction tx(db_);
        long long applied = 0;
        {
            Stmt cur(db_, "SELECT coalesce(max(version), 0) FROM schema_migrations");
            cur.step();
            applied = cur.integer(0);
        }
        const long long known = std::size(kMigrations);
        if (applied > known) throw StoreError("database schema is newer than this server");
        for (long long v = applied + 1; v <= known; ++v) {
            db_.exec(kMigrations[v - 1]);
            Stmt(db_, "INSERT INTO schema_migrations (version) VALUES (?)").bind(1, v).step();
        }
        tx.commit();
    }

    std::optional<StoredReceipt> find_receipt(const std::string& inst, const std::string& id) {
        Stmt s(db_,
               "SELECT institution, package_id, content_sha256, status, received_at, receipt "
               "FROM packages WHERE institution = ? AND package_id = ?");
        s.bind(1, inst).bind(2, id);
        if (!s.step()) return std::nullopt;
        return receipt_from(s);
    }

    // An older or equal version never replaces what is stored; a cancel keeps the record, marked.
    static constexpr const char* kMerge =
        "INSERT INTO records VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9) "
        "ON CONFLICT (institution, entity, record_id) DO UPDATE SET "
        "version = excluded.version, event = excluded.event, "
        "cancelled = excluded.cancelled, updated_at = excluded.updated_at, "
        "package_id = excluded.package_id, data = excluded.data "
        "WHERE excluded.version > records.version";
    // The row's text is bound without copies: it outlives the step, and the next row rebinds it.
    static void merge_row(Stmt& s, const RecordRow& row) {
        s.reset();
        s.bind_unowned(2, row.entity).bind_unowned(3, row.id).bind(4, row.version);
        s.bind_unowned(5, row.event).bind(6, (long long)(row.event == "cancel"));
        s.bind_unowned(7, row.updated_at).bind_unowned(9, row.data).step();
    }

    // SQLite's WAL hook, called after each commit with the WAL's size in pages.
    static int after_commit(void* self, sqlite3*, const char*, int pages) {
        if (pages >= kCheckpointPages) {
            auto* store = static_cast<SqliteStore*>(self);
            {
                std::lock_guard lock(store->checkpoint_mu_);
                store->checkpoint_wanted_ = true;
            }
            store->checkpoint_cv_.notify_one();
        }
        return SQLITE_OK;
    }

    // Copies the WAL into the database on a connection of its own, beside requests. A passive
    // checkpoint never waits for a lock: what it could not copy, the next one will.
    void checkpoints() {
        std::unique_lock lock(checkpoint_mu_);
        for (;;) {
            checkpoint_cv_.wait(lock, [this] { return checkpoint_wanted_ || stopping_; });
            if (stopping_) return;
            checkpoint_wanted_ = false;
            lock.unlock();
            sqlite3_wal_checkpoint_v2(checkpoint_db_.handle(), nullptr, SQLITE_CHECKPOINT_PASSIVE,
                                      nullptr, nullptr);
            lock.lock();
        }
    }

    static constexpr int kCheckpointPages = 1000;  // SQLite's own automatic threshold

    std::mutex mu_;
    Db db_;
    RateLimiter limiter_;
    Db checkpoint_db_;  // used by the checkpointer thread only
    std::mutex checkpoint_mu_;
    std::condition_variable checkpoint_cv_;
    bool checkpoint_wanted_ = false, stopping_ = false;
    std::thread checkpointer_;
};

}  // namespace

std::unique_ptr<Store> open_sqlite_store(const std::string& path) {
    return std::make_unique<SqliteStore>(path);
}

std::unique_ptr<Store> open_store(const std::string& db) {
    if (db.rfind("postgresql://", 0) == 0 || db.rfind("postgres://", 0) == 0)
        return open_postgres_store(db);
    return open_sqlite_store(db);
}

}  // namespace hemis::server
