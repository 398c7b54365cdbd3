// Cross-platform parity: the native and the wasm build run these same checks against the same
// checked-in expected output, so both must print the same bytes. expected.json was written by
// `hemis validate tests/fixtures/faulty --json`; the generator digest by the native build.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "hemis/generator.hpp"
#include "hemis/report.hpp"
#include "hemis/sha256.hpp"
#include "test_support.hpp"

using namespace hemis;

namespace {

std::string fixture(const std::string& name) {
    std::ifstream in(std::string(HEMIS_FIXTURES) + "/" + name, std::ios::binary);
    REQUIRE(in);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

TEST_CASE("findings for a faulty folder equal the checked-in CLI output byte for byte") {
    Dataset d;
    add_csv_input(d, "learners.csv", fixture("faulty/learners.csv"));
    add_csv_input(d, "programmes.csv", fixture("faulty/programmes.csv"));
    CHECK(verdict_to_json(validate(test::rulebook(), d), Lang::vi) ==
          fixture("faulty/expected.json"));
}

TEST_CASE("BOM, CRLF, NFD names, day-first dates and leading zeros validate cleanly") {
    Dataset d;
    add_csv_input(d, "learners.csv", fixture("edge/learners.csv"));
    add_csv_input(d, "programmes.csv", fixture("edge/programmes.csv"));
    const Verdict v = validate(test::rulebook(), d);
    CHECK(v.findings.empty());
    const auto& s = schema_of(Entity::learner);
    CHECK(d.get(Entity::learner)->value(0, s.field_index("ho_ten")) == "Nguyễn Thị Hoà");
    CHECK(d.get(Entity::learner)->value(1, s.field_index("ho_ten")) == "Trần Đức, Anh");
}

TEST_CASE("the generator writes the same bytes as the native build did") {
    const auto g = generate_institution(test::rulebook(), {1000, 42, 0.1});
    CHECK(sha256_hex(g.learners_csv + g.staff_csv + g.programmes_csv + g.status_csv) ==
          fixture("generator-seed42.sha256").substr(0, 64));
}
