// The records in memory, rebuilt from the store after every commit: a core Dataset holding each
// entity exactly as it would be exported to CSV (schema column order, stored order), so validating
// or packaging it goes through the same core calls as the CLI reading those files.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "hemis/entities.hpp"
#include "store.hpp"

namespace web {

class Records {
public:
    void reload(Store& store, hemis::Entity e);
    void reload_all(Store& store);

    const hemis::Dataset& data() const { return data_; }
    hemis::Dataset& data() { return data_; }
    std::size_t count(hemis::Entity e) const { return data_.count(e); }
    const hemis::RecordSet* set(hemis::Entity e) const { return data_.get(e); }

    std::int64_t id_at(hemis::Entity e, std::size_t row) const { return ids_[index(e)][row]; }
    std::optional<std::size_t> row_of_id(hemis::Entity e, std::int64_t id) const;
    // Row index of the record whose CSV line is `source_row` (as findings number it).
    std::optional<std::size_t> row_of_source(hemis::Entity e, std::uint32_t source_row) const;

    // Changes whenever the entity's records were reloaded; views cache against it.
    std::uint64_t generation(hemis::Entity e) const { return generation_[index(e)]; }

private:
    static std::size_t index(hemis::Entity e) { return std::size_t(e); }

    hemis::Dataset data_;
    std::array<std::vector<std::int64_t>, hemis::kEntityCount> ids_;
    std::array<std::unordered_map<std::int64_t, std::size_t>, hemis::kEntityCount> row_by_id_;
    std::array<std::unordered_map<std::uint32_t, std::size_t>, hemis::kEntityCount> row_by_src_;
    std::array<std::uint64_t, hemis::kEntityCount> generation_{};
};

// Whether two record sets hold the same table (header, cells, row numbers, reading problems),
// column mapping and source: validating either gives the same findings.
bool same_records(const hemis::RecordSet& a, const hemis::RecordSet& b);

}  // namespace web
