// Record editing: the form's live findings, saving with a version bump, and deleting.
#include <ctime>

#include "app.hpp"
#include "hemis/validator.hpp"
#include "i18n.hpp"

namespace web {
namespace {

using hemis::Entity;

std::string now_iso_utc() {
    const std::time_t t = std::time(nullptr);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
    return buf;
}

// One-record set shaped like an exported file, so its row is 2 as in a spreadsheet.
hemis::RecordSet single_record(Entity e, const std::vector<std::string>& values) {
    hemis::CsvTable table;
    std::vector<std::string> header;
    for (const auto& f : hemis::schema_of(e).fields) header.emplace_back(f.name);
    table.set_header(std::move(header));
    table.add_row(std::vector<std::string_view>(values.begin(), values.end()), 2);
    return hemis::make_record_set(e, std::string(hemis::schema_of(e).file), std::move(table));
}

// Version metadata: a new record starts at 1, each edit raises phien_ban by one.
void stamp(Entity e, std::vector<std::string>& v, bool is_new) {
    const auto& schema = hemis::schema_of(e);
    const int version = schema.field_index("phien_ban");
    const int event = schema.field_index("su_kien");
    const int updated = schema.field_index("cap_nhat_luc");
    if (version >= 0) {
        const long old = std::strtol(v[version].c_str(), nullptr, 10);
        v[version] = std::to_string(is_new && old <= 0 ? 1 : is_new ? old : old + 1);
    }
    if (event >= 0 && v[event] != "cancel") v[event] = is_new ? "new" : "update";
    if (updated >= 0) v[updated] = now_iso_utc();
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
    std::vector<std::string> values = form.values;
    stamp(form.entity, values, form.id == 0);
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
