// The functions behind window.hemis (web/api.js), for browser tests and support staff. They read
// state or do what a user could do on the screens, through the same App commands. Results are
// JSON text in a buffer that stays valid until the next call.
#include <emscripten/emscripten.h>
#include <nlohmann/json.hpp>

#include <cstdlib>

#include "app.hpp"
#include "hemis/report.hpp"
#include "i18n.hpp"
#include "ui.hpp"

namespace web {
namespace {

using nlohmann::json;

const char* reply(const json& j) {
    static std::string buffer;
    buffer = j.dump();
    return buffer.c_str();
}

const char* reply_text(std::string text) {
    static std::string buffer;
    buffer = std::move(text);
    return buffer.c_str();
}

// Row and column 0 (a finding about the whole file or its header) are null, as in the CLI's
// and the server's JSON reports.
json finding_json(const hemis::Finding& f) {
    const auto nullable = [](std::uint32_t n) { return n ? json(n) : json(nullptr); };
    return {{"rule", f.rule},   {"severity", hemis::severity_name(f.severity)},
            {"row", nullable(f.row)},     {"column", nullable(f.column)},
            {"field", f.field}, {"record", f.record},
            {"value", f.value}, {"message", f.message(language())}};
}

json counts_json(const App& a) {
    json counts = json::object();
    for (hemis::Entity e : hemis::kAllEntities)
        counts[std::string(hemis::entity_name(e))] = a.records.count(e);
    return counts;
}

const char* screen_name(Screen s) {
    constexpr const char* names[] = {"dashboard", "table",    "form", "import", "report",
                                     "package",   "settings", "log",  "upload"};
    return names[int(s)];
}

json progress_json(const App& a) {
    if (!a.workbook_reading.empty())
        return {{"file", a.workbook_reading}, {"stage", "workbook"}, {"fraction", 0}, {"rows", 0}};
    if (a.import_commit) {
        const auto& c = *a.import_commit;
        const std::size_t total = c.pending.rows ? c.pending.rows->size() : 0;
        return {{"file", c.pending.file_name},
                {"stage", "writing"},
                {"fraction", total ? double(c.write.next_row()) / double(total) : 1.0},
                {"rows", c.write.next_row()}};
    }
    if (!a.import_job) return nullptr;
    return {{"file", a.import_job->file_name},
            {"stage", a.import_job->checking ? "checking" : "reading"},
            {"fraction", a.import_progress()},
            {"rows", a.import_job->reader.rows_read()}};
}

json summary_json(const App& a) {
    if (!a.verdict) return nullptr;
    return {{"errors", a.verdict->summary.errors},
            {"warnings", a.verdict->summary.warnings},
            {"records", counts_json(a)}};
}

json table_json(const App& a) {
    const TableShown t = table_shown(a.table_entity);
    return {{"entity", hemis::entity_name(a.table_entity)}, {"query", t.query}, {"shown", t.rows}};
}

json import_json(const PendingImport& p, bool committed) {
    json findings = json::array();
    for (const auto& f : p.findings) findings.push_back(finding_json(f));
    json skipped = json::array();
    for (const auto& f : p.skipped) skipped.push_back(finding_json(f));
    const json plan = {{"added", p.merge.added},
                       {"updated", p.merge.updated},
                       {"skipped", p.merge.skipped.size()},
                       {"removed", p.merge.removed}};
    json columns = json::array();
    for (const auto& c : p.columns) {
        const auto field = c.field >= 0 ? hemis::schema_of(*p.entity).fields[c.field].name : "";
        columns.push_back({{"header", c.header}, {"field", field}});
    }
    return {{"committed", committed},
            {"entity", p.entity ? hemis::entity_name(*p.entity) : ""},
            {"columns", columns},
            {"rows", p.rows ? p.rows->size() : 0},
            {"errors", p.errors},
            {"warnings", p.warnings},
            {"failure", p.failure},
            {"findings", findings},
            {"skipped", skipped},
            {"savedCount", p.saved_count},
            {"plan", plan}};
}

// Presses "Confirm import" with the chosen mode and waits for the write to finish.
const char* confirm_reply(bool replace) {
    const bool ok =
        app().confirm_import(replace ? ImportMode::replace_all : ImportMode::add_or_update);
    if (ok && app().imported) return reply(import_json(*app().imported, true));
    if (app().pending) {
        json r = import_json(*app().pending, false);
        if (r["failure"].get<std::string>().empty()) r["failure"] = app().pending->blocked_reason();
        return reply(r);
    }
    return reply({{"committed", false}, {"failure", app().notice.text}});
}

json upload_json(const App& a) {
    const UploadState& u = a.upload;
    json error = nullptr;
    if (u.error)
        error = {{"status", u.error->status},
                 {"code", u.error->code},
                 {"message", u.error->message},
                 {"text", upload_error_text(*u.error)}};
    json history = nullptr;
    if (u.history) {
        history = json::array();
        for (const auto& h : *u.history)
            history.push_back({{"package_id", h.package_id},
                               {"status", h.status},
                               {"received_at", h.received_at}});
    }
    return {{"sending", u.sending != 0},
            {"busy", u.sending || u.listing || u.fetching},
            {"hasToken", !u.token.empty()},
            {"error", error},
            {"history", history}};
}

}  // namespace
}  // namespace web

