// Internal: per-record checks of the field-level rule kinds. Each returns true when the record
// passes; `extra` receives message placeholders for a failure. Blank values pass every kind but
// `required` (a blank is missing data, never a zero).
#pragma once
#include <string_view>

#include "rulebook_impl.hpp"

namespace hemis {

struct RecordView {
    const RecordSet& set;
    std::size_t row;
    std::string_view value(int field) const { return set.value(row, field); }
};

bool condition_holds(const Condition& c, const RecordView& rec);
bool check_field_rule(const CompiledRule& r, const RecordView& rec, Rulebook::Vars& extra);

}  // namespace hemis
