// Deterministic ordering of findings.
#include "hemis/findings.hpp"

#include <algorithm>
#include <tuple>

namespace hemis {

std::string_view severity_name(Severity s) {
    return s == Severity::error ? "error" : "warning";
}

void sort_findings(std::vector<Finding>& findings) {
    const auto key = [](const Finding& f) {
        const int entity = f.entity ? int(*f.entity) : int(kEntityCount);
        return std::tuple<int, const std::string&, std::uint32_t, std::uint32_t, const std::string&,
                          const std::string&, const std::string&, const std::string&>(
            entity, f.file, f.row, f.column, f.rule, f.field, f.value, f.record);
    };
    std::stable_sort(findings.begin(), findings.end(),
                     [&](const Finding& a, const Finding& b) { return key(a) < key(b); });
}

}  // namespace hemis
