// Code lookups with validity periods. Codes may repeat (a code reused across list versions), so
// each code maps to a chain of entries, each with its own period.
#include "hemis/catalog.hpp"

#include <algorithm>

namespace hemis {

namespace {

constexpr std::uint32_t kEnd = UINT32_MAX;

// FNV-1a: codes are a few ASCII characters, for which it is short and spreads well.
std::uint64_t code_hash(std::string_view code) {
    std::uint64_t h = 0xCBF29CE484222325u;
    for (char c : code) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3u;
    return h;
}

}  // namespace

std::size_t Catalog::first_index(std::string_view code) const {
    if (slots_.empty()) return SIZE_MAX;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t i = code_hash(code) & mask; slots_[i] != 0; i = (i + 1) & mask)
        if (entries_[slots_[i] - 1].code == code) return slots_[i] - 1;
    return SIZE_MAX;
}

void Catalog::grow() {
    slots_.assign(std::max<std::size_t>(16, slots_.size() * 2), 0);
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        if (first_index(entries_[k].code) != SIZE_MAX) continue;  // a later entry of a code
        std::size_t i = code_hash(entries_[k].code) & mask;
        while (slots_[i] != 0) i = (i + 1) & mask;
        slots_[i] = std::uint32_t(k + 1);
    }
}

void Catalog::add(Entry e) {
    const std::size_t first = first_index(e.code);
    entries_.push_back(std::move(e));
    next_.push_back(kEnd);
    const auto index = std::uint32_t(entries_.size() - 1);
    if (first != SIZE_MAX) {
        std::size_t k = first;
        while (next_[k] != kEnd) k = next_[k];
        next_[k] = index;
        return;
    }
    if (2 * entries_.size() > slots_.size()) {
        grow();  // re-indexes every entry, this one included
        return;
    }
    const std::size_t mask = slots_.size() - 1;
    std::size_t i = code_hash(entries_[index].code) & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = index + 1;
}

int Catalog::attribute_index(std::string_view attribute) const {
    for (std::size_t i = 0; i < attribute_names.size(); ++i)
        if (attribute_names[i] == attribute) return int(i);
    return -1;
}

const Catalog::Entry* Catalog::entry(std::string_view code) const {
    const std::size_t k = first_index(code);
    return k == SIZE_MAX ? nullptr : &entries_[k];
}

Catalog::Lookup Catalog::find(std::string_view code, const std::optional<Date>& on) const {
    const std::size_t first = first_index(code);
    if (first == SIZE_MAX) return Lookup::unknown;
    if (!on) return Lookup::valid;
    for (std::size_t k = first; k != kEnd; k = next_[k]) {
        const Entry& e = entries_[k];
        if ((!e.valid_from || *e.valid_from <= *on) && (!e.valid_to || *on <= *e.valid_to))
            return Lookup::valid;
    }
    return Lookup::out_of_period;
}

}  // namespace hemis
