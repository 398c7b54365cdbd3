// Internal: a set of record keys for the dataset-wide rules (unique, reference), by open
// addressing over the keys' 64-bit hashes. A probe reads one slot, where the hash and the row sit
// side by side, and a key's cells are read only when the hashes are equal: at a million records
// a node-based hash set cost several cache misses per key, and sorting the hashes instead cost
// more than the checks themselves (issue 6).
#pragma once
#include <bit>
#include <cstdint>
#include <vector>

namespace hemis {

class KeyTable {
public:
    static constexpr std::uint32_t kNone = UINT32_MAX;

    // Room for `keys` keys at a load of at most one half.
    explicit KeyTable(std::size_t keys)
        : slots_(std::bit_ceil(std::max<std::size_t>(16, keys * 2))), mask_(slots_.size() - 1) {}

    // The row already stored under a key equal to `row`'s (same hash, and `equal(stored, row)`),
    // or kNone after storing `row`.
    template <class Equal>
    std::uint32_t find_or_insert(std::uint64_t hash, std::uint32_t row, const Equal& equal) {
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            Slot& s = slots_[i];
            if (s.row == kNone) {
                s = {hash, row};
                return kNone;
            }
            if (s.hash == hash && equal(s.row, row)) return s.row;
        }
    }

    // Whether a stored row satisfies `matches(stored)` among those with this hash.
    template <class Matches>
    bool contains(std::uint64_t hash, const Matches& matches) const {
        for (std::size_t i = hash & mask_;; i = (i + 1) & mask_) {
            const Slot& s = slots_[i];
            if (s.row == kNone) return false;
            if (s.hash == hash && matches(s.row)) return true;
        }
    }

private:
    struct Slot {
        std::uint64_t hash = 0;
        std::uint32_t row = kNone;
    };
    std::vector<Slot> slots_;
    std::size_t mask_;
};

}  // namespace hemis
