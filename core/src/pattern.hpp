// Internal: whole-string matching of the rulebook's `format` patterns without std::regex. A
// pattern in a small subset of ECMAScript syntax (literals, escaped punctuation, \d \s \w and their
// negations, bracket classes, groups, alternation, * + ? {n} {n,} {n,m}) is compiled to a
// Thompson NFA over bytes, then to a DFA (one table lookup per byte). Its answer equals
// std::regex_match(value, std::regex(pattern, ECMAScript)) on the bytes of the value; a pattern
// outside the subset is not compiled and the caller keeps using std::regex.
// TODO(core): RE2 (Debian's re2 2022-06, no abseil yet) built from source for native and wasm
// would replace this matcher and std::regex alike; it was written under time pressure (issue 6).
#pragma once
#include <array>
#include <bitset>
#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

namespace hemis {

class BytePattern {
public:
    // nullptr when `pattern` uses syntax outside the subset (or is malformed).
    static std::shared_ptr<const BytePattern> compile(std::string_view pattern);
    bool full_match(std::string_view value) const;

    struct Op {
        enum Kind { byte_set, split, jump, match } kind;
        int x = 0, y = 0;  // byte_set: the set's index; split: both targets; jump: x
    };
    std::vector<Op> program;
    std::vector<std::bitset<256>> sets;
    // The DFA: state 0 starts, -1 is dead; accepting[s] when s contains the NFA's match.
    std::vector<std::array<std::int16_t, 256>> next;
    std::vector<bool> accepting;
};

}  // namespace hemis
