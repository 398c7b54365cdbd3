// File-system side of the CLI's inputs: reading files whole and collecting a folder's CSV files
// or one package into a Dataset. Problems are thrown as InputError (messages.hpp).
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "hemis/package.hpp"
#include "messages.hpp"

namespace hemis::cli {

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& bytes);

struct Inputs {
    Dataset data;
    std::optional<Manifest> manifest;  // set when the input was a package
    std::vector<std::string> files;    // the CSV files read, in order
    std::vector<std::string> skipped;  // data-like files in the folders not named as templates
};

// Accepts CSV files named after entities, folders holding them, or a single package (.json).
Inputs collect_inputs(const std::vector<std::string>& paths);

}  // namespace hemis::cli
