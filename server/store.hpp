// The server's storage interface: accounts (hashed tokens), package receipts and merged records.
// SQLite is the default (store_sqlite.cpp); PostgreSQL (store_postgres.cpp) lets several server
// instances share one database. Every method is safe to call from several request threads at once.
#pragma once
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace hemis::server {

struct Account {
    std::string role;         // "institution" or "operator"
    std::string institution;  // the institution code; empty for operators
    std::string name;         // operator name, or the institution code again
};

struct StoredReceipt {
    std::string institution, package_id, content_sha256, status, received_at;
    std::string receipt;  // the receipt JSON exactly as first sent
};

// One record of an accepted package, ready to merge by (institution, entity, id) and version.
struct RecordRow {
    std::string entity, id, event, updated_at;
    long long version = 0;
    std::string data;  // the record's fields as a JSON object
};

// What merging an accepted package did: records written (new, or a newer version) and records
// left as stored because the stored version was the same or newer.
struct MergeCounts {
    std::size_t applied = 0, kept = 0;
};

struct Upload {
    // Its `status` comes from status(), its `receipt` text from make_receipt once the merge is
    // done.
    StoredReceipt receipt;
    // "accepted" or "rejected". It may wait for validation, which runs beside the merge (issue 6):
    // a store may merge the records first and must then undo them for a rejected package.
    std::function<std::string()> status;
    std::function<std::string(const MergeCounts&)> make_receipt;
    // Calls its argument with each record of the package in package order, making each row as
    // it goes, so a store that merges them one by one never holds them all (issue 6: they
    // doubled the server's peak memory). Empty for a package known to be rejected: only its
    // receipt is kept.
    std::function<void(const std::function<void(const RecordRow&)>&)> each_record;
    std::vector<RecordRow> all_records() const {
        std::vector<RecordRow> rows;
        if (each_record) each_record([&](const RecordRow& r) { rows.push_back(r); });
        return rows;
    }
};

enum class SaveOutcome { stored, duplicate, conflict };
struct SaveResult {
    SaveOutcome outcome;
    std::string receipt;  // for `duplicate`: the original receipt
};

// Learner counts among records that are not cancelled; key "" stands for a blank value.
struct LearnerSummary {
    long long learners = 0;
    std::map<std::string, std::map<std::string, long long>> by;  // dimension -> value -> count
};

class Store {
public:
    virtual ~Store() = default;
    virtual void add_account(const std::string& token_hash, const Account& account) = 0;
    virtual std::optional<Account> find_account(const std::string& token_hash) = 0;
    // Stores the receipt and merges the records in one transaction, unless a package with the
    // same institution and id exists already (then nothing is written).
    virtual SaveResult save_upload(const Upload& upload) = 0;
    virtual std::optional<StoredReceipt> receipt(const std::string& institution,
                                                 const std::string& package_id) = 0;
    // Receipts received after `since` (ISO time, "" for all), oldest first; institution "" = all.
    virtual std::vector<StoredReceipt> receipts(const std::string& institution,
                                                const std::string& since) = 0;
    virtual LearnerSummary summary(const std::string& institution) = 0;  // "" = all
    // Takes one request from the token's bucket (`per_minute` a minute, bursts up to as many):
    // 0 when the request may go ahead, else the seconds to wait. Shared by every instance that
    // uses the same database, where the store supports several instances.
    virtual int take_request(const std::string& token_hash, int per_minute) = 0;
    virtual bool healthy() = 0;
};

class StoreError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Opens the store named by --db: a postgresql:// (or postgres://) URL for PostgreSQL, anything
// else is a SQLite file path. Either way the schema is migrated to this server's version.
std::unique_ptr<Store> open_store(const std::string& db);
std::unique_ptr<Store> open_sqlite_store(const std::string& path);
std::unique_ptr<Store> open_postgres_store(const std::string& url);

}  // namespace hemis::server
