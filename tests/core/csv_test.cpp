// Tests for core/src/csv.cpp: RFC 4180 quoting, CRLF, embedded newlines, row numbers, issues.
#include <catch2/catch.hpp>

#include "hemis/csv.hpp"

using namespace hemis;

TEST_CASE("read_csv handles BOM, CRLF, quotes and embedded newlines") {
    const auto t = read_csv(
        "\xEF\xBB\xBF"
        "a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n");
    REQUIRE(t.header() == std::vector<std::string>{"a", "b"});
    REQUIRE(t.row_count() == 2);
    CHECK(t.cell(0, 0) == "x, y");
    CHECK(t.cell(0, 1) == "say \"hi\"");
    CHECK(t.cell(1, 0) == "two\nlines");
    CHECK(t.source_row(0) == 2);
    CHECK(t.source_row(1) == 3);
    CHECK(t.issues().empty());
}

TEST_CASE("read_csv numbers rows as a spreadsheet does, across multi-line cells") {
    const auto t = read_csv("a,b\n\"1\n2\",x\n\n3,y\n");
    REQUIRE(t.row_count() == 2);
    CHECK(t.source_row(0) == 2);
    CHECK(t.source_row(1) == 4);  // the blank line is row 3, the cell's line break no row
}

TEST_CASE("read_csv reports UTF-16 once instead of reading noise") {
    const auto t = read_csv(std::string_view("\xFF\xFE" "a\0,\0b\0\n\0", 10));
    CHECK(t.header().empty());
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == CsvIssue::Kind::utf16);
    CHECK(read_csv(std::string_view("\xFE\xFF" "\0a", 4)).issues()[0].kind == CsvIssue::Kind::utf16);
}

TEST_CASE("read_csv recognises UTF-16 without a byte-order mark too") {
    using namespace std::string_literals;
    for (const std::string& bytes : {"m\0a\0,\0b\0"s, "\0m\0a\0,\0b"s}) {
        const auto t = read_csv(bytes);
        REQUIRE(t.issues().size() == 1);
        CHECK(t.issues()[0].kind == CsvIssue::Kind::utf16);
    }
}

TEST_CASE("read_csv drops empty trailing header cells and ignores empty extra cells") {
    const auto t = read_csv("a,b,,\n1,2,,\n3,4,,x\n");
    REQUIRE(t.header() == std::vector<std::string>{"a", "b"});
    REQUIRE(t.row_count() == 2);
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == CsvIssue::Kind::wrong_field_count);
    CHECK(t.issues()[0].row == 3);
}

TEST_CASE("read_csv keeps leading zeros and trims spaces around cells") {
    const auto t = read_csv("id\n 001234567890 \n");
    CHECK(t.cell(0, 0) == "001234567890");
}

TEST_CASE("read_csv skips blank lines and rows of empty cells") {
    const auto t = read_csv("a,b\n\n1,2\n,\n");
    CHECK(t.row_count() == 1);
}

TEST_CASE("read_csv pads short rows and reports long ones") {
    const auto t = read_csv("a,b\n1\n1,2,3\n");
    REQUIRE(t.row_count() == 2);
    CHECK(t.cell(0, 1) == "");
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == CsvIssue::Kind::wrong_field_count);
    CHECK(t.issues()[0].row == 3);
}

TEST_CASE("read_csv reports an invalid byte with row and column, never silently") {
    const auto t = read_csv("a,b\nok,x\xFFy\n");
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == CsvIssue::Kind::invalid_utf8);
    CHECK(t.issues()[0].row == 2);
    CHECK(t.issues()[0].column == 2);
    CHECK(t.issues()[0].byte_in_field == 1);
}

TEST_CASE("read_csv reports an unterminated quote") {
    const auto t = read_csv("a\n\"open\n");
    REQUIRE(t.issues().size() == 1);
    CHECK(t.issues()[0].kind == CsvIssue::Kind::unterminated_quote);
}

TEST_CASE("read_csv normalises cells to NFC") {
    const auto t = read_csv("ho_ten\nNguye\xCC\x82\xCC\x83n\n");
    CHECK(t.cell(0, 0) == "Nguyễn");
}

// Cells are scanned eight bytes at a time: put the separator, a decomposed letter and a bad byte
// at every offset around those boundaries.
TEST_CASE("read_csv finds every separator and non-ASCII byte, wherever it falls in a word") {
    for (std::size_t at = 0; at < 20; ++at) {
        const std::string pad(at, 'x');
        INFO("offset " << at);
        const auto t = read_csv("a,b\n" + pad + ",e\xCC\x81" + pad + "\n" + pad + "e\xCC\x81," +
                                pad + "\r\n" + pad + "\xFF,z\n");
        REQUIRE(t.row_count() == 3);
        CHECK(t.cell(0, 0) == pad);
        CHECK(t.cell(0, 1) == "\xC3\xA9" + pad);  // NFC: e + combining acute is é
        CHECK(t.cell(1, 0) == pad + "\xC3\xA9");
        CHECK(t.cell(1, 1) == pad);
        CHECK(t.cell(2, 1) == "z");
        REQUIRE(t.issues().size() == 1);
        CHECK(t.issues()[0].kind == CsvIssue::Kind::invalid_utf8);
        CHECK(t.issues()[0].row == 4);
        CHECK(t.issues()[0].byte_in_field == at);
    }
}

TEST_CASE("append_csv_field quotes only when needed") {
    std::string out;
    append_csv_field(out, "plain");
    out += ',';
    append_csv_field(out, "a,\"b\"");
    CHECK(out == "plain,\"a,\"\"b\"\"\"");
}