using web::app;
using web::json;

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* hemis_api_state() {
    return web::reply({{"ready", app().ready},
                       {"demo", app().demo},
                       {"tabOwner", app().tab_owner},
                       {"storage", app().storage == web::StorageState::ready     ? "indexeddb"
                                   : app().storage == web::StorageState::loading ? "loading"
                                                                                 : "memory"},
                       {"lastSaveOk", app().last_save_ok},
                       {"counts", web::counts_json(app())},
                       {"validation", web::summary_json(app())},
                       {"screen", web::screen_name(app().screen)},
                       {"notice", {{"text", app().notice.text}, {"error", app().notice.error}}},
                       {"importProgress", web::progress_json(app())},
                       {"upload", web::upload_json(app())},
                       {"table", web::table_json(app())},
                       {"pendingImport",
                        app().pending ? web::import_json(*app().pending, false) : json(nullptr)}});
}

// The last receipt exactly as the server sent it (window.hemis parses it, keeping its key order),
// or "null".
EMSCRIPTEN_KEEPALIVE const char* hemis_api_last_receipt() {
    const auto& r = app().upload.receipt;
    return web::reply_text(r ? r->text : std::string("null"));
}

EMSCRIPTEN_KEEPALIVE const char* hemis_api_validate() {
    app().validate_all();
    return web::reply_text(app().verdict ? hemis::verdict_to_json(*app().verdict, web::language())
                                         : std::string("null"));
}

// `name` is an entity name (learner, staff, programme, status) or a file name. Like choosing the
// file and pressing "Import" on the import screen; a file with reading problems is not imported.
EMSCRIPTEN_KEEPALIVE const char* hemis_api_import_csv(char* name, char* text, int replace) {
    std::string n(name), t(text);
    std::free(name);
    std::free(text);
    auto entity = hemis::entity_from_name(n);
    if (!app().prepare_import(n, std::move(t), entity))
        return web::reply({{"committed", false}, {"failure", app().notice.text}});
    return web::confirm_reply(replace != 0);
}

// Like pressing "Confirm import" on the import screen with the chosen mode.
EMSCRIPTEN_KEEPALIVE const char* hemis_api_confirm_import(int replace) {
    if (!app().pending) return web::reply({{"committed", false}, {"failure", "no pending import"}});
    return web::confirm_reply(replace != 0);
}

// Like choosing a field (or "leave out", for an empty name) for a column in the mapping.
EMSCRIPTEN_KEEPALIVE const char* hemis_api_map_column(int column, char* field) {
    std::string f(field);
    std::free(field);
    if (!app().pending) return web::reply(nullptr);
    const int index = f.empty() ? -1 : hemis::schema_of(*app().pending->entity).field_index(f);
    if (!f.empty() && index < 0) return web::reply(nullptr);
    app().map_column(std::size_t(column), index);
    return web::reply(web::import_json(*app().pending, false));
}

EMSCRIPTEN_KEEPALIVE const char* hemis_api_package() {
    std::string error;
    std::string text = app().package_text(error);
    return web::reply({{"text", text}, {"error", error}});
}

EMSCRIPTEN_KEEPALIVE const char* hemis_api_report_csv() {
    return web::reply_text(app().report_csv());
}

EMSCRIPTEN_KEEPALIVE const char* hemis_api_form() {
    const auto& form = app().form;
    if (app().screen != web::Screen::form || !form.open) return web::reply(nullptr);
    json findings = json::array();
    for (const auto& f : form.live) findings.push_back(web::finding_json(f));
    return web::reply({{"entity", hemis::entity_name(form.entity)},
                       {"saved", form.id != 0 && !form.dirty},
                       {"focused", form.focused_field},
                       {"asking", form.asking},
                       {"values", form.values},
                       {"findings", findings}});
}

EMSCRIPTEN_KEEPALIVE void hemis_api_navigate(char* route) {
    std::string r(route);
    std::free(route);
    app().navigate(r);
}

}  // extern "C"

extern "C" {

// Values of one stored record by its id (e.g. "SV0001"), or null.
EMSCRIPTEN_KEEPALIVE const char* hemis_api_record(char* entity, char* record_id) {
    std::string e(entity), id(record_id);
    std::free(entity);
    std::free(record_id);
    const auto ent = hemis::entity_from_name(e);
    const hemis::RecordSet* set = ent ? app().records.set(*ent) : nullptr;
    for (std::size_t r = 0; set && r < set->size(); ++r) {
        if (set->record_id(r) != id) continue;
        json values = json::object();
        const auto& fields = hemis::schema_of(*ent).fields;
        for (std::size_t f = 0; f < fields.size(); ++f)
            values[std::string(fields[f].name)] = set->value(r, int(f));
        return web::reply(values);
    }
    return web::reply(nullptr);
}

// Where a named widget was drawn on the last frame, in CSS pixels (see ui_marks.cpp), or null.
EMSCRIPTEN_KEEPALIVE const char* hemis_api_item_rect(char* name) {
    std::string n(name);
    std::free(name);
    const auto r = web::item_rect(n);
    if (!r) return web::reply(nullptr);
    return web::reply({{"x", r->x}, {"y", r->y}, {"width", r->w}, {"height", r->h}});
}

// Same as saving the institution profile on the settings screen.
EMSCRIPTEN_KEEPALIVE int hemis_api_set_profile(char* code, char* name, char* period) {
    web::Profile p{code, name, period};
    std::free(code);
    std::free(name);
    std::free(period);
    return app().save_profile(p);
}

}  // extern "C"
