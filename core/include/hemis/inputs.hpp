// Turns input files (already read into memory by the caller) into a Dataset: CSV files are matched
// to entities by their interchange name (learners.csv, staff.csv, programmes.csv,
// learner_status.csv) or by an explicit entity; packages are read with read_package().
#pragma once
#include <optional>
#include <string>
#include <string_view>

#include "hemis/entities.hpp"

namespace hemis {

// The header line `hemis template <entity>` prints (schema order, CRLF-free, with newline).
std::string template_header(Entity e);

// Reads one CSV file into `data`, replacing any earlier set for the same entity. The entity is
// taken from `entity` or else from the file name; returns false when neither says which.
bool add_csv_input(Dataset& data, std::string file_name, std::string_view bytes,
                   std::optional<Entity> entity = std::nullopt);

}  // namespace hemis
