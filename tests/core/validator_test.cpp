// Tests for core/src/validator.cpp and rule_checks.cpp: one behaviour per rule kind, on the
// project's rulebook and small learner files.
#include <catch2/catch.hpp>

#include "test_support.hpp"

using namespace hemis;
using test::clean_learner;
using test::rule_ids;
using test::validate_learners;
using test::with_field;
using Ids = std::vector<std::string>;

TEST_CASE("a clean learner has no findings") {
    const Verdict v = validate_learners({clean_learner()});
    CHECK(v.findings.empty());
    CHECK(v.summary.records[std::size_t(Entity::learner)] == 1);
}

TEST_CASE("required: a blank name is an error with row, column and record") {
    const Verdict v = validate_learners({with_field(clean_learner(), "ho_ten", "")});
    REQUIRE(rule_ids(v) == Ids{"learner.ho_ten.required"});
    const Finding& f = v.findings[0];
    CHECK(f.row == 2);
    CHECK(f.column == 3);
    CHECK(f.record == "SV001");
    CHECK(f.file == "learners.csv");
    CHECK(f.message_vi == "Thiếu họ và tên.");
}

TEST_CASE("required with a condition applies only to graduates") {
    auto row = with_field(clean_learner(), "trang_thai", "da_tot_nghiep");
    row = with_field(row, "ngay_tot_nghiep", "30/06/2025");
    row = with_field(row, "xep_loai_tot_nghiep", "gioi");
    CHECK(rule_ids(validate_learners({row})) == Ids{"learner.so_hieu_van_bang.required"});
}

TEST_CASE("format: digits and exact length, leading zero kept") {
    CHECK(
        rule_ids(validate_learners({with_field(clean_learner(), "so_dinh_danh", "00120301234")})) ==
        Ids{"learner.so_dinh_danh.format"});
    CHECK(rule_ids(
              validate_learners({with_field(clean_learner(), "so_dinh_danh", "00120301234A")})) ==
          Ids{"learner.so_dinh_danh.format"});
}

TEST_CASE("format: patterns for phone and email") {
    CHECK(validate_learners({with_field(clean_learner(), "dien_thoai", "+84912345678")})
              .findings.empty());
    const Verdict v = validate_learners({with_field(clean_learner(), "dien_thoai", "0212345678")});
    REQUIRE(rule_ids(v) == Ids{"learner.dien_thoai.format"});
    CHECK(v.findings[0].severity == Severity::warning);
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "email", "a@b")})) ==
          Ids{"learner.email.format"});
}

TEST_CASE("date: month-first input is rejected, ISO accepted") {
    CHECK(
        rule_ids(validate_learners({with_field(clean_learner(), "ngay_nhap_hoc", "09/25/2021")})) ==
        Ids{"learner.ngay_nhap_hoc.date"});
    CHECK(validate_learners({with_field(clean_learner(), "ngay_nhap_hoc", "2021-09-05")})
              .findings.empty());
}

TEST_CASE("code: unknown ethnic code is an error, unknown major a warning (partial list)") {
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "ma_dan_toc", "99")})) ==
          Ids{"learner.ma_dan_toc.code"});
    const Verdict v =
        validate_learners({with_field(clean_learner(), "ma_nganh", "8999999")}, false);
    REQUIRE(rule_ids(v) == Ids{"learner.ma_nganh.code"});
    CHECK(v.findings[0].severity == Severity::warning);
}

TEST_CASE("code: a birth province is checked as of the birth date") {
    // 02 (Hà Giang) was merged on 2025-07-01: valid for a 2003 birth, not for a 2025-08 one.
    CHECK(validate_learners({with_field(clean_learner(), "ma_tinh_noi_sinh", "02")})
              .findings.empty());
    auto late = with_field(clean_learner(), "ma_tinh_noi_sinh", "02");
    late = with_field(late, "ngay_sinh", "01/08/2025");
    late = with_field(late, "so_dinh_danh", "001225012345");
    late = with_field(late, "nam_nhap_hoc", "2026");
    late = with_field(late, "ngay_nhap_hoc", "05/09/2026");
    // (A learner born in 2025 is implausible too: that is the range rule's finding.)
    CHECK(rule_ids(validate_learners({late})) ==
          Ids{"learner.ngay_sinh.range", "learner.ma_tinh_noi_sinh.code"});
}

