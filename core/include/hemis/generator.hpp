// Synthetic institutions for demos, tests and benchmarks: Vietnamese names, citizen IDs consistent
// with birth year, gender and birth province, real codes from the rulebook's catalogs, and an
// optional share of injected faults whose findings are known in advance.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "hemis/findings.hpp"
#include "hemis/rulebook.hpp"

namespace hemis {

struct GeneratorOptions {
    std::size_t learners = 1000;
    std::uint64_t seed = 1;
    double faults = 0.0;  // share of learners given exactly one injected fault
};

struct GeneratedInstitution {
    std::string programmes_csv, staff_csv, learners_csv, status_csv;
    std::vector<Finding> expected;  // sorted; what validating the four files must report
};

// The same options and rulebook give the same bytes on every platform.
GeneratedInstitution generate_institution(const Rulebook& rulebook, const GeneratorOptions& opt);

}  // namespace hemis
