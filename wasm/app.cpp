// App start-up and shared commands: storage, database, settings, validation and persistence.
#include "app.hpp"

#include <cstdlib>

#include "hemis/package.hpp"
#include "hemis/validator.hpp"
#include "i18n.hpp"
#include "log.hpp"

namespace web {
namespace {

constexpr const char* kDataDir = "/data";

std::string mount_dir(bool demo) {
    return demo ? "/hemis-demo" : "/hemis";
}

}  // namespace

App& app() {
    static App instance;
    return instance;
}

void App::start() {
    demo = query_param("demo") == "1";
    try {
        rulebook = hemis::load_default_rulebook(kDataDir);
        log_info("rulebook " + rulebook->version() + " loaded");
    } catch (const std::exception& e) {
        rulebook_error = e.what();
        log_error(std::string("rulebook: ") + e.what());
    }
    auto& events = browser_events();
    events.storage_loaded = [this](bool ok) { on_storage_loaded(ok); };
    events.storage_saved = [this](bool ok) {
        last_save_ok = ok;
        if (!ok) show(tr("storage.save_failed"), true);
        if (ok) announce_saved(mount_dir(demo));
    };
    events.persist = [this](PersistState s) { persist = s; };
    events.tab_lock = [this](bool held) {
        const bool regained = held && !tab_owner;
        tab_owner = held;
        if (!regained) return;
        store.close();  // the other tab closed: read what it saved before writing here
        if (storage == StorageState::ready)
            reload_storage();
        else
            open_database();
    };
    events.other_tab_saved = [this]() {
        if (tab_owner) return;
        store.close();  // SQLite must not keep pages of the file being replaced
        reload_storage();
    };
    mount_storage(mount_dir(demo));
    acquire_tab_lock(mount_dir(demo));
    if (!demo) request_persistence();
}

void App::on_storage_loaded(bool ok) {
    if (!ok && storage == StorageState::loading) log_warn("storage: IndexedDB unavailable");
    storage = ok ? StorageState::ready : StorageState::unavailable;
    open_database();
}

void App::open_database() {
    // Without IndexedDB the database lives in memory for this tab only; the banner says so.
    const std::string path =
        storage == StorageState::ready ? mount_dir(demo) + "/entry.sqlite" : ":memory:";
    store.close();
    if (!store.open(path)) {
        show(tr("storage.open_failed"), true);
        return;
    }
    load_settings();
    if (demo && store.count(hemis::Entity::learner) == 0) reset_demo();
    records.reload_all(store);
    validate_all();
    ready = true;
    set_page_state(true, language() == hemis::Lang::vi ? "vi" : "en");
    log_info("database open: " + path);
}

void App::load_settings() {
    profile.code = store.setting("institution_code", demo ? "DEMO" : "");
    profile.name = store.setting("institution_name", demo ? tr("demo.institution") : "");
    profile.period = store.setting("period", "2026");
    zoom = std::strtof(store.setting("zoom", "1").c_str(), nullptr);
    if (!(zoom >= 0.5f && zoom <= 3.0f)) zoom = 1.0f;
    set_language(store.setting("language", "vi") == "en" ? hemis::Lang::en : hemis::Lang::vi);
}

void App::set_language(hemis::Lang lang) {
    web::set_language(lang);
    set_page_state(ready, lang == hemis::Lang::vi ? "vi" : "en");
}

bool App::save_setting(const std::string& key, const std::string& value) {
    if (!can_write() || !store.set_setting(key, value)) return false;
    after_commit(std::nullopt);
    return true;
}

bool App::save_profile(const Profile& p) {
    const char* bad = !hemis::is_package_token(p.code)     ? "settings.code"
                      : !hemis::is_package_token(p.period) ? "settings.period"
                                                           : nullptr;
    if (bad) {
        show(trf("settings.bad_token", {tr(bad)}), true);
        return false;
    }
    const bool ok = save_setting("institution_code", p.code) &&
                    save_setting("institution_name", p.name) && save_setting("period", p.period);
    if (ok) profile = p;
    return ok;
}

bool App::can_write() {
    if (import_commit) {  // its transaction is open until the last slice is written
        show(tr("import.busy"), true);
        return false;
    }
    if (tab_owner && store.is_open()) return true;
    show(tr(tab_owner ? "storage.not_open" : "tab.read_only"), true);
    return false;
}

void App::after_commit(std::optional<hemis::Entity> changed) {
    if (storage == StorageState::ready) save_storage();
    if (!changed) return;
    records.reload(store, *changed);
    validate_all();
}

// The saved records are reloaded as after any write. When they equal, cell for cell, what the
// import's check validated, with every other entity as it was then (a whole file imported into an
// empty table), the check's verdict is theirs: validating them again would give the same.
void App::after_import(PendingImport& p) {
    const hemis::Entity e = *p.entity;
    std::optional<hemis::Verdict> checked = std::move(p.checked);
    p.checked.reset();
    if (storage == StorageState::ready) save_storage();
    records.reload(store, e);
    bool same = checked && p.rows && records.set(e) && same_records(*records.set(e), *p.rows);
    for (hemis::Entity other : hemis::kAllEntities)
        same = same && (other == e ||
                        records.generation(other) == p.checked_generations[std::size_t(other)]);
    if (same)
        verdict = std::move(checked);
    else
        validate_all();
}

void App::validate_all() {
    if (!rulebook) return;
    verdict = hemis::validate(*rulebook, records.data());
}

void App::show(std::string text, bool error) {
    (error ? log_warn : log_info)(text);
    notice = {std::move(text), error};
}

}  // namespace web