TEST_CASE("range bounds a date's year: implausible birth dates are errors") {
    for (const char* date : {"05/03/0003", "05/03/1850"}) {
        auto old = with_field(clean_learner(), "ngay_sinh", date);
        const auto ids = rule_ids(validate_learners({old}));
        CHECK(std::count(ids.begin(), ids.end(), "learner.ngay_sinh.range") == 1);
    }
}

TEST_CASE("names and ids are single-line and bounded in length") {
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "ho_ten", "Lê\tLan")})) ==
          Ids{"learner.ho_ten.format"});
    CHECK(rule_ids(validate_learners(
              {with_field(clean_learner(), "ho_ten", std::string(101, 'a'))})) ==
          Ids{"learner.ho_ten.format"});
    CHECK(validate_learners({with_field(clean_learner(), "ho_ten", "Tôn Nữ Thị Ánh Hồng")})
              .findings.empty());
    CHECK(rule_ids(validate_learners(
              {with_field(clean_learner(), "ma_nguoi_hoc", std::string(31, 'S'))})) ==
          Ids{"learner.ma_nguoi_hoc.format"});
}

TEST_CASE("range: admission year bounds, non-numbers left to the format rule") {
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "nam_nhap_hoc", "1890")})) ==
          Ids{"learner.nam_nhap_hoc.range"});
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "nam_nhap_hoc", "20x1")})) ==
          Ids{"learner.nam_nhap_hoc.format"});
}

TEST_CASE("compare: a blank side is never compared as zero") {
    auto row = with_field(clean_learner(), "ngay_tot_nghiep", "01/01/2020");
    const Verdict v = validate_learners({row});
    REQUIRE(rule_ids(v) == Ids{"learner.ngay_tot_nghiep.after_admission"});
    CHECK(v.findings[0].message_en ==
          "Graduation date 01/01/2020 must come after the admission date 05/09/2021.");
    CHECK(validate_learners({with_field(clean_learner(), "ngay_nhap_hoc", "")}).findings.empty());
}

TEST_CASE("citizen_id: birth year, century and gender, province are warnings") {
    auto v = validate_learners({with_field(clean_learner(), "so_dinh_danh", "001204012345")});
    REQUIRE(rule_ids(v) == Ids{"learner.so_dinh_danh.birth_year"});
    CHECK(v.findings[0].severity == Severity::warning);
    CHECK(v.findings[0].message_vi.find("(cần 03)") != std::string::npos);
    v = validate_learners({with_field(clean_learner(), "so_dinh_danh", "001303012345")});
    REQUIRE(rule_ids(v) == Ids{"learner.so_dinh_danh.century_gender"});
    CHECK(v.findings[0].message_en.find("(expected 2)") != std::string::npos);
    CHECK(rule_ids(
              validate_learners({with_field(clean_learner(), "so_dinh_danh", "099203012345")})) ==
          Ids{"learner.so_dinh_danh.province"});
}

TEST_CASE("unique: the second occurrence names the first row") {
    const auto second = with_field(clean_learner(), "ma_nguoi_hoc", "SV002");
    const Verdict v = validate_learners({clean_learner(), second});
    REQUIRE(rule_ids(v) == Ids{"learner.so_dinh_danh.unique"});
    CHECK(v.findings[0].row == 3);
    CHECK(v.findings[0].message_en ==
          "Personal ID '001203012345' is the same as the learner on row 2.");
}

TEST_CASE("unique over a composite key has no false collisions from joined strings") {
    Dataset d;
    add_csv_input(d, "learner_status.csv",
                  template_header(Entity::status) +
                      "SV1,dang_hoc,01/09/2021,,1,new,\nSV,dang_hoc,01/09/2021,,1,new,\n"
                      "SV1,bao_luu,01/09/2021,,1,new,\n");
    const Verdict v = validate(test::rulebook(), d);
    REQUIRE(rule_ids(v) == Ids{"status.key.unique"});
    CHECK(v.findings[0].row == 4);
}

