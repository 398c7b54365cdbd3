// Internal: the compiled form of a rulebook, shared by the loader, the validator and the generator.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace re2 {
class RE2;
}

#include "hemis/rulebook.hpp"

namespace hemis {

enum class RuleKind {
    input,
    required,
    format,
    date,
    datetime,
    code,
    range,
    compare,
    citizen_id,
    unique,
    reference,
    tolerance
};

// Applies a rule only to records whose `field` is one of `in` (or is not blank).
struct Condition {
    int field = -1;
    std::vector<std::string> in;
    bool active() const { return field >= 0; }
};

struct CompiledRule {
    std::string id;
    RuleKind kind = RuleKind::required;
    std::string kind_name;
    Severity severity = Severity::error;
    std::optional<Entity> entity;
    std::vector<std::string> field_names;
    std::vector<int> fields;
    std::string message_vi, message_en;
    Rulebook::Vars params;  // parameters as text, for {placeholders}
    Condition when;

    // format
    bool digits = false;
    int length = -1, min_length = -1, max_length = -1;
    std::shared_ptr<const re2::RE2> pattern;  // RE2 syntax, matched against the whole value
    // code
    const Catalog* catalog = nullptr;
    std::string listed_codes;  // for a message with {codes}: the list, made once at load
    int as_of = -1;
    // range
    std::optional<double> min, max;
    // compare: fields[0] <op> fields[1]
    std::string op;
    // citizen_id
    std::string check;
    int birth_date = -1, gender = -1;
    // reference
    Entity target_entity = Entity::programme;
    int target_field = -1;
    // tolerance
    Severity counted = Severity::warning;
    double max_share = 1.0;
    std::size_t min_records = 0;
};

struct Rulebook::Impl {
    std::string version, hash;
    std::map<std::string, Catalog, std::less<>> catalogs;
    std::vector<CompiledRule> rules;
    std::unordered_map<std::string, std::size_t> by_id;

    const CompiledRule& rule(std::string_view id) const;
};

// Loads the "catalogs" object; appends "file <name> <sha256>" lines for the hash to `hash_input`.
void load_catalogs(const nlohmann::json& spec, const FileLoader& loader, Rulebook::Impl& out,
                   std::string& hash_input);

// Builds a finding of `r`; the partial-catalog downgrade to a warning happens here.
Finding finding_for(const CompiledRule& r, std::optional<Entity> entity, std::string file,
                    std::string record, std::uint32_t row, std::uint32_t column, std::string field,
                    std::string value, const Rulebook::Vars& extra);

// Rule ids the validator raises for reading problems; every rulebook must define them.
inline constexpr const char* kInputRules[] = {"input.utf8",
                                              "input.csv_unterminated_quote",
                                              "input.csv_text_after_quote",
                                              "input.csv_extra_fields",
                                              "input.column_unknown",
                                              "input.column_missing",
                                              "input.empty_file",
                                              "input.utf16",
                                              "input.wrong_separator",
                                              "input.column_duplicate"};

std::string fill_message(std::string_view tmpl, const Rulebook::Vars& vars);

}  // namespace hemis
