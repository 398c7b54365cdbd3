// Code lists (catalogs) loaded from the CSV files in reference/, as the rulebook declares them.
// A code may be valid only for a period (provinces before and after the 2025 merger, forms of
// training before and after the 2026 law): lookups take the record's own date when it has one.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
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
    // Hashes std::string and std::string_view alike, so lookups never copy the code.
    struct CodeHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const {
            return std::hash<std::string_view>{}(s);
        }
    };
    // code -> first index in entries_; further entries for the same code chain through next_.
    std::unordered_map<std::string, std::size_t, CodeHash, std::equal_to<>> first_;
    std::vector<std::size_t> next_;
};

}  // namespace hemis
