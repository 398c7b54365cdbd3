// The entities HEMIS Entry exchanges, described as data: each entity has a schema (its fields,
// their types, the fields that form its stable id) and its records are held as a table of NFC text.
// Every record carries the same metadata fields so that later uploads merge instead of overwriting:
// phien_ban (version, must increase), su_kien (new / update / cancel), cap_nhat_luc (update time).
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hemis/csv.hpp"

namespace hemis {

enum class Entity : std::uint8_t { programme, staff, learner, status };
inline constexpr std::array<Entity, 4> kAllEntities = {Entity::programme, Entity::staff,
                                                       Entity::learner, Entity::status};
inline constexpr std::size_t kEntityCount = kAllEntities.size();

enum class FieldType : std::uint8_t { text, code, digits, integer, date, datetime };

struct FieldSpec {
    std::string_view name;
    FieldType type;
};

struct EntitySchema {
    Entity entity;
    std::string_view name;              // "learner": used in rulebooks, findings and packages
    std::string_view file;              // "learners.csv": the interchange file name
    std::vector<std::string_view> key;  // fields forming the record id
    std::vector<FieldSpec> fields;      // in the order `hemis template` prints them
    int field_index(std::string_view field) const;  // -1 when the entity has no such field
};

const EntitySchema& schema_of(Entity e);
std::string_view entity_name(Entity e);
std::optional<Entity> entity_from_name(std::string_view name);
std::optional<Entity> entity_from_file_name(std::string_view file_name);  // matches the basename

// Records of one entity, as read from one file (or a package). Values are NFC text; a field whose
// column is absent reads as blank.
struct RecordSet {
    Entity entity = Entity::learner;
    std::string source;  // file name shown in findings; empty for packages
    CsvTable table;
    std::vector<int> column_of_field;  // schema field index -> table column, or -1
    struct UnknownColumn {
        std::string name;
        std::uint32_t column;
        bool duplicate;  // a template column seen a second time, not a foreign one
    };
    std::vector<UnknownColumn> unknown_columns;

    std::size_t size() const { return table.row_count(); }
    std::string_view value(std::size_t row, int field) const {
        const int col = field < 0 ? -1 : column_of_field[field];
        return col < 0 ? std::string_view{} : table.cell(row, col);
    }
    bool has_field(int field) const { return field >= 0 && column_of_field[field] >= 0; }
    std::uint32_t column_number(int field) const {  // 1-based, 0 when absent
        return has_field(field) ? std::uint32_t(column_of_field[field] + 1) : 0;
    }
    std::string record_id(std::size_t row) const;  // key values joined by "/"
};

RecordSet make_record_set(Entity e, std::string source, CsvTable table);

// What one validation or package covers: at most one record set per entity.
struct Dataset {
    std::array<std::optional<RecordSet>, kEntityCount> sets;

    RecordSet* get(Entity e) { return sets[std::size_t(e)] ? &*sets[std::size_t(e)] : nullptr; }
    const RecordSet* get(Entity e) const {
        return sets[std::size_t(e)] ? &*sets[std::size_t(e)] : nullptr;
    }
    std::size_t count(Entity e) const { return get(e) ? get(e)->size() : 0; }
};

}  // namespace hemis
