// Tests for core/src/pattern.cpp: the NFA matcher answers as std::regex_match (ECMAScript) does,
// on the rulebook's patterns and on the rest of the subset, for many generated values.
#include <catch2/catch.hpp>

#include <random>
#include <regex>
#include <string>
#include <vector>

#include "../../core/src/pattern.hpp"

using hemis::BytePattern;

namespace {

void agree(const std::string& pattern, const std::vector<std::string>& values) {
    const auto fast = BytePattern::compile(pattern);
    REQUIRE(fast != nullptr);
    const std::regex re(pattern, std::regex::ECMAScript);
    for (const auto& v : values) {
        INFO("pattern " << pattern << " value '" << v << "'");
        CHECK(fast->full_match(v) == std::regex_match(v.begin(), v.end(), re));
    }
}

// Random strings over an alphabet that exercises the patterns' edges.
std::vector<std::string> values(std::uint32_t seed) {
    const std::string alphabet = "0123456789+@. \t\nab_-Z\xC3\xA0";
    std::mt19937 rng(seed);
    std::vector<std::string> out = {"", "0", "@", "a@b.c", "a@@b.c", "a@b.", "0912345678",
                                    "+84912345678", "84912345678", "1", "123456789",
                                    "1234567890", "0123", "x@y.z.w", "nguy\xE1\xBB\x85n@vn.edu.vn"};
    for (int i = 0; i < 3000; ++i) {
        std::string s;
        const int len = int(rng() % 16);
        for (int k = 0; k < len; ++k) s += alphabet[rng() % alphabet.size()];
        out.push_back(s);
    }
    return out;
}

}  // namespace

TEST_CASE("BytePattern agrees with std::regex on the rulebook's patterns") {
    const auto vs = values(1);
    agree("[1-9][0-9]{0,8}", vs);
    agree("[^@\\s]+@[^@\\s]+\\.[^@\\s]+", vs);
    agree("(0|\\+84)[35789][0-9]{8}", vs);
}

TEST_CASE("BytePattern agrees with std::regex on the rest of its subset") {
    const auto vs = values(2);
    for (const char* p : {"a*", "(?:ab|a)*b?", "[a-b0-3]{2,}", "\\d+\\s?\\w*", "[^\\d]{1,3}",
                          "(a|b|)+", "[-+]?[0-9]{1,4}", "\\S+", "\\D\\W?", "(((0)))|1{3}",
                          "[.@]+", "@?(\\+|-)8?4*"})
        agree(p, vs);
}

TEST_CASE("BytePattern leaves syntax outside its subset to std::regex") {
    for (const char* p : {"^a", "a$", ".", "\\bA", "(?=a)", "[[:alpha:]]", "\\1", "a{2", "\\n"})
        CHECK(BytePattern::compile(p) == nullptr);
}
