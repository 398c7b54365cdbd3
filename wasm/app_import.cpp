// Import, export and demo commands: reading a file into a pending import with its row-level
// report, committing it in one transaction, packaging and the report CSV.
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

}  // namespace

bool App::confirm_import(ImportMode mode) {
    if (!pending || !pending->can_commit()) return false;
    if (!can_write()) return false;
    if (!store.import_rows(*pending->rows, mode)) {
        pending->failure = trf("import.failed", {store.last_error()});
        show(pending->failure, true);
        return false;
    }
    const Entity e = *pending->entity;
    show(trf("import.done", {std::to_string(pending->rows->size()), pending->file_name}));
    pending.reset();
    after_commit(e);
    return true;
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
        if (p.rows) store.import_rows(*p.rows, ImportMode::replace_all);
    }
    records.reload_all(store);
    validate_all();
    if (storage == StorageState::ready) save_storage();
    show(tr("demo.reset_done"));
}

}  // namespace web
