// Shared helpers for the core tests: the project's rulebook, and small datasets from CSV text.
#pragma once
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "hemis/inputs.hpp"
#include "hemis/package.hpp"
#include "hemis/rulebook.hpp"
#include "hemis/validator.hpp"

namespace hemis::test {

// `s` with the first `from` replaced by `to`; the test fails when `from` is absent.
inline std::string replaced(std::string s, const std::string& from, const std::string& to) {
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    return s.replace(at, from.size(), to);
}

// A programmes.csv with one programme, the one clean_learner() studies.
inline std::string programme_csv() {
    return template_header(Entity::programme) +
           "7480201,Công nghệ thông tin,7,CQ,1,new,2026-09-01T00:00:00Z\n";
}

inline const Rulebook& rulebook() {
    static const Rulebook book = load_default_rulebook(HEMIS_DATA);
    return book;
}

// A learners.csv with the template header and the given data rows (each row a full CSV line).
inline std::string learner_csv(const std::vector<std::string>& rows) {
    std::string out = template_header(Entity::learner);
    for (const auto& r : rows) out += r + "\n";
    return out;
}

// A clean learner row; tests replace single fields with with_field().
inline std::string clean_learner() {
    return "SV001,001203012345,Nguyễn Văn An,05/03/2003,Nam,01,VN,01,01,7480201,2021,"
           "05/09/"
           "2021,100,dang_hoc,,,,0912345678,an@example.edu.vn,1,new,2026-09-15T08:00:00+07:00";
}

inline std::string with_field(std::string row, std::string_view field, const std::string& value) {
    const int index = schema_of(Entity::learner).field_index(field);
    std::size_t start = 0;
    for (int i = 0; i < index; ++i) start = row.find(',', start) + 1;
    const std::size_t end = row.find(',', start);
    return row.replace(start, end == std::string::npos ? std::string::npos : end - start, value);
}

inline Verdict validate_learners(const std::vector<std::string>& rows, bool with_programme = true) {
    Dataset d;
    add_csv_input(d, "learners.csv", learner_csv(rows));
    if (with_programme)
        add_csv_input(d, "programmes.csv",
                      template_header(Entity::programme) +
                          "7480201,Công nghệ thông tin,7,CQ,1,new,2026-09-15T08:00:00+07:00\n");
    return validate(rulebook(), d);
}

inline std::vector<std::string> rule_ids(const Verdict& v) {
    std::vector<std::string> ids;
    for (const auto& f : v.findings) ids.push_back(f.rule);
    return ids;
}

// The package `hemis pack` makes of `d` for institution QHI, period 2026.
inline std::string pack(const Dataset& d) {
    return write_package(d, rulebook(), validate(rulebook(), d), {"QHI", "2026", {}, {}});
}

}  // namespace hemis::test
