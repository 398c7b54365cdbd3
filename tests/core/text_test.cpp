// Tests for core/src/text.cpp: BOM, UTF-8 validation offsets, NFC.
#include <catch2/catch.hpp>

#include "hemis/text.hpp"

using namespace hemis::text;

TEST_CASE("strip_bom removes only a leading UTF-8 byte-order mark") {
    CHECK(strip_bom("\xEF\xBB\xBFma") == "ma");
    CHECK(strip_bom("ma\xEF\xBB\xBF") == "ma\xEF\xBB\xBF");
}

TEST_CASE("find_invalid_utf8 names the first bad byte") {
    CHECK(find_invalid_utf8("Nguyễn") == std::string_view::npos);
    CHECK(find_invalid_utf8("ab\xFF"
                            "cd") == 2);
    CHECK(find_invalid_utf8("ab\xC3") == 2);            // truncated sequence
    CHECK(find_invalid_utf8("\xC0\xAF") == 0);          // overlong
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);     // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);  // above U+10FFFF
}

TEST_CASE("to_nfc composes decomposed Vietnamese and leaves NFC alone") {
    const std::string nfd = "Nguye\xCC\x82\xCC\x83n";  // e + circumflex + tilde
    CHECK(to_nfc(nfd) == "Nguyễn");
    CHECK(to_nfc("Hoà") == "Hoà");
    CHECK(to_nfc("plain") == "plain");
}

TEST_CASE("replace_invalid_utf8 marks each bad byte with U+FFFD") {
    CHECK(replace_invalid_utf8("a\xFF"
                               "b") ==
          "a\xEF\xBF\xBD"
          "b");
}
