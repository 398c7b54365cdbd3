// Code lookups with validity periods. Codes may repeat (a code reused across list versions), so
// each code maps to a chain of entries, each with its own period.
#include "hemis/catalog.hpp"

namespace hemis {

void Catalog::add(Entry e) {
    const std::size_t index = entries_.size();
    next_.push_back(SIZE_MAX);
    auto [it, inserted] = first_.try_emplace(e.code, index);
    if (!inserted) {
        std::size_t k = it->second;
        while (next_[k] != SIZE_MAX) k = next_[k];
        next_[k] = index;
    }
    entries_.push_back(std::move(e));
}

int Catalog::attribute_index(std::string_view attribute) const {
    for (std::size_t i = 0; i < attribute_names.size(); ++i)
        if (attribute_names[i] == attribute) return int(i);
    return -1;
}

const Catalog::Entry* Catalog::entry(std::string_view code) const {
    const auto it = first_.find(code);
    return it == first_.end() ? nullptr : &entries_[it->second];
}

Catalog::Lookup Catalog::find(std::string_view code, const std::optional<Date>& on) const {
    const auto it = first_.find(code);
    if (it == first_.end()) return Lookup::unknown;
    if (!on) return Lookup::valid;
    for (std::size_t k = it->second; k != SIZE_MAX; k = next_[k]) {
        const Entry& e = entries_[k];
        if ((!e.valid_from || *e.valid_from <= *on) && (!e.valid_to || *on <= *e.valid_to))
            return Lookup::valid;
    }
    return Lookup::out_of_period;
}

}  // namespace hemis
