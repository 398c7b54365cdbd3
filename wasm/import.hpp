// An import waiting for the user's confirmation: the file read into a record set, how its columns
// map to the schema, and the row-level report (findings numbered by the file's own rows).
// Nothing is written to the database until App::confirm_import.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "csv_chunks.hpp"
#include "hemis/entities.hpp"
#include "hemis/findings.hpp"
#include "hemis/validator.hpp"
#include "store.hpp"

namespace web {

struct ColumnMapping {
    std::string header;   // as written in the file
    int field = -1;       // schema field index, -1 when the column is not imported
    bool chosen = false;  // set by the user in the preview rather than matched by its header
};

struct PendingImport {
    std::string file_name;
    std::string bytes;
    std::optional<hemis::Entity> entity;
    std::optional<hemis::RecordSet> rows;
    std::vector<ColumnMapping> columns;
    std::vector<std::string> missing_fields;
    std::vector<hemis::Finding> findings;
    std::size_t errors = 0, warnings = 0;
    std::size_t read_problems = 0;  // broken quotes, bad UTF-8, ragged rows, no header: block it
    // Records are saved and merged by their id: a file without an id column (often one separated
    // by semicolons, read as a single column) or with rows of blank ids would save blank-id
    // records over each other, or in a replace lose every saved record. Such a file is blocked.
    std::vector<std::string> missing_id_fields;  // id fields no column is mapped to
    std::size_t blank_id_rows = 0;
    std::uint32_t first_blank_id_row = 0;  // spreadsheet row of the first such row
    // The whole check (every entity, this file standing in for its entity's saved records) and
    // the generation of each entity's records it was made with (Records::generation).
    std::optional<hemis::Verdict> checked;
    std::array<std::uint64_t, hemis::kEntityCount> checked_generations{};
    std::string failure;  // set when committing failed
    // What a merge would do with the saved records: rows kept out because their version is not
    // newer are listed as findings of the client's own (never mixed into the core's `findings`).
    ImportPlan merge;
    std::vector<hemis::Finding> skipped;
    std::size_t saved_count = 0;                  // records of this entity a replace would remove
    ImportMode mode = ImportMode::add_or_update;  // the choice on the screen: merge unless asked

    bool can_commit() const {
        return rows && read_problems == 0 && missing_id_fields.empty() && blank_id_rows == 0;
    }
    // Why the file cannot be imported, in the user's language; empty when it can.
    std::string blocked_reason() const;
};

// A confirmed import being written a slice per frame (App::step_import). It owns the pending
// import so the writer's rows stay put; held by pointer. The writer gets a copy of the preview's
// plan (its lookups), as a failure puts the preview back on the screen as it was.
struct ImportCommit {
    PendingImport pending;
    ImportWrite write;

    ImportCommit(PendingImport p, ImportMode mode, Store& store, std::string now)
        : pending(std::move(p)), write(store, *pending.rows, mode, std::move(now), pending.merge) {}
};

// The current time as cap_nhat_luc holds it (ISO, UTC, seconds).
std::string now_iso_utc();

// The rows a merge skipped, as findings naming file, row, record and phien_ban.
std::vector<hemis::Finding> skipped_findings(const hemis::RecordSet& rows, const ImportPlan& plan);

// A file being read into a PendingImport a slice per frame (App::step_import). Held by pointer:
// the reader points into `bytes`.
struct ImportJob {
    std::string file_name;
    std::string bytes;
    hemis::Entity entity = hemis::Entity::learner;
    CsvChunks reader{bytes};
    bool checking = false;  // read; the findings are worked out on the next frame

    ImportJob(std::string name, std::string data, hemis::Entity e)
        : file_name(std::move(name)), bytes(std::move(data)), entity(e) {}
};

// Which entity a file holds: the explicit choice, else its name (learners.csv …), else the
// schema whose fields its header matches best.
std::optional<hemis::Entity> guess_entity(const std::string& file_name, std::string_view bytes);

// Reads the file for `entity` and fills everything but the findings.
PendingImport read_import(std::string file_name, std::string bytes, hemis::Entity entity);

// The same from a table the job has read.
PendingImport pending_from(ImportJob& job);

// Applies the columns' field choices to the record set: which column feeds which field, which
// columns are reported as unknown (not those the user chose to leave out) and what is missing.
void apply_mapping(PendingImport& p);

// Spreadsheet cells (tab-separated, one row a line) as CSV with the schema's header; the first
// row is taken as a header when it names schema fields.
std::string tsv_to_csv(const std::string& tsv, hemis::Entity entity);

}  // namespace web
