// The rulebook: validation rules and the catalogs they use, loaded from versioned JSON data
// (rules/rulebook.json) and compiled once. Its version and content hash (rules plus every catalog
// file it reads) travel with every verdict and package.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "hemis/catalog.hpp"
#include "hemis/findings.hpp"

namespace hemis {

// Raised for a rulebook that cannot be used; what() says which rule or catalog and why.
class RulebookError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Returns a catalog file's bytes by its name in the rulebook, or nullopt when it cannot be read.
using FileLoader = std::function<std::optional<std::string>(const std::string& file_name)>;

// Loads files from a directory (reference/ in the source tree, or wherever the data is installed).
FileLoader directory_loader(std::string directory);

struct RuleInfo {
    std::string id;
    std::string kind;
    Severity severity;
    std::optional<Entity> entity;
    std::vector<std::string> fields;
    std::string message_vi, message_en;  // templates, before {placeholders} are filled
};

class Rulebook {
public:
    static Rulebook load(std::string_view rulebook_json, const FileLoader& catalogs);

    const std::string& version() const;
    const std::string& hash() const;
    const Catalog* catalog(std::string_view name) const;
    std::vector<RuleInfo> rules() const;

    // Builds a finding for `rule_id` with the rule's severity and both messages filled in
    // ({field}, {value} and the rule's own parameters such as {min}). Throws RulebookError for an
    // unknown rule id.
    // `extra` fills further placeholders a rule's message names (e.g. {expected}).
    using Vars = std::vector<std::pair<std::string, std::string>>;
    Finding make_finding(std::string_view rule_id, std::optional<Entity> entity, std::string file,
                         std::string record, std::uint32_t row, std::uint32_t column,
                         std::string field, std::string value, const Vars& extra = {}) const;

    struct Impl;
    const Impl& impl() const { return *impl_; }

private:
    std::shared_ptr<const Impl> impl_;
};

// Where data files live by default: $HEMIS_DATA_DIR, else the source tree the build came from.
std::string default_data_dir();
// Loads <data>/rules/rulebook.json with catalogs from <data>/reference.
Rulebook load_default_rulebook(const std::string& data_dir = default_data_dir());

}  // namespace hemis
