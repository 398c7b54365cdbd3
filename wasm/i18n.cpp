// Catalogue lookup: each language's entries are indexed once into a hash map of NUL-ended strings.
#include "i18n.hpp"

#include <string>
#include <unordered_map>

namespace web {
namespace {

using Index = std::unordered_map<std::string_view, std::string>;

Index build_index(Catalogue c) {
    Index index;
    for (std::size_t i = 0; i < c.size; ++i)
        index.emplace(c.entries[i].key, std::string(c.entries[i].text));
    return index;
}

const Index& index_of(hemis::Lang lang) {
    static const Index vi = build_index(catalogue_vi());
    static const Index en = build_index(catalogue_en());
    return lang == hemis::Lang::vi ? vi : en;
}

hemis::Lang g_lang = hemis::Lang::vi;

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args);

}  // namespace

void set_language(hemis::Lang lang) {
    g_lang = lang;
}
hemis::Lang language() {
    return g_lang;
}

const char* tr(std::string_view key) {
    for (hemis::Lang lang : {g_lang, hemis::Lang::vi}) {
        const Index& index = index_of(lang);
        if (auto it = index.find(key); it != index.end()) return it->second.c_str();
    }
    // Unknown keys are remembered so the returned pointer stays valid.
    static std::unordered_map<std::string, std::string> missing;
    auto [it, _] = missing.emplace(std::string(key), std::string(key));
    return it->second.c_str();
}

std::string trf(std::string_view key, std::initializer_list<std::string_view> args) {
    return fill(tr(key), args);
}

std::string trf_in(hemis::Lang lang, std::string_view key,
                   std::initializer_list<std::string_view> args) {
    const Index& index = index_of(lang);
    const auto it = index.find(key);
    return fill(it != index.end() ? std::string_view(it->second) : std::string_view(tr(key)), args);
}

namespace {

std::string fill(std::string_view pattern, std::initializer_list<std::string_view> args) {
    std::string out;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const bool slot = pattern[i] == '{' && i + 2 < pattern.size() && pattern[i + 2] == '}' &&
                          pattern[i + 1] >= '0' && pattern[i + 1] <= '9';
        const std::size_t n = slot ? std::size_t(pattern[i + 1] - '0') : args.size();
        if (slot && n < args.size()) {
            out += *(args.begin() + n);
            i += 2;
        } else {
            out += pattern[i];
        }
    }
    return out;
}

}  // namespace
}  // namespace web
