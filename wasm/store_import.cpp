// Importing a file into the store: the merge rule (by record id; a file's version must be newer
// than the saved one), defaults for the columns a file lacks, and the write itself, a slice of
// rows at a time inside one transaction (see ImportWrite in store.hpp).

#include "store.hpp"

namespace web {
namespace {

using hemis::Entity;

// A version as a number: blank or not a positive integer counts as 0, older than any real one.
long long version_number(std::string_view v) {
    if (v.empty() || v.size() > 18) return 0;
    long long n = 0;
    for (char c : v) {
        if (c < '0' || c > '9') return 0;
        n = n * 10 + (c - '0');
    }
    return n;
}

struct Meta {
    int version, event, updated;
};

Meta meta_of(Entity e) {
    const auto& schema = hemis::schema_of(e);
    return {schema.field_index("phien_ban"), schema.field_index("su_kien"),
            schema.field_index("cap_nhat_luc")};
}

// The file's row as stored values. Owned strings back the defaults; the views point into them
// or into the record set.
struct RowValues {
    std::vector<std::string_view> views;
    std::string version;
    std::string event;
};

void fill_row(RowValues& out, const hemis::RecordSet& rows, std::size_t r, const Meta& meta,
              const SavedRecord* saved, const std::string& now) {
    const std::size_t n = hemis::schema_of(rows.entity).fields.size();
    out.views.assign(n, std::string_view(""));
    for (std::size_t f = 0; f < n; ++f)
        if (rows.has_field(int(f))) out.views[f] = rows.value(r, int(f));
    const bool update = saved && saved->id != 0;
    // No version column, or a blank version cell: the saved record's version raised by one.
    if (meta.version >= 0 && (!rows.has_field(meta.version) || rows.value(r, meta.version).empty())) {
        out.version = std::to_string(update ? version_number(saved->version) + 1 : 1);
        out.views[std::size_t(meta.version)] = out.version;
    }
    if (meta.event >= 0 && !rows.has_field(meta.event)) {
        out.event = update ? "update" : "new";
        out.views[std::size_t(meta.event)] = out.event;
    }
    if (meta.updated >= 0 && !rows.has_field(meta.updated))
        out.views[std::size_t(meta.updated)] = now;
}

// A merge keeps the saved record when the file states a version that is not newer (a blank
// cell states none, as a missing column does).
bool keeps_saved(const hemis::RecordSet& rows, std::size_t r, const Meta& meta,
                 const SavedRecord& saved) {
    return saved.id != 0 && rows.has_field(meta.version) &&
           !rows.value(r, meta.version).empty() &&
           version_number(rows.value(r, meta.version)) <= version_number(saved.version);
}

std::vector<std::string_view> key_view(const hemis::RecordSet& rows, std::size_t r) {
    const std::size_t n = hemis::schema_of(rows.entity).fields.size();
    std::vector<std::string_view> values(n);
    for (auto k : hemis::schema_of(rows.entity).key) {
        const int f = hemis::schema_of(rows.entity).field_index(k);
        values[std::size_t(f)] = rows.value(r, f);
    }
    return values;
}

// The row's key values as one string, told apart from any other row's.
std::string key_text(const hemis::RecordSet& rows, std::size_t r) {
    std::string out;
    for (auto k : hemis::schema_of(rows.entity).key) {
        const auto v = rows.value(r, hemis::schema_of(rows.entity).field_index(k));
        out += std::to_string(v.size());
        out += ':';
        out += v;
    }
    return out;
}

}  // namespace

ImportPlan Store::plan_import(const hemis::RecordSet& rows, ImportMode mode) {
    ImportPlan plan;
    if (mode == ImportMode::replace_all) {
        plan.removed = count(rows.entity);
        plan.added = rows.size();
        return plan;
    }
    plan.looked_up_at = writes_;
    if (count(rows.entity) == 0) {  // nothing saved to look up
        plan.added = rows.size();
        return plan;
    }
    const Meta meta = meta_of(rows.entity);
    plan.found.reserve(rows.size());
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const SavedRecord& saved =
            plan.found.emplace_back(find_saved(rows.entity, key_view(rows, r)));
        if (keeps_saved(rows, r, meta, saved))
            plan.skipped.push_back({r, saved.version});
        else
            ++(saved.id ? plan.updated : plan.added);
    }
    return plan;
}

