// CSV inputs matched to entities, and the template headers of the interchange contract.
#include "hemis/inputs.hpp"

namespace hemis {

std::string template_header(Entity e) {
    std::string line;
    for (const auto& f : schema_of(e).fields) {
        if (!line.empty()) line.push_back(',');
        line.append(f.name);
    }
    line.push_back('\n');
    return line;
}

bool add_csv_input(Dataset& data, std::string file_name, std::string_view bytes,
                   std::optional<Entity> entity) {
    if (!entity) entity = entity_from_file_name(file_name);
    if (!entity) return false;
    const auto slash = file_name.find_last_of("/\\");
    if (slash != std::string::npos) file_name.erase(0, slash + 1);
    data.sets[std::size_t(*entity)] =
        make_record_set(*entity, std::move(file_name), read_csv(bytes));
    return true;
}

}  // namespace hemis
