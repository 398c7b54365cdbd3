// The client's state and the commands the screens and window.hemis share: start-up (storage,
// database, rulebook), saving records, importing, validating and packaging. Screens only draw
// and call these; nothing here draws.
#pragma once
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app_upload.hpp"
#include "browser.hpp"
#include "hemis/findings.hpp"
#include "hemis/rulebook.hpp"
#include "import.hpp"
#include "records.hpp"
#include "store.hpp"

namespace web {

enum class Screen { dashboard, table, form, import, report, package, settings, log, upload };
enum class StorageState { loading, ready, unavailable };

struct Profile {
    std::string code, name, period;
};

// A notice shown in the status bar: a full sentence from the catalogue.
struct Notice {
    std::string text;
    bool error = false;
};

struct FormState {
    hemis::Entity entity = hemis::Entity::learner;
    std::int64_t id = 0;               // 0 for a new record
    std::vector<std::string> values;   // in schema field order
    std::vector<hemis::Finding> live;  // findings for this record as typed
    bool dirty = false;
    bool open = false;
    bool focus_first = true;        // give `focus_field` the keyboard on the next frame
    int focus_field = 0;            // schema index; a finding opened from the report names it
    std::string focused_field;      // the field holding the keyboard on the last frame
    std::int64_t duplicate_of = 0;  // a saved record a new record's id already names
    bool asking = false;            // the unsaved-changes question is open
};

struct App {
    // Environment.
    bool demo = false;
    StorageState storage = StorageState::loading;
    std::optional<PersistState> persist;
    bool tab_owner = true;  // false while another tab holds this database
    bool last_save_ok = true;
    bool ready = false;

    // Data.
    std::optional<hemis::Rulebook> rulebook;
    std::string rulebook_error;
    Store store;
    Records records;
    std::optional<hemis::Verdict> verdict;
    Profile profile;
    float zoom = 1.0f;

    // Screens.
    Screen screen = Screen::dashboard;
    hemis::Entity table_entity = hemis::Entity::learner;
    FormState form;
    std::optional<PendingImport> pending;
    std::unique_ptr<ImportJob> import_job;        // a file being read, a slice per frame
    std::unique_ptr<ImportCommit> import_commit;  // a confirmed file being written
    std::optional<PendingImport> imported;        // the last committed import, for its report
    std::string workbook_reading;                 // an .xlsx the page is turning into CSV text
    Notice notice;
    UploadState upload;  // token, request in flight and last receipt (app_upload.cpp)

    // Start-up: mounts storage; the rest happens when the browser reports back.
    void start();
    void on_storage_loaded(bool ok);
    void open_database();
    void load_settings();
    void set_language(hemis::Lang lang);
    bool save_setting(const std::string& key, const std::string& value);
    // Saves the institution profile; refuses (with a message) a code or period the package reader
    // would refuse, since they name the package and its default id.
    bool save_profile(const Profile& p);

    // Commands. Each write persists to IndexedDB when it commits.
    bool can_write();
    void after_commit(std::optional<hemis::Entity> changed);
    void after_import(PendingImport& p);
    void validate_all();
    void open_form(hemis::Entity e, std::int64_t id);
    void check_form();
    std::int64_t save_form();
    bool delete_record(hemis::Entity e, std::int64_t id);
    // Importing (app_import*.cpp): start_import reads over the next frames (step_import runs
    // each frame) and leaves a pending import; prepare_import does the same at once.
    bool start_import(std::string file_name, std::string bytes, std::optional<hemis::Entity> e);
    void step_import(double budget_ms);
    float import_progress() const;
    bool prepare_import(std::string file_name, std::string bytes, std::optional<hemis::Entity> e);
    void check_pending();
    void map_column(std::size_t column, int field);  // field -1: leave the column out
    void workbook_failed(const std::string& file_name, const std::string& detail);
    // Writes the pending import; `in_frames` spreads the write over the next frames (the screen
    // shows its progress), otherwise it finishes before returning. True when it was (or is
    // being) written.
    bool confirm_import(ImportMode mode, bool in_frames = false);
    void step_commit(double budget_ms);
    void paste_rows(const std::string& tsv);
    std::string package_text(std::string& error);
    std::string report_csv();
    void reset_demo();
    void show(std::string text, bool error = false);
    // Deep links such as #/form/learner/new or #/form/learner/SV0001 (app_route.cpp).
    void navigate(const std::string& route);
};

App& app();

}  // namespace web
