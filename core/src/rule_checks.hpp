// Internal: per-record checks of the field-level rule kinds. Each returns true when the record
// passes; `extra` receives message placeholders for a failure. Blank values pass every kind but
// `required` (a blank is missing data, never a zero).
#pragma once
#include <optional>
#include <string_view>
#include <vector>

#include "rulebook_impl.hpp"

namespace hemis {

struct RecordView {
    const RecordSet& set;
    std::size_t row;
    std::string_view value(int field) const { return set.value(row, field); }
};

bool condition_holds(const Condition& c, const RecordView& rec);
// The dataset-level finding of a tolerance rule, when the share of the entity's `records` with a
// finding of the counted severity is above the limit. Shared by the validator and the generator,
// which predicts it for its injected faults.
std::optional<Finding> tolerance_finding(const CompiledRule& r,
                                         const std::vector<Finding>& findings, std::size_t records,
                                         const std::string& file);

// A short list names its codes in the message ({codes}: "1 (Nam), 2 (Nữ)"), so the user can fix
// the cell without looking anything up; a long one is named in the message's own words. Empty
// when the list has more than kMaxListedCodes codes.
inline constexpr std::size_t kMaxListedCodes = 12;
std::string listed_codes(const Catalog& c);

bool check_field_rule(const CompiledRule& r, const RecordView& rec, Rulebook::Vars& extra);

}  // namespace hemis
