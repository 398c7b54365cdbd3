// The CLI's subcommands. Each returns the process exit code: 0 clean, 1 errors found,
// 2 bad usage or unreadable input.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hemis/findings.hpp"

namespace hemis::cli {

struct CommonOptions {
    Lang lang = Lang::vi;
    std::string data_dir;  // rules/ and reference/ live here
};

struct ValidateOptions {
    std::vector<std::string> paths;
    bool json = false;
};
int run_validate(const CommonOptions& common, const ValidateOptions& opt);

struct PackOptions {
    std::string dir, institution, period, output;
    std::optional<std::string> created_at, package_id;
    bool force = false;
};
int run_pack(const CommonOptions& common, const PackOptions& opt);

int run_inspect(const CommonOptions& common, const std::string& package_path);

struct GenerateOptions {
    std::size_t learners = 1000;
    std::uint64_t seed = 1;
    double faults = 0.0;
    std::string out;
    bool force = false;  // overwrite files already in `out`
};
int run_generate(const CommonOptions& common, const GenerateOptions& opt);

int run_template(const std::string& entity);

}  // namespace hemis::cli
