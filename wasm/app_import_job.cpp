// Reading an import over several frames (so a large file leaves the page responsive and the
// import screen can show a progress bar), the row-level report of the pending import, and the
// user's column mapping. Nothing here writes to the database: App::confirm_import does.
#include <emscripten/emscripten.h>

#include "app.hpp"
#include "hemis/validator.hpp"
#include "i18n.hpp"
#include "log.hpp"

namespace web {
namespace {

constexpr std::size_t kRecordsPerSlice = 500;

void count_severities(PendingImport& p) {
    p.errors = p.warnings = 0;
    for (const auto& f : p.findings)
        (f.severity == hemis::Severity::error ? p.errors : p.warnings)++;
}

}  // namespace

bool App::start_import(std::string file_name, std::string bytes, std::optional<hemis::Entity> e) {
    pending.reset();
    workbook_reading.clear();
    if (!e) e = guess_entity(file_name, bytes);
    if (!e) {
        import_job.reset();
        show(trf("import.unknown_entity", {file_name}), true);
        return false;
    }
    import_job = std::make_unique<ImportJob>(std::move(file_name), std::move(bytes), *e);
    screen = Screen::import;
    return true;
}

void App::step_import(double budget_ms) {
    if (import_commit) return step_commit(budget_ms);
    if (!import_job) return;
    ImportJob& job = *import_job;
    if (job.checking) {
        pending = pending_from(job);
        import_job.reset();
        check_pending();
        return;
    }
    const double until = emscripten_get_now() + budget_ms;
    do {
        job.reader.step(kRecordsPerSlice);
    } while (!job.reader.done() && emscripten_get_now() < until);
    // The check runs on the next call, so the screen can say so before the page waits for it.
    job.checking = job.reader.done();
}

float App::import_progress() const {
    if (!import_job) return 0.0f;
    return import_job->checking ? 1.0f : float(import_job->reader.progress());
}

bool App::prepare_import(std::string file_name, std::string bytes, std::optional<hemis::Entity> e) {
    if (!start_import(std::move(file_name), std::move(bytes), e)) return false;
    while (import_job) step_import(1e9);
    return pending.has_value();
}

// The file's findings as they would stand with the other entities as stored.
void App::check_pending() {
    if (!pending) return;
    PendingImport& p = *pending;
    p.findings.clear();
    if (rulebook && p.rows) {
        const hemis::Entity e = *p.entity;
        // The file's rows stand in for the saved ones while checking (swapped, not copied:
        // a large file is tens of megabytes).
        auto& slot = records.data().sets[std::size_t(e)];
        std::swap(slot, p.rows);
        hemis::Verdict v = hemis::validate(*rulebook, records.data());
        std::swap(slot, p.rows);
        for (auto& f : v.findings)
            if (f.entity == e || f.file == p.file_name) p.findings.push_back(f);
        p.checked = std::move(v);
        for (hemis::Entity other : hemis::kAllEntities)
            p.checked_generations[std::size_t(other)] = records.generation(other);
    }
    if (p.rows && store.is_open()) {
        p.merge = store.plan_import(*p.rows, ImportMode::add_or_update);
        p.skipped = skipped_findings(*p.rows, p.merge);
        p.saved_count = store.count(*p.entity);
    }
    count_severities(p);
}

void App::map_column(std::size_t column, int field) {
    if (!pending || !pending->rows || column >= pending->columns.size()) return;
    auto& columns = pending->columns;
    for (auto& other : columns)  // the field moves to this column
        if (field >= 0 && other.field == field) other.field = -1, other.chosen = true;
    columns[column].field = field;
    columns[column].chosen = true;
    apply_mapping(*pending);
    check_pending();
}

void App::workbook_failed(const std::string& file_name, const std::string& detail) {
    workbook_reading.clear();
    log_error("import: cannot read " + file_name + ": " + detail);
    show(trf("import.workbook_failed", {file_name, detail}), true);
}

}  // namespace web
