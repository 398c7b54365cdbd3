// UTF-8 handling shared by every reader: byte-order marks, validation that names the bad byte,
// and NFC normalisation through utf8proc (the same library on native and wasm builds).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace hemis::text {

// Returns `s` without a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view s);

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence (overlongs,
// surrogates and code points above U+10FFFF are ill-formed), or npos when `s` is valid.
std::size_t find_invalid_utf8(std::string_view s);

// Number of code points in valid UTF-8 text (used for 1-based column positions and lengths).
// This and the small functions below are inline: they run on every cell of every record.
inline std::size_t count_code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// Appends the NFC form of valid UTF-8 `s` to `out`. ASCII text is copied without calling utf8proc.
void append_nfc(std::string_view s, std::string& out);
std::string to_nfc(std::string_view s);

// Replaces every ill-formed sequence by U+FFFD. Callers must report the error first: this only
// keeps the text printable afterwards.
std::string replace_invalid_utf8(std::string_view s);

// Trims ASCII spaces and tabs at both ends.
inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

inline bool is_ascii_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace hemis::text
