// Times the core on CSV files: reading them into a Dataset (hemis::add_csv_input) and validating
// it (hemis::validate), each repeated and reported as the median, as one JSON line on stdout. The
// first repetition is also reported apart, and the median of the others as "warm": as wasm, the
// first runs partly in the engine's baseline tier while its optimising compiler catches up.
// The same source runs natively and as wasm under node, so scripts/bench can divide one by the other.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "hemis/inputs.hpp"
#include "hemis/rulebook.hpp"
#include "hemis/validator.hpp"

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

struct Input {
    std::string name, bytes;
};

bool read_file(const std::string& path, Input& out) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    std::ostringstream ss;
    ss << in.rdbuf();
    out.name = path.substr(path.find_last_of('/') + 1);
    out.bytes = ss.str();
    return true;
}

hemis::Dataset parse_all(const std::vector<Input>& inputs) {
    hemis::Dataset data;
    for (const Input& in : inputs) hemis::add_csv_input(data, in.name, in.bytes);
    return data;
}

int usage() {
    std::cerr << "usage: bench_validate [--repeat N] FILE.csv...\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 3;
    std::vector<Input> inputs;
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--repeat" && i + 1 < argc) {
            repeat = std::max(1, std::atoi(argv[++i]));
        } else if (!read_file(arg, inputs.emplace_back())) {
            std::cerr << "bench_validate: cannot read " << arg << "\n";
            return 2;
        }
    }
    if (inputs.empty()) return usage();

    auto start = Clock::now();
    const hemis::Rulebook book = hemis::load_default_rulebook();
    const double load_s = seconds_since(start);

    std::vector<double> parse_s, validate_s;
    std::size_t records = 0, errors = 0, warnings = 0, bytes = 0;
    for (const Input& in : inputs) bytes += in.bytes.size();
    for (int r = 0; r < repeat; ++r) {
        start = Clock::now();
        const hemis::Dataset data = parse_all(inputs);
        parse_s.push_back(seconds_since(start));
        start = Clock::now();
        const hemis::Verdict v = hemis::validate(book, data);
        validate_s.push_back(seconds_since(start));
        records = 0;
        for (std::size_t n : v.summary.records) records += n;
        errors = v.summary.errors;
        warnings = v.summary.warnings;
    }
    const auto warm = [](const std::vector<double>& v) {
        return v.size() > 1 ? median({v.begin() + 1, v.end()}) : v[0];
    };
    std::printf(
        "{\"records\":%zu,\"bytes\":%zu,\"errors\":%zu,\"warnings\":%zu,\"repeat\":%d,"
        "\"rulebook_load_s\":%.6f,\"parse_s\":%.6f,\"validate_s\":%.6f,"
        "\"first_parse_s\":%.6f,\"first_validate_s\":%.6f,"
        "\"warm_parse_s\":%.6f,\"warm_validate_s\":%.6f}\n",
        records, bytes, errors, warnings, repeat, load_s, median(parse_s), median(validate_s),
        parse_s[0], validate_s[0], warm(parse_s), warm(validate_s));
    return 0;
}
