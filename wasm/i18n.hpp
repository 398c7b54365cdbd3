// User-facing text: one keyed catalogue per language (i18n_vi.cpp first, i18n_en.cpp), full
// sentences, with numbered placeholders {0}, {1} so each language can order words its own way.
#pragma once
#include <initializer_list>
#include <string>
#include <string_view>

#include "hemis/findings.hpp"

namespace web {

struct CatalogEntry {
    std::string_view key;
    std::string_view text;
};

struct Catalogue {
    const CatalogEntry* entries;
    std::size_t size;
};

Catalogue catalogue_vi();
Catalogue catalogue_en();

void set_language(hemis::Lang lang);
hemis::Lang language();

// The text for `key` in the current language; falls back to Vietnamese, then to the key itself
// (so a missing entry shows up on screen instead of an empty label). Stable pointer, NUL-ended.
const char* tr(std::string_view key);

// tr(key) with {0}, {1}, ... replaced by `args`.
std::string trf(std::string_view key, std::initializer_list<std::string_view> args);

// trf in one given language, for texts kept in both (such as a finding's two messages).
std::string trf_in(hemis::Lang lang, std::string_view key,
                   std::initializer_list<std::string_view> args);

}  // namespace web