TEST_CASE("reference: a learner's programme must be declared, when programmes are given") {
    const auto row = with_field(clean_learner(), "ma_nganh", "7340101");
    CHECK(rule_ids(validate_learners({row})) == Ids{"learner.ma_nganh.reference"});
    CHECK(validate_learners({row}, false).findings.empty());
    Dataset header_only;  // as a package without programmes reads back
    add_csv_input(header_only, "programmes.csv", template_header(Entity::programme));
    add_csv_input(header_only, "learners.csv", test::learner_csv({row}));
    CHECK(validate(test::rulebook(), header_only).findings.empty());
}

TEST_CASE("tolerance: too many records with warnings is one dataset-level error") {
    std::vector<std::string> rows;
    for (int i = 0; i < 20; ++i) {
        auto r = with_field(clean_learner(), "ma_nguoi_hoc", "SV" + std::to_string(100 + i));
        r = with_field(r, "so_dinh_danh", "0012030" + std::to_string(10000 + i));
        rows.push_back(i < 5 ? with_field(r, "dien_thoai", "12") : r);
    }
    const Verdict v = validate_learners(rows);
    const auto ids = rule_ids(v);
    REQUIRE(std::count(ids.begin(), ids.end(), "learner.warnings.tolerance") == 1);
    const auto& f = *std::find_if(v.findings.begin(), v.findings.end(), [](const Finding& x) {
        return x.rule == "learner.warnings.tolerance";
    });
    CHECK(f.row == 0);
    CHECK(f.message_en ==
          "25% of learner records (5) have warnings, above the allowed 20%; review the source "
          "data.");
    rows[4] = with_field(rows[4], "dien_thoai", "0912345678");
    CHECK(rule_ids(validate_learners(rows)).size() == 4);  // 20% is not above 0.2
}

TEST_CASE("reading problems become findings: unknown and missing columns, bad bytes") {
    Dataset d;
    add_csv_input(d, "staff.csv", "ma_can_bo,ho_ten,ghi_chu\nCB1,Lê\xFF Lan,x\n");
    const Verdict v = validate(test::rulebook(), d);
    const auto ids = rule_ids(v);
    CHECK(std::count(ids.begin(), ids.end(), "input.column_missing") == 6);
    REQUIRE(std::count(ids.begin(), ids.end(), "input.utf8") == 1);
    const auto utf8 = std::find_if(v.findings.begin(), v.findings.end(),
                                   [](auto& f) { return f.rule == "input.utf8"; });
    CHECK(utf8->row == 2);
    CHECK(utf8->column == 2);
    CHECK(utf8->field == "ho_ten");
    CHECK(utf8->message_en ==
          "This cell holds the byte 0xFF (byte 4 of the cell), which is not valid UTF-8; save the "
          "file as UTF-8.");
    CHECK(std::count(ids.begin(), ids.end(), "input.column_unknown") == 1);
}

TEST_CASE("a semicolon-separated file is one finding, not every column missing") {
    Dataset d;
    add_csv_input(d, "learners.csv", "ma_nguoi_hoc;ho_ten;ngay_sinh\nSV1;An;01/01/2000\n");
    const Verdict v = validate(test::rulebook(), d);
    REQUIRE(rule_ids(v) == Ids{"input.wrong_separator"});
    CHECK(v.findings[0].row == 1);
}

TEST_CASE("a UTF-16 file is one finding") {
    Dataset d;
    add_csv_input(d, "learners.csv", std::string("\xFF\xFE" "m\0a\0", 6));
    CHECK(rule_ids(validate(test::rulebook(), d)) == Ids{"input.utf16"});
}

TEST_CASE("a template column given twice is named as a duplicate, not as unknown") {
    Dataset d;
    add_csv_input(d, "staff.csv", template_header(Entity::staff).substr(
                                      0, template_header(Entity::staff).size() - 1) +
                                      ",ho_ten\n");
    const Verdict v = validate(test::rulebook(), d);
    REQUIRE(rule_ids(v) == Ids{"input.column_duplicate"});
    CHECK(v.findings[0].field == "ho_ten");
}

TEST_CASE("a value far too long is cut short in the finding, at a character boundary") {
    const std::string name = std::string(199, 'a') + "ễ" + std::string(1000, 'b');
    const Verdict v = validate_learners({with_field(clean_learner(), "email", name)});
    REQUIRE(rule_ids(v) == Ids{"learner.email.format"});
    CHECK(v.findings[0].value == std::string(199, 'a') + "…");
}