bool Store::import_rows(const hemis::RecordSet& rows, ImportMode mode, const std::string& now) {
    ImportWrite write(*this, rows, mode, now);
    if (!write.step(rows.size()) || !write.commit()) {
        error_ = write.error();
        return false;
    }
    return true;
}

ImportWrite::ImportWrite(Store& store, const hemis::RecordSet& rows, ImportMode mode,
                         std::string now, ImportPlan preview)
    : store_(store), rows_(rows), mode_(mode), now_(std::move(now)), preview_(std::move(preview)) {}

ImportWrite::~ImportWrite() = default;  // an uncommitted transaction rolls back here

bool ImportWrite::fail(std::size_t row, std::string what) {
    failed_row_ = row;
    error_ = what + ": " + store_.db_.error();
    store_.fail(what);
    insert_.reset();
    tx_.reset();  // roll back now: nothing of this import stays
    return false;
}

bool ImportWrite::begin() {
    begun_ = true;
    tx_ = std::make_unique<Transaction>(store_.db_);
    if (!tx_->begun()) return fail(0, "begin import");
    const Entity e = rows_.entity;
    if (mode_ == ImportMode::replace_all) {
        plan_.removed = store_.count(e);
        if (!store_.db_.exec("DELETE FROM \"" + std::string(hemis::entity_name(e)) + "\""))
            return fail(0, "clear " + std::string(hemis::entity_name(e)));
    }
    insert_ = std::make_unique<Stmt>(store_.db_.handle(), Store::insert_sql(e));
    reuse_ = mode_ == ImportMode::add_or_update && preview_.looked_up_at != 0 &&
             preview_.looked_up_at == store_.writes() &&
             (preview_.found.empty() || preview_.found.size() == rows_.size());
    if (reuse_) ids_.reserve(rows_.size());
    return insert_->ok() || fail(0, "prepare insert");
}

SavedRecord ImportWrite::saved_for(std::size_t row) {
    if (mode_ != ImportMode::add_or_update) return {};
    if (reuse_ && ids_.insert(key_text(rows_, row)).second)
        return preview_.found.empty() ? SavedRecord{} : std::move(preview_.found[row]);
    return store_.find_saved(rows_.entity, key_view(rows_, row));
}

bool ImportWrite::step(std::size_t max_rows) {
    if (!begun_ && !begin()) return false;
    if (!tx_) return false;
    const Entity e = rows_.entity;
    const Meta meta = meta_of(e);
    RowValues values;
    for (std::size_t end = std::min(rows_.size(), next_ + max_rows); next_ < end; ++next_) {
        const SavedRecord saved = saved_for(next_);
        if (keeps_saved(rows_, next_, meta, saved)) {
            plan_.skipped.push_back({next_, saved.version});
            continue;
        }
        fill_row(values, rows_, next_, meta, &saved, now_);
        if (saved.id) {
            if (!store_.update(e, saved.id, values.views)) return fail(next_, "update row");
            ++plan_.updated;
            continue;
        }
        for (std::size_t i = 0; i < values.views.size(); ++i)
            insert_->bind(int(i) + 1, values.views[i]);
        if (!insert_->run()) return fail(next_, "insert row");
        insert_->reset();
        ++plan_.added;
    }
    return true;
}

bool ImportWrite::commit() {
    if (!begun_ && !begin()) return false;
    if (!tx_ || !done()) return false;
    insert_.reset();
    if (!tx_->commit()) return fail(next_, "commit import");
    tx_.reset();
    ++store_.writes_;
    return true;
}

}  // namespace web
