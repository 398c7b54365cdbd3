// read_package streams the records arrays instead of holding the whole document: it must answer
// exactly as reading the whole document does (read_package_dom, its fallback), for well-formed
// packages, for each kind of problem and for many randomly damaged packages.
#include <catch2/catch.hpp>

#include <random>

#include "hemis/package.hpp"
#include "test_support.hpp"

namespace hemis {
Package read_package_dom(std::string_view text);  // core/src/package.cpp, not in the header
}

using namespace hemis;

namespace {

// The outcome as text: the error message, or every record of every entity.
std::string outcome(Package (*read)(std::string_view), const std::string& text) {
    try {
        const Package p = read(text);
        std::string out = p.manifest.content_sha256 + "\n";
        for (Entity e : kAllEntities) {
            const RecordSet* s = p.data.get(e);
            out +=
                std::string(entity_name(e)) + (s ? " " + std::to_string(s->size()) : " -") + "\n";
            for (std::size_t r = 0; s && r < s->size(); ++r) {
                for (std::size_t f = 0; f < schema_of(e).fields.size(); ++f)
                    out += std::string(s->value(r, int(f))) + "|";
                out += std::to_string(s->table.source_row(r)) + "\n";
            }
        }
        return out;
    } catch (const PackageError& e) {
        return std::string("error: ") + e.what();
    }
}

void same(const std::string& text) {
    INFO(text.substr(0, 400));
    CHECK(outcome(read_package, text) == outcome(read_package_dom, text));
}

std::string package() {
    Dataset d;
    add_csv_input(d, "learners.csv",
                  test::learner_csv({test::clean_learner(), test::clean_learner()}));
    add_csv_input(d, "programmes.csv", test::programme_csv());
    return test::pack(d);
}

using test::replaced;

}  // namespace

TEST_CASE("streamed package reading answers as whole-document reading does") {
    const std::string p = package();
    same(p);
    same(replaced(p, "\"records\": {", "\"records\": {\"staff\":[],"));  // repeated, out of order
    same(replaced(p, "\"programme\": [", "\"programme\":[7,"));          // a scalar record
    same(replaced(p, "\"programme\": [", "\"programme\":[[1,[2]],"));    // an array record
    same(replaced(p, "\"programme\": [", "\"programme\":[{\"x\":\"1\"},"));  // unknown field
    same(replaced(p, "\"programme\": [", "\"programme\":[{\"ma_nganh\":{\"a\":[1]}},"));
    same(replaced(p, "\"programme\": [", "\"programme\":5,\"x\":["));  // not an array
    same(replaced(p, "\"records\": {", "\"records\":[[],{"));          // records an array
    same(replaced(p, "\"records\": {", "\"records\": {\"learner\":[],\"programme\":[],"));
    same(replaced(p, "\"learner\": [", "\"learner\":[{\"ma_nguoi_hoc\":null},"));
    same(p.substr(0, p.size() - 3));
    same(p + "x");
    same("[" + p + "]");
    same("{\"records\":" + p.substr(p.find("\"records\":") + 10));
    // Random damage: one to three bytes replaced by JSON punctuation or letters.
    std::mt19937 rng(7);
    const std::string bytes = "{}[],:\"0a\\ -";
    for (int i = 0; i < 400; ++i) {
        std::string t = p;
        for (int k = 0, n = 1 + int(rng() % 3); k < n; ++k)
            t[rng() % t.size()] = bytes[rng() % bytes.size()];
        same(t);
    }
}
