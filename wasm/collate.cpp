// Collation and folding over utf8proc's canonical decomposition: a precomposed letter splits into
// its base, an optional letter mark (breve, circumflex, horn) and an optional tone mark.
#include "collate.hpp"

#include <utf8proc.h>

namespace web {
namespace {

struct Letter {
    utf8proc_int32_t base = 0;  // lower case, without marks
    int mark = 0;               // 1 breve, 2 circumflex, 3 horn, 4 stroke (đ); 0 none
    int tone = 0;               // 1 huyền, 2 hỏi, 3 ngã, 4 sắc, 5 nặng; 0 none
};

int letter_mark(utf8proc_int32_t c) {
    switch (c) {
        case 0x0306: return 1;
        case 0x0302: return 2;
        case 0x031B: return 3;
        default: return 0;
    }
}

int tone_mark(utf8proc_int32_t c) {
    switch (c) {
        case 0x0300: return 1;
        case 0x0309: return 2;
        case 0x0303: return 3;
        case 0x0301: return 4;
        case 0x0323: return 5;
        default: return 0;
    }
}

Letter split(utf8proc_int32_t cp) {
    if (cp == 0x0110 || cp == 0x0111) return {'d', 4, 0};
    utf8proc_int32_t parts[8];
    int last = 0;
    const auto n = utf8proc_decompose_char(cp, parts, 8, UTF8PROC_DECOMPOSE, &last);
    Letter l;
    l.base = utf8proc_tolower(n > 0 ? parts[0] : cp);
    for (utf8proc_ssize_t i = 1; i < n; ++i) {
        if (int m = letter_mark(parts[i])) l.mark = m;
        if (int t = tone_mark(parts[i])) l.tone = t;
    }
    return l;
}

template <class F>
void for_each_letter(std::string_view s, F f) {
    auto p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
    utf8proc_ssize_t left = utf8proc_ssize_t(s.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        utf8proc_ssize_t used = utf8proc_iterate(p, left, &cp);
        if (used <= 0) {
            used = 1;
            cp = 0xFFFD;
        }
        f(split(cp));
        p += used;
        left -= used;
    }
}

void put_u32(std::string& out, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) out += char((v >> shift) & 0xFF);
}

}  // namespace

std::string collation_key(std::string_view s) {
    std::string primary, tones;
    for_each_letter(s, [&](const Letter& l) {
        put_u32(primary, std::uint32_t(l.base) * 8 + std::uint32_t(l.mark) + 1);
        tones += char(l.tone + 1);
    });
    put_u32(primary, 0);
    return primary + tones + '\0' + std::string(s);
}

std::string fold_for_search(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for_each_letter(s, [&](const Letter& l) {
        if (letter_mark(l.base) || tone_mark(l.base)) return;  // stray combining marks
        utf8proc_uint8_t buf[4];
        const auto n = utf8proc_encode_char(l.base, buf);
        out.append(reinterpret_cast<const char*>(buf), std::size_t(n));
    });
    return out;
}

}  // namespace web
