// Tests for core/src/text.cpp: BOM, UTF-8 validation offsets, NFC.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

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

namespace {
std::string utf8(char32_t c) {
    std::string s;
    if (c < 0x80) {
        s += char(c);
    } else if (c < 0x800) {
        s += char(0xC0 | (c >> 6));
        s += char(0x80 | (c & 0x3F));
    } else {
        s += char(0xE0 | (c >> 12));
        s += char(0x80 | ((c >> 6) & 0x3F));
        s += char(0x80 | (c & 0x3F));
    }
    return s;
}
}  // namespace

// append_nfc copies strings made only of these code points without asking utf8proc: every
// adjacent pair of them must already be NFC by utf8proc's own reckoning. A leading U+4E2D (outside
// the fast path's set) makes to_nfc take utf8proc's path for the check.
TEST_CASE("to_nfc's fast path covers only code points that are NFC next to any other") {
    std::vector<char32_t> set;
    for (char32_t c = 0x20; c < 0x7F; ++c) set.push_back(c);
    for (char32_t c = 0x80; c <= 0x17F; ++c) set.push_back(c);
    for (char32_t c = 0x1A0; c <= 0x1B0; ++c) set.push_back(c);
    for (char32_t c = 0x1EA0; c <= 0x1EF9; ++c) set.push_back(c);
    std::string all = "\xE4\xB8\xAD";
    for (char32_t a : set)
        for (char32_t b : set) all += utf8(a) + utf8(b);
    CHECK(to_nfc(all) == all);
    CHECK(to_nfc("Vi\xE1\xBB\x87t Nam \xC6\xA0\xC6\xB0 \xC4\x90") == "Vi\xE1\xBB\x87t Nam \xC6\xA0\xC6\xB0 \xC4\x90");
    CHECK(to_nfc("A\xCC\x80") == "\xC3\x80");  // a combining mark still composes
    CHECK(to_nfc("\xC3\x80\xCC\xA3") == "\xE1\xBA\xA0\xCC\x80");  // and reorders after a fast-path letter
}

TEST_CASE("replace_invalid_utf8 marks each bad byte with U+FFFD") {
    CHECK(replace_invalid_utf8("a\xFF"
                               "b") ==
          "a\xEF\xBF\xBD"
          "b");
}
