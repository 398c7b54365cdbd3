// Findings and verdicts: what validation says about a dataset, in a deterministic order so two runs
// on two platforms print the same bytes.
#pragma once
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hemis/entities.hpp"

namespace hemis {

enum class Severity : std::uint8_t { error, warning };
std::string_view severity_name(Severity s);

enum class Lang : std::uint8_t { vi, en };

struct Finding {
    std::string rule;
    Severity severity = Severity::error;
    std::optional<Entity> entity;  // nullopt for findings about the whole dataset
    std::string file;              // source file name, empty for packages
    std::string record;            // record id, empty when the finding is about a file or a set
    std::uint32_t row = 0;         // 1-based source row, 0 when none
    std::uint32_t column = 0;      // 1-based source column, 0 when none
    std::string field;
    std::string value;
    std::string message_vi, message_en;

    const std::string& message(Lang lang) const {
        return lang == Lang::vi ? message_vi : message_en;
    }
};

// Sorts by entity, file, row, column, rule, field, value: a total order over what is printed.
void sort_findings(std::vector<Finding>& findings);

struct Summary {
    std::size_t errors = 0;
    std::size_t warnings = 0;
    std::array<std::size_t, kEntityCount> records{};
};

struct Verdict {
    std::string rulebook_version;
    std::string rulebook_hash;
    Summary summary;
    std::vector<Finding> findings;
};

}  // namespace hemis
