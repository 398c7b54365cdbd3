// Import, export and demo commands: reading a file into a pending import with its row-level
// report, committing it in one transaction, packaging and the report CSV.
#include <emscripten/emscripten.h>

#include "app.hpp"
#include "hemis/generator.hpp"
#include "hemis/package.hpp"
#include "hemis/report.hpp"
#include "hemis/validator.hpp"
#include "i18n.hpp"
#include "log.hpp"

namespace web {
namespace {

using hemis::Entity;

constexpr std::size_t kRowsPerWriteSlice = 500;

double now_ms() {
    return emscripten_get_now();
}

// Names the file, the row as the file numbers it and, when SQLite names one, the field.
std::string failure_text(const PendingImport& p, std::size_t row, const std::string& error) {
    if (!p.rows || row >= p.rows->size()) return trf("import.failed_file", {p.file_name, error});
    const std::string source_row = std::to_string(p.rows->table.source_row(row));
    const std::string entity = std::string(hemis::entity_name(*p.entity)) + ".";
    const auto at = error.find(entity);
    if (at == std::string::npos) return trf("import.failed_row", {p.file_name, source_row, error});
    std::string field = error.substr(at + entity.size());
    field = field.substr(0, field.find_first_of(" ,:"));
    return trf("import.failed_field", {p.file_name, source_row, field, error});
}

}  // namespace

bool App::confirm_import(ImportMode mode, bool in_frames) {
    if (!pending || !pending->can_commit() || import_commit) return false;
    if (!can_write()) return false;
    import_commit = std::make_unique<ImportCommit>(std::move(*pending), mode, store, now_iso_utc());
    pending.reset();
    imported.reset();
    if (in_frames) return true;
    while (import_commit) step_commit(1e9);
    return imported.has_value();
}

// Writes the next rows of a confirmed import; on the last slice commits and reports, on a
// failure puts the preview back with the reason (the transaction is rolled back).
void App::step_commit(double budget_ms) {
    if (!import_commit) return;
    ImportWrite& w = import_commit->write;
    const double until = now_ms() + budget_ms;
    bool ok = true;
    do {
        ok = w.step(kRowsPerWriteSlice);
    } while (ok && !w.done() && now_ms() < until);
    if (ok && !w.done()) return;
    if (ok) ok = w.commit();
    PendingImport p = std::move(import_commit->pending);
    const ImportPlan plan = w.plan();
    const std::string error = w.error();
    const std::size_t failed = w.failed_row();
    import_commit.reset();
    if (!ok) {
        p.failure = failure_text(p, failed, error);
        show(p.failure, true);
        pending = std::move(p);
        return;
    }
    p.merge = plan;
    p.skipped = skipped_findings(*p.rows, plan);
    show(trf("import.done_merge",
             {p.file_name, std::to_string(plan.added), std::to_string(plan.updated),
              std::to_string(plan.skipped.size()), std::to_string(plan.removed)}));
    imported = std::move(p);
    after_import(*imported);
}

void App::paste_rows(const std::string& tsv) {
    if (screen != Screen::table) return;
    prepare_import(tr("import.clipboard_name"), tsv_to_csv(tsv, table_entity), table_entity);
}

std::string App::package_text(std::string& error) {
    if (!rulebook || !verdict) {
        error = tr("package.no_rulebook");
        return {};
    }
    if (profile.code.empty() || profile.period.empty()) {
        error = tr("package.need_profile");
        return {};
    }
    try {
        return hemis::write_package(records.data(), *rulebook, *verdict,
                                    {profile.code, profile.period, std::nullopt, std::nullopt});
    } catch (const std::exception& ex) {
        error = trf("package.failed", {ex.what()});
        return {};
    }
}

std::string App::report_csv() {
    return verdict ? hemis::verdict_to_csv(*verdict, language()) : std::string();
}

void App::reset_demo() {
    if (!demo || !rulebook || !can_write()) return;
    const auto inst = hemis::generate_institution(*rulebook, {300, 2026, 0.05});
    const std::pair<Entity, const std::string*> files[] = {
        {Entity::programme, &inst.programmes_csv},
        {Entity::staff, &inst.staff_csv},
        {Entity::learner, &inst.learners_csv},
        {Entity::status, &inst.status_csv}};
    store.clear_all();
    for (const auto& [e, csv] : files) {
        PendingImport p = read_import(std::string(hemis::schema_of(e).file), *csv, e);
        if (p.rows) store.import_rows(*p.rows, ImportMode::replace_all, now_iso_utc());
    }
    records.reload_all(store);
    validate_all();
    if (storage == StorageState::ready) save_storage();
    show(tr("demo.reset_done"));
}

}  // namespace web
