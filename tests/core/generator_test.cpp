// Tests for core/src/generator.cpp: injected faults are exactly what validation finds, clean
// institutions pass, and output is the same on every platform.
#include <catch2/catch.hpp>

#include "hemis/generator.hpp"
#include "hemis/report.hpp"
#include "hemis/sha256.hpp"
#include "test_support.hpp"

using namespace hemis;

namespace {

Verdict validate_generated(const GeneratedInstitution& g) {
    Dataset d;
    add_csv_input(d, "programmes.csv", g.programmes_csv);
    add_csv_input(d, "staff.csv", g.staff_csv);
    add_csv_input(d, "learners.csv", g.learners_csv);
    add_csv_input(d, "learner_status.csv", g.status_csv);
    return validate(test::rulebook(), d);
}

std::string as_json(const std::vector<Finding>& findings) {
    return verdict_to_json(Verdict{"", "", {}, findings}, Lang::en);
}

}  // namespace

TEST_CASE("a clean generated institution has no findings") {
    const auto g = generate_institution(test::rulebook(), {2000, 11, 0.0});
    const Verdict v = validate_generated(g);
    CHECK(g.expected.empty());
    CHECK(v.findings.empty());
    CHECK(v.summary.records[std::size_t(Entity::learner)] == 2000);
}

TEST_CASE("validation finds exactly the injected faults") {
    for (std::uint64_t seed : {1u, 2u, 3u}) {
        const auto g = generate_institution(test::rulebook(), {2000, seed, 0.1});
        REQUIRE(g.expected.size() > 100);
        CHECK(as_json(validate_generated(g).findings) == as_json(g.expected));
    }
}

TEST_CASE("the generator's output depends only on its options") {
    const auto a = generate_institution(test::rulebook(), {500, 5, 0.2});
    const auto b = generate_institution(test::rulebook(), {500, 5, 0.2});
    CHECK(a.learners_csv == b.learners_csv);
    CHECK(a.learners_csv != generate_institution(test::rulebook(), {500, 6, 0.2}).learners_csv);
}

TEST_CASE("generated citizen IDs agree with birth year, gender and province") {
    const auto g = generate_institution(test::rulebook(), {300, 9, 0.0});
    Dataset d;
    add_csv_input(d, "learners.csv", g.learners_csv);
    const RecordSet& s = *d.get(Entity::learner);
    const auto& schema = schema_of(Entity::learner);
    for (std::size_t r = 0; r < s.size(); ++r) {
        const auto id = s.value(r, schema.field_index("so_dinh_danh"));
        const auto birth = parse_date(s.value(r, schema.field_index("ngay_sinh")));
        REQUIRE(birth);
        CHECK(id.substr(4, 2) == std::to_string(birth->year).substr(2));
        const bool male = s.value(r, schema.field_index("gioi_tinh")) == "Nam";
        CHECK((id[3] - '0') % 2 == (male ? 0 : 1));
        CHECK(id.substr(1, 2) == s.value(r, schema.field_index("ma_tinh_noi_sinh")));
    }
}

TEST_CASE("with every learner faulted the tolerance finding is predicted too") {
    const auto g = generate_institution(test::rulebook(), {200, 5, 1.0});
    CHECK(as_json(validate_generated(g).findings) == as_json(g.expected));
    const bool predicted = std::any_of(g.expected.begin(), g.expected.end(), [](const Finding& f) {
        return f.rule == "learner.warnings.tolerance";
    });
    CHECK(predicted);
}
