// Record editing: the form's live findings (with a new record's id already saved), saving with
// a version bump from the saved version (the form never sets it), and deleting.
#include "app.hpp"
#include "hemis/validator.hpp"
#include "i18n.hpp"

namespace web {
namespace {

using hemis::Entity;

// One-record set shaped like an exported file, so its row is 2 as in a spreadsheet.
hemis::RecordSet single_record(Entity e, const std::vector<std::string>& values) {
    hemis::CsvTable table;
    std::vector<std::string> header;
    for (const auto& f : hemis::schema_of(e).fields) header.emplace_back(f.name);
    table.set_header(std::move(header));
    table.add_row(std::vector<std::string_view>(values.begin(), values.end()), 2);
    return hemis::make_record_set(e, std::string(hemis::schema_of(e).file), std::move(table));
}

// Version metadata: a new record starts at 1, each save raises the saved phien_ban by one, so
// what the form holds never sets the version (an older or equal one must not overwrite).
void stamp(Entity e, std::vector<std::string>& v, const std::vector<std::string>* saved) {
    const auto& schema = hemis::schema_of(e);
    const int version = schema.field_index("phien_ban");
    const int event = schema.field_index("su_kien");
    const int updated = schema.field_index("cap_nhat_luc");
    const bool is_new = saved == nullptr;
    if (version >= 0) {
        const long old = is_new ? 0 : std::strtol((*saved)[version].c_str(), nullptr, 10);
        v[version] = std::to_string(old > 0 ? old + 1 : 1);
    }
    if (event >= 0 && v[event] != "cancel") v[event] = is_new ? "new" : "update";
    if (updated >= 0) v[updated] = now_iso_utc();
}

bool has_key(Entity e, const std::vector<std::string>& v) {
    for (auto k : hemis::schema_of(e).key)
        if (v[std::size_t(hemis::schema_of(e).field_index(k))].empty()) return false;
    return true;
}

// A new record whose id is already saved would be a second record with that id.
hemis::Finding duplicate_finding(Entity e, const std::vector<std::string>& v) {
    const auto& schema = hemis::schema_of(e);
    hemis::Finding f;
    f.rule = "form.duplicate_id";
    f.entity = e;
    f.row = 2;
    for (auto k : schema.key)
        f.record += (f.record.empty() ? "" : "/") + v[std::size_t(schema.field_index(k))];
    f.field = std::string(schema.key.front());
    f.value = v[std::size_t(schema.field_index(schema.key.front()))];
    f.message_vi = trf_in(hemis::Lang::vi, "form.duplicate_id", {f.record});
    f.message_en = trf_in(hemis::Lang::en, "form.duplicate_id", {f.record});
    return f;
}

}  // namespace

void App::open_form(Entity e, std::int64_t id) {
    form = FormState{};
    form.entity = e;
    form.id = id;
    form.open = true;
    form.values = id ? store.record(e, id) : std::vector<std::string>();
    form.values.resize(hemis::schema_of(e).fields.size());
    screen = Screen::form;
    check_form();
}

void App::check_form() {
    form.live.clear();
    form.duplicate_of = 0;
    if (form.id == 0 && has_key(form.entity, form.values) && store.is_open())
        form.duplicate_of = store.saved_id(form.entity, form.values);
    if (form.duplicate_of) form.live.push_back(duplicate_finding(form.entity, form.values));
    if (!rulebook) return;
    // The other entities stay as stored (references resolve); this entity is just the record.
    auto& slot = records.data().sets[std::size_t(form.entity)];
    std::optional<hemis::RecordSet> one = single_record(form.entity, form.values);
    std::swap(slot, one);
    const hemis::Verdict v = hemis::validate(*rulebook, records.data());
    std::swap(slot, one);
    for (const auto& f : v.findings)
        if (f.entity == form.entity) form.live.push_back(f);
}

std::int64_t App::save_form() {
    if (!can_write()) return 0;
    check_form();
    if (form.duplicate_of) {
        show(trf("form.duplicate_not_saved", {form.live.front().record}), true);
        return 0;
    }
    std::vector<std::string> values = form.values;
    const std::vector<std::string> saved =
        form.id ? store.record(form.entity, form.id) : std::vector<std::string>();
    if (form.id && saved.size() == values.size()) {
        // The id of a saved record stays: another id would be another record in HEMIS.
        for (auto k : hemis::schema_of(form.entity).key) {
            const auto f = std::size_t(hemis::schema_of(form.entity).field_index(k));
            values[f] = saved[f];
        }
    }
    stamp(form.entity, values, form.id && saved.size() == values.size() ? &saved : nullptr);
    const std::int64_t id = store.save_record(form.entity, form.id, values);
    if (!id) {
        show(trf("form.save_failed", {store.last_error()}), true);
        return 0;
    }
    form.id = id;
    form.values = std::move(values);
    form.dirty = false;
    after_commit(form.entity);
    check_form();
    show(tr("form.saved"));
    return id;
}

bool App::delete_record(Entity e, std::int64_t id) {
    if (!can_write()) return false;
    if (!store.delete_record(e, id)) {
        show(trf("form.delete_failed", {store.last_error()}), true);
        return false;
    }
    after_commit(e);
    show(tr("form.deleted"));
    return true;
}

}  // namespace web