TEST_CASE("an empty file is an error, a header-only file is not") {
    Dataset d;
    add_csv_input(d, "learners.csv", "\xEF\xBB\xBF\r\n");
    const Verdict v = validate(test::rulebook(), d);
    REQUIRE(rule_ids(v) == Ids{"input.empty_file"});
    CHECK(v.findings[0].file == "learners.csv");
    CHECK(v.findings[0].message_en ==
          "The file is empty: no header and no data; choose the right file.");
    Dataset header_only;
    add_csv_input(header_only, "learners.csv", template_header(Entity::learner));
    CHECK(validate(test::rulebook(), header_only).findings.empty());
}

TEST_CASE("an email longer than 254 characters fails its format rule, however well formed") {
    const std::string at_limit = std::string(239, 'a') + "@example.edu.vn";
    CHECK(validate_learners({with_field(clean_learner(), "email", at_limit)}).findings.empty());
    const std::string email = std::string(100000, 'a') + "@example.edu.vn";
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "email", email)})) ==
          Ids{"learner.email.format"});
}

TEST_CASE("format patterns match the whole value, whatever its script") {
    CHECK(validate_learners({with_field(clean_learner(), "email", "nguyễn.văn@đhqg.edu.vn")})
              .findings.empty());
    for (const char* bad : {"a b@c.vn", "a@b@c.vn", "x a@b.vn", "a@b .vn", "@b.vn", "a@b"})
        CHECK(rule_ids(validate_learners({with_field(clean_learner(), "email", bad)})) ==
              Ids{"learner.email.format"});
    // Any space or invisible character, not only ASCII ones: vertical tab, no-break space (which
    // trimming leaves), zero-width space.
    for (const char* bad : {"a@b.vn\v", "a@b.vn\u00a0", "\u00a0a@b.vn", "a\u00a0b@c.vn",
                            "a\u200bb@c.vn", "a@b\u3000.vn"})
        CHECK(rule_ids(validate_learners({with_field(clean_learner(), "email", bad)})) ==
              Ids{"learner.email.format"});
    for (const char* bad : {"Nguy\u0085n", "An\u009f", "An\u2028B\u00ecnh", "B\u200bao"})
        CHECK(rule_ids(validate_learners({with_field(clean_learner(), "ho_ten", bad)})) ==
              Ids{"learner.ho_ten.format"});
    CHECK(validate_learners({with_field(clean_learner(), "ho_ten", "Nguyễn Thị Ánh Tuyết")})
              .findings.empty());
    for (const char* bad : {"0912 345678", "84912345678", "091234567", "+8491234567a"})
        CHECK(rule_ids(validate_learners({with_field(clean_learner(), "dien_thoai", bad)})) ==
              Ids{"learner.dien_thoai.format"});
}

TEST_CASE("unique compares date keys as dates, whatever their written form") {
    Dataset d;
    add_csv_input(d, "learner_status.csv",
                  template_header(Entity::status) +
                      "SV1,dang_hoc,01/02/2024,,1,new,\n"
                      "SV1,bao_luu,2024-02-01,,1,new,\n");
    const Verdict v = validate(test::rulebook(), d);
    REQUIRE(rule_ids(v) == Ids{"status.key.unique"});
    CHECK(v.findings[0].row == 3);
}

TEST_CASE("a short code list is named in the message, a long one in words") {
    const Verdict v = validate_learners({with_field(
        with_field(clean_learner(), "gioi_tinh", "3"), "ma_dan_toc", "99")});
    REQUIRE(rule_ids(v) == Ids{"learner.gioi_tinh.code", "learner.ma_dan_toc.code"});
    CHECK(v.findings[0].message_en == "Gender '3' is not valid; use one of: Nam, Nữ.");
    CHECK(v.findings[1].message_en.find("ethnic groups") != std::string::npos);
}

TEST_CASE("the century and gender check is skipped when the gender is not a known code") {
    CHECK(rule_ids(validate_learners({with_field(clean_learner(), "gioi_tinh", "nam")})) ==
          Ids{"learner.gioi_tinh.code"});
}
