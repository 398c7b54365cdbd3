// Tests for core/src/rulebook.cpp and rulebook_catalogs.cpp: loading, errors that name the rule,
// hashing over rules and catalog files, catalogs with validity periods.
#include <catch2/catch.hpp>

#include <map>

#include "test_support.hpp"

using namespace hemis;

namespace {

const char* kInputRules =
    R"({"id":"input.utf8","kind":"input","severity":"error","message":{"vi":"u","en":"u"}},
       {"id":"input.csv_unterminated_quote","kind":"input","severity":"error","message":{"vi":"q","en":"q"}},
       {"id":"input.csv_text_after_quote","kind":"input","severity":"error","message":{"vi":"t","en":"t"}},
       {"id":"input.csv_extra_fields","kind":"input","severity":"error","message":{"vi":"x","en":"x"}},
       {"id":"input.column_unknown","kind":"input","severity":"warning","message":{"vi":"c","en":"c"}},
       {"id":"input.column_missing","kind":"input","severity":"error","message":{"vi":"m","en":"m"}},
       {"id":"input.empty_file","kind":"input","severity":"error","message":{"vi":"e","en":"e"}},
       {"id":"input.utf16","kind":"input","severity":"error","message":{"vi":"e","en":"e"}},
       {"id":"input.wrong_separator","kind":"input","severity":"error","message":{"vi":"e","en":"e"}},
       {"id":"input.column_duplicate","kind":"input","severity":"error","message":{"vi":"e","en":"e"}})";

FileLoader memory_loader(std::map<std::string, std::string> files) {
    return [files](const std::string& name) -> std::optional<std::string> {
        const auto it = files.find(name);
        return it == files.end() ? std::nullopt : std::optional<std::string>(it->second);
    };
}

std::string book_json(const std::string& extra_rules, const std::string& catalogs = "{}") {
    return R"({"format":1,"version":"t1","catalogs":)" + catalogs + R"(,"rules":[)" + kInputRules +
           extra_rules + "]}";
}

}  // namespace

TEST_CASE("the project rulebook loads with a version and a 64-hex hash") {
    const Rulebook& book = test::rulebook();
    CHECK(book.version() == "2026.12-9");
    CHECK(book.hash().size() == 64);
    CHECK(book.catalog("nganh")->partial);
    CHECK_FALSE(book.catalog("dan_toc")->partial);
}

TEST_CASE("the rulebook hash covers catalog files, not only rules") {
    const std::string cats = R"({"g":{"sources":[{"file":"g.csv","code":"code"}]}})";
    const auto a = Rulebook::load(book_json("", cats), memory_loader({{"g.csv", "code\nNam\n"}}));
    const auto b =
        Rulebook::load(book_json("", cats), memory_loader({{"g.csv", "code\nNam\nNữ\n"}}));
    CHECK(a.hash() != b.hash());
    CHECK(a.hash() ==
          Rulebook::load(book_json("", cats), memory_loader({{"g.csv", "code\nNam\n"}})).hash());
}

TEST_CASE("rulebook errors name the rule and the problem") {
    const auto load = [](const std::string& rules) {
        Rulebook::load(book_json(rules), memory_loader({}));
    };
    CHECK_THROWS_WITH(
        load(R"(,{"id":"x","kind":"nope","severity":"error","message":{"vi":"","en":""}})"),
        "rule 11 (x): unknown kind 'nope'");
    CHECK_THROWS_WITH(
        load(
            R"(,{"id":"x","kind":"required","entity":"learner","fields":["khong_co"],"severity":"error","message":{"vi":"","en":""}})"),
        "rule 11 (x): entity learner has no field 'khong_co'");
    CHECK_THROWS_WITH(
        load(
            R"(,{"id":"x","kind":"code","entity":"learner","fields":["gioi_tinh"],"params":{"catalog":"zz"},"severity":"error","message":{"vi":"","en":""}})"),
        "rule 11 (x): unknown catalog 'zz'");
    CHECK_THROWS_WITH(
        load(
            R"(,{"id":"x","kind":"required","entity":"learner","fields":["gioi_tinh"],"severity":"error","message":{"vi":"{codes}","en":""}})"),
        "rule 11 (x): {codes} needs a code rule whose list has at most 12 codes");
    CHECK_THROWS_WITH(Rulebook::load("{", memory_loader({})),
                      Catch::StartsWith("rulebook is not valid JSON"));
    CHECK_THROWS_WITH(
        Rulebook::load(R"({"format":1,"version":"v","catalogs":{},"rules":[]})", memory_loader({})),
        "missing rule input.utf8");
}

TEST_CASE("a catalog file that cannot be read is named") {
    const std::string cats = R"({"g":{"sources":[{"file":"absent.csv","code":"code"}]}})";
    CHECK_THROWS_WITH(Rulebook::load(book_json("", cats), memory_loader({})),
                      "catalog g (absent.csv): cannot read file");
}

TEST_CASE("catalog lookups respect validity periods") {
    const Catalog* provinces = test::rulebook().catalog("tinh_noi_sinh");
    // Hà Giang (02) existed until the 2025 merger; Tuyên Quang (08) exists in both lists.
    CHECK(provinces->find("02", parse_date("01/01/2003")) == Catalog::Lookup::valid);
    CHECK(provinces->find("02", parse_date("01/08/2025")) == Catalog::Lookup::out_of_period);
    CHECK(provinces->find("08", parse_date("01/08/2025")) == Catalog::Lookup::valid);
    CHECK(provinces->find("99", std::nullopt) == Catalog::Lookup::unknown);
}

TEST_CASE("make_finding fills placeholders from the record and the rule's parameters") {
    const Finding f =
        test::rulebook().make_finding("learner.nam_nhap_hoc.range", Entity::learner, "learners.csv",
                                      "SV1", 2, 11, "nam_nhap_hoc", "1890");
    CHECK(f.message_vi == "Năm nhập học 1890 nằm ngoài khoảng 1950–2030.");
    CHECK(f.message_en == "Admission year 1890 is outside 1950–2030.");
    CHECK(f.severity == Severity::error);
}
