// Tests for core/src/report.cpp: the human text, the CSV for spreadsheets and the JSON verdict.
#include <catch2/catch.hpp>

#include "hemis/report.hpp"
#include "test_support.hpp"

using namespace hemis;

namespace {

Verdict one_finding(const std::string& field, const std::string& value) {
    return test::validate_learners({test::with_field(test::clean_learner(), field, value)});
}

}  // namespace

TEST_CASE("text names file, row, column, rule, record and value, then a summary") {
    const std::string text =
        verdict_to_text(one_finding("so_dinh_danh", "00120301234"), Lang::en);
    CHECK(text ==
          "ERROR  learners.csv:2:2  learner.so_dinh_danh.format  [SV001]  "
          "so_dinh_danh=\"00120301234\"\n"
          "    Personal ID '00120301234' must be exactly 12 digits.\n"
          "Total: errors 1, warnings 0.\n");
    CHECK(verdict_to_text(test::validate_learners({test::clean_learner()}), Lang::vi) ==
          "Không có lỗi hay cảnh báo nào.\nTổng cộng: 0 lỗi, 0 cảnh báo.\n");
}

TEST_CASE("text shows control characters from a file as \\xNN, never raw") {
    const std::string text = verdict_to_text(one_finding("ho_ten", "L\x1B[31mê"), Lang::en);
    CHECK(text.find('\x1B') == std::string::npos);
    CHECK(text.find("ho_ten=\"L\\x1B[31mê\"") != std::string::npos);
}

TEST_CASE("CSV starts with a BOM and makes formula-like cells inert, numbers excepted") {
    const std::string csv = verdict_to_csv(one_finding("email", "=HYPERLINK(1)"), Lang::en);
    CHECK(csv.rfind("\xEF\xBB\xBF"
                    "severity,rule,entity,file,row,column,record,field,value,message\r\n",
                    0) == 0);
    CHECK(csv.find(",'=HYPERLINK(1),") != std::string::npos);
    const std::string phone = verdict_to_csv(one_finding("dien_thoai", "-5"), Lang::en);
    CHECK(phone.find(",-5,") != std::string::npos);  // a number stays a number
}

TEST_CASE("JSON carries the rulebook's version and hash with the findings") {
    const std::string json = verdict_to_json(one_finding("ma_dan_toc", "99"), Lang::vi);
    CHECK(json.find("\"version\": \"" + test::rulebook().version() + "\"") != std::string::npos);
    CHECK(json.find("\"hash\": \"" + test::rulebook().hash() + "\"") != std::string::npos);
    CHECK(json.find("\"rule\": \"learner.ma_dan_toc.code\"") != std::string::npos);
}
