// UTF-8 checks and NFC normalisation. Validation is hand-rolled because it must report the exact
// byte offset of the first bad sequence (utf8proc only says "invalid"); normalisation is utf8proc.
#include "hemis/text.hpp"

#include <utf8proc.h>
#include <cstdlib>

namespace hemis::text {

std::string_view strip_bom(std::string_view s) {
    if (s.size() >= 3 && s.substr(0, 3) == "\xEF\xBB\xBF") s.remove_prefix(3);
    return s;
}

namespace {

// Length of the well-formed sequence starting at s[i], or 0 when it is ill-formed
// (Unicode table 3-7: well-formed UTF-8 byte sequences).
std::size_t sequence_length(std::string_view s, std::size_t i) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
    const unsigned char c = b(0);
    if (c < 0x80) return 1;
    std::size_t n;
    unsigned char lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2;
    else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;  // no surrogates
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
    } else {
        return 0;
    }
    if (i + n > s.size()) return 0;
    if (b(1) < lo || b(1) > hi) return 0;
    for (std::size_t k = 2; k < n; ++k)
        if (b(k) < 0x80 || b(k) > 0xBF) return 0;
    return n;
}

// True when every code point of `s` is NFC whatever surrounds it: ASCII, U+0080-U+017F (Latin-1
// and Latin Extended-A), U+01A0-U+01B0 (O/U with horn) and U+1EA0-U+1EF9 (the precomposed
// Vietnamese letters). Each has canonical combining class 0 and NFC_Quick_Check Yes, and none is
// the second of a composition pair, so such a string is its own NFC. Nearly every cell of real
// data is like this; the rest (combining marks, other scripts) go through utf8proc.
bool is_stable_nfc(std::string_view s) {
    const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    for (std::size_t i = 0, n = s.size(); i < n;) {
        const unsigned char c = b(i);
        if (c < 0x80) {
            ++i;
        } else if (c >= 0xC2 && c <= 0xC5 && i + 1 < n && b(i + 1) >= 0x80 && b(i + 1) <= 0xBF) {
            i += 2;
        } else if (c == 0xC6 && i + 1 < n && b(i + 1) >= 0xA0 && b(i + 1) <= 0xB0) {
            i += 2;
        } else if (c == 0xE1 && i + 2 < n &&
                   ((b(i + 1) == 0xBA && b(i + 2) >= 0xA0 && b(i + 2) <= 0xBF) ||
                    (b(i + 1) == 0xBB && b(i + 2) >= 0x80 && b(i + 2) <= 0xB9))) {
            i += 3;
        } else {
            return false;
        }
    }
    return true;
}

}  // namespace

std::size_t find_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        if (static_cast<unsigned char>(s[i]) < 0x80) {
            ++i;
            continue;
        }
        const std::size_t n = sequence_length(s, i);
        if (n == 0) return i;
        i += n;
    }
    return std::string_view::npos;
}

void append_nfc(std::string_view s, std::string& out) {
    if (is_stable_nfc(s)) {
        out.append(s);
        return;
    }
    utf8proc_uint8_t* mapped = nullptr;
    const auto len =
        utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                     static_cast<utf8proc_ssize_t>(s.size()), &mapped,
                     static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
    if (len < 0) {  // only for invalid input, which callers have already replaced
        out.append(s);
        return;
    }
    out.append(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
    std::free(mapped);
}

std::string to_nfc(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    append_nfc(s, out);
    return out;
}

std::string replace_invalid_utf8(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t n = sequence_length(s, i);
        if (n == 0) {
            out.append("\xEF\xBF\xBD");
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

}  // namespace hemis::text
