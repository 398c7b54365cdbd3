// Tests for core/src/package.cpp: deterministic bytes, normalised values, hash and count checks.
#include <catch2/catch.hpp>

#include "hemis/package.hpp"
#include "hemis/report.hpp"
#include "test_support.hpp"

using namespace hemis;

using test::pack;
using test::replaced;

namespace {

Dataset sample() {
    Dataset d;
    add_csv_input(d, "learners.csv", test::learner_csv({test::clean_learner()}));
    add_csv_input(d, "programmes.csv", test::programme_csv());
    return d;
}

}  // namespace

TEST_CASE("the same data packs to the same bytes") {
    CHECK(pack(sample()) == pack(sample()));
}

TEST_CASE("packages hold ISO dates, text ids and the latest update time") {
    const Package p = read_package(pack(sample()));
    const RecordSet& learners = *p.data.get(Entity::learner);
    const auto& s = schema_of(Entity::learner);
    CHECK(learners.value(0, s.field_index("ngay_sinh")) == "2003-03-05");
    CHECK(learners.value(0, s.field_index("so_dinh_danh")) == "001203012345");
    CHECK(p.manifest.created_at == "2026-09-15T08:00:00+07:00");
    CHECK(p.manifest.counts[std::size_t(Entity::learner)] == 1);
    CHECK(p.manifest.package_id == "QHI-2026-" + p.manifest.content_sha256.substr(0, 16));
    CHECK(p.manifest.rulebook_hash == test::rulebook().hash());
}

TEST_CASE("the default created_at is the latest update as an instant, not as text") {
    Dataset d;
    add_csv_input(d, "learners.csv", test::learner_csv({test::clean_learner()}));  // 01:00Z
    add_csv_input(d, "programmes.csv",
                  template_header(Entity::programme) +
                      "7480201,Công nghệ thông tin,7,CQ,1,new,2026-09-15T02:00:00Z\n");
    CHECK(read_package(pack(d)).manifest.created_at == "2026-09-15T02:00:00Z");
}

TEST_CASE("reading a package re-checks its content hash") {
    const std::string text = replaced(pack(sample()), "Nguyễn Văn An", "Nguyễn Văn Ân");
    CHECK_THROWS_WITH(read_package(text), "content_sha256 does not match the records");
}

TEST_CASE("reading a package re-checks its record counts") {
    const std::string text = replaced(pack(sample()), "\"learner\": 1,", "\"learner\": 2,");
    CHECK_THROWS_WITH(read_package(text),
                      "records.learner holds 1 records but the manifest says 2");
}

TEST_CASE("reading a package rejects unknown fields, deep nesting and bad JSON") {
    const std::string extra =
        replaced(pack(sample()), "\"dien_thoai\"", "\"la\":\"x\",\"dien_thoai\"");
    CHECK_THROWS_WITH(read_package(extra), "records.learner[0]: unknown field 'la'");
    CHECK_THROWS_WITH(read_package("[[[[[[[[[[]]]]]]]]]]"), "package is nested too deeply");
    CHECK_THROWS_WITH(read_package("{\"manifest\":"),
                      Catch::StartsWith("package is not valid JSON"));
    CHECK_THROWS_WITH(read_package("{\"a\":\"\xFF\"}"),
                      Catch::StartsWith("package is not valid JSON"));
    // Found by fuzzing: a number too large for a double is a JSON error, not a crash.
    CHECK_THROWS_WITH(read_package("{\"a\":1e8636}"),
                      Catch::StartsWith("package is not valid JSON"));
}

TEST_CASE("values that JSON escapes read back with their hash") {
    // The reader writes each record's hashed line itself: it must escape as the writer's
    // nlohmann dump() does, quotes, backslashes and control characters included.
    Dataset d;
    const std::string name = "\"A \"\"b\"\" \\ c\td\x01\x1f\x7f ễ\"";  // one quoted CSV cell
    add_csv_input(d, "learners.csv",
                  test::learner_csv({test::with_field(test::clean_learner(), "ho_ten", name)}));
    add_csv_input(d, "programmes.csv", test::programme_csv());
    const int field = schema_of(Entity::learner).field_index("ho_ten");
    const Package p = read_package(pack(d));
    CHECK(p.data.get(Entity::learner)->value(0, field) == d.get(Entity::learner)->value(0, field));
    CHECK(p.data.get(Entity::learner)->value(0, field).find('\\') != std::string_view::npos);
}

TEST_CASE("validating a package gives the CSV's findings, file and rows included") {
    Dataset d = sample();
    add_csv_input(d, "learners.csv",
                  test::learner_csv({test::with_field(test::clean_learner(), "ma_dan_toc", "99")}));
    const std::string text = pack(d);
    const Verdict v = validate(test::rulebook(), read_package(text).data);
    REQUIRE(v.findings.size() == 1);
    CHECK(v.findings[0].rule == "learner.ma_dan_toc.code");
    CHECK(v.findings[0].row == 2);
    CHECK(v.findings[0].file == "learners.csv");
    CHECK(verdict_to_json(v, Lang::vi) == verdict_to_json(validate(test::rulebook(), d), Lang::vi));
}

TEST_CASE("reading a package rejects what the format does not allow") {
    // Missing parts are named, without the JSON library's internals.
    CHECK_THROWS_WITH(read_package(replaced(pack(sample()), "\"institution\": \"QHI\",", "")),
                      "manifest.institution is missing");

    const std::string good = pack(sample());
    CHECK_THROWS_WITH(read_package(replaced(good, "\"records\": {", "\"x\": 1,\n\"records\": {")),
                      "package: unknown key 'x'");
    CHECK_THROWS_WITH(read_package(replaced(good, "\"learner\": 1,", "\"learner\": -1,")),
                      "manifest.counts.learner must be a whole number of zero or more");
    CHECK_THROWS_WITH(read_package(replaced(good, "\"learner\": 1,", "\"learner\": 1.0,")),
                      "manifest.counts.learner must be a whole number of zero or more");
    CHECK_THROWS_WITH(
        read_package(replaced(good, "\"institution\": \"QHI\"", "\"institution\": \"\"")),
        "manifest.institution is empty");
    CHECK_THROWS_WITH(
        read_package(replaced(good, "\"format_version\": 1", "\"format_version\": 1e38")),
        "manifest.format_version 1e+38 is not supported");
    CHECK_THROWS_WITH(read_package(replaced(good, "\"created_at\": \"2026-09-15T08:00:00+07:00\"",
                                            "\"created_at\": \"hôm qua\"")),
                      "manifest.created_at is not an ISO date-time");
}

TEST_CASE("brackets inside strings do not count as nesting") {
    CHECK_THROWS_WITH(read_package("{\"a\":\"[[[[[[[[[[[[\"}"), "package: unknown key 'a'");
    // A quote after an odd run of backslashes is inside the string; after an even run it ends it.
    CHECK_THROWS_WITH(read_package(R"({"a":"\\\"[[[[[[[[[[[["})"), "package: unknown key 'a'");
    CHECK_THROWS_WITH(read_package(R"({"a":"\\","b":[[[[[[[[]]]]]]]]})"),
                      "package is nested too deeply");
}
