// Packages: the JSON file an institution uploads. A manifest (format, institution, period, dates,
// rulebook version and hash, core version, record counts, SHA-256 of the records, verdict summary)
// and the records themselves with normalised values (ISO dates, NFC text, ids as strings).
// The same data always gives the same bytes, so a browser and the CLI make identical packages.
#pragma once
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "hemis/findings.hpp"
#include "hemis/rulebook.hpp"

namespace hemis {

inline constexpr int kPackageFormatVersion = 1;

struct PackageOptions {
    std::string institution;  // the institution's code (mã trường)
    std::string period;       // reporting period, e.g. "2026"
    // Defaults to the latest cap_nhat_luc among the records (or 1970-01-01T00:00:00Z when none),
    // so the same data packs to the same bytes.
    std::optional<std::string> created_at;
    // Defaults to "<institution>-<period>-<first 16 hex digits of the content hash>".
    std::optional<std::string> package_id;
};

struct Manifest {
    int format_version = kPackageFormatVersion;
    std::string package_id, institution, period, created_at;
    std::string rulebook_version, rulebook_hash, core_version;
    std::array<std::size_t, kEntityCount> counts{};
    std::string content_sha256;
    std::size_t errors = 0, warnings = 0;
};

// True for 1..128 ASCII letters, digits, '.', '_' and '-': what a package id (and the institution
// code and period it is made from by default) may hold, so it is safe in a URL path and a file name.
bool is_package_token(std::string_view s);

// Appends `s` as a JSON string literal escaped as nlohmann's dump() escapes valid UTF-8 (quotes,
// backslashes and control characters only): how a package's hashed record lines are written, so
// a reader that writes records with it keeps their bytes.
void append_json_string(std::string& out, std::string_view s);

// Builds the package text. The verdict must come from validating `data` with `rulebook`.
std::string write_package(const Dataset& data, const Rulebook& rulebook, const Verdict& verdict,
                          const PackageOptions& options);

// Raised for a package that cannot be read; what() names the part that is wrong.
class PackageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Package {
    Manifest manifest;
    // Record sets named after the entity's template file (learners.csv, …), rows numbered from 2
    // in package order as in that file, so a package's findings read like the CSV's.
    Dataset data;
};

// Parses and checks a package: JSON shape, nesting depth, format version, record counts and the
// content hash. Throws PackageError on the first problem.
Package read_package(std::string_view text);

}  // namespace hemis
