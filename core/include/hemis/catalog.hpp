// Code lists (catalogs) loaded from the CSV files in reference/, as the rulebook declares them.
// A code may be valid only for a period (provinces before and after the 2025 merger, forms of
// training before and after the 2026 law): lookups take the record's own date when it has one.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <cstdint>
#include <vector>

#include "hemis/dates.hpp"

namespace hemis {

class Catalog {
public:
    struct Entry {
        std::string code;
        std::string name;
        std::optional<Date> valid_from, valid_to;  // inclusive; nullopt = open
        std::vector<std::string> attributes;       // further columns the rulebook asked for
    };
    enum class Lookup { valid, unknown, out_of_period };

    std::string name;
    bool partial = false;  // a partial list yields warnings, not errors, for unknown codes
    std::vector<std::string> attribute_names;

    int attribute_index(std::string_view attribute) const;  // -1 when not loaded
    const Entry* entry(std::string_view code) const;        // first entry for the code

    void add(Entry e);
    // `on` is the record's date, when the rule names one; without it any period matches.
    Lookup find(std::string_view code, const std::optional<Date>& on) const;
    const std::vector<Entry>& entries() const { return entries_; }  // in file order

private:
    std::vector<Entry> entries_;
    // Code -> first entry, by open addressing: each slot holds an index into entries_ plus one
    // (0 = empty), at most half the slots full. Every record looks up about ten codes, so a
    // lookup is one short hash and one probe, not a node-based map's bucket, node and key
    // (issue 6). Further entries for the same code chain through next_.
    std::vector<std::uint32_t> slots_;
    std::vector<std::uint32_t> next_;
    std::size_t first_index(std::string_view code) const;  // SIZE_MAX when absent
    void grow();
};

}  // namespace hemis
