// Reading the CLI's inputs from disk.
#include "inputs_fs.hpp"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "hemis/inputs.hpp"

namespace hemis::cli {

namespace fs = std::filesystem;

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InputError("không đọc được tệp / cannot read file: " + path);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw InputError("không ghi được tệp / cannot write file: " + path);
}

namespace {

bool is_package_path(const std::string& p) {
    return fs::path(p).extension() == ".json";
}

void add_csv(Inputs& in, const std::string& path) {
    if (!add_csv_input(in.data, fs::path(path).filename().string(), read_file(path)))
        throw InputError(
            "không biết tệp này chứa đối tượng nào (cần learners.csv, staff.csv, "
            "programmes.csv hoặc learner_status.csv) / unknown CSV file name: " +
            path);
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
    Inputs in;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw InputError("không tìm thấy / not found: " + p);
        if (!fs::is_directory(p)) {
            files.push_back(p);
            continue;
        }
        for (Entity e : kAllEntities) {
            const fs::path f = fs::path(p) / std::string(schema_of(e).file);
            if (fs::exists(f)) files.push_back(f.string());
        }
    }
    if (files.empty())
        throw InputError("không có tệp dữ liệu nào để kiểm tra / no data files to check");
    const bool package = std::any_of(files.begin(), files.end(), is_package_path);
    if (package && files.size() > 1)
        throw InputError("hãy kiểm tra từng gói một / give one package at a time");
    if (package) {
        try {
            Package p = read_package(read_file(files[0]));
            in.data = std::move(p.data);
            in.manifest = std::move(p.manifest);
        } catch (const PackageError& e) {
            throw InputError("gói không hợp lệ / invalid package " + files[0] + ": " + e.what());
        }
        return in;
    }
    for (const auto& f : files) add_csv(in, f);
    return in;
}

}  // namespace hemis::cli
