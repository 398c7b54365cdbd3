// Reading the CLI's inputs from disk.
#include "inputs_fs.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>

#include "hemis/inputs.hpp"

namespace hemis::cli {

namespace fs = std::filesystem;

// Sized once from the file's length and read straight into the string: a stream buffer would grow
// by doubling and then be copied out, three times the memory traffic on a file of hundreds of MB.
std::string read_file(const std::string& path) {
    // A folder opens as a stream on Linux and then reads as garbage of absurd length.
    std::error_code ec;
    if (fs::is_directory(path, ec)) throw InputError(Msg::cannot_read, {path});
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw InputError(Msg::cannot_read, {path});
    const std::streamoff size = in.tellg();
    std::string bytes;
    if (size > 0) {
        bytes.resize(static_cast<std::size_t>(size));
        in.seekg(0);
        in.read(bytes.data(), size);
    }
    // A file that changed length while read, or is not a regular file (a pipe), is read to its end.
    if (size <= 0 || in.gcount() != size || in.peek() != std::char_traits<char>::eof()) {
        in.clear();
        in.seekg(0);
        std::ostringstream rest;
        rest << in.rdbuf();
        bytes = rest.str();
    }
    if (in.bad()) throw InputError(Msg::cannot_read, {path});
    return bytes;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
    if (!out) throw InputError(Msg::cannot_write, {path});
}

namespace {

bool is_package_path(const std::string& p) {
    return fs::path(p).extension() == ".json";
}

// One file per entity: a second learners file would silently replace the first.
Entity entity_of_csv(const std::string& path, std::vector<std::string>& file_of_entity) {
    const auto entity = entity_from_file_name(fs::path(path).filename().string());
    if (!entity) throw InputError(Msg::unknown_csv, {path});
    std::string& first = file_of_entity[std::size_t(*entity)];
    if (!first.empty())
        throw InputError(Msg::same_entity_twice, {first, path, std::string(entity_name(*entity))});
    first = path;
    return *entity;
}

// Each file is read and parsed on a thread of its own: learners and their status changes are
// two large files of similar size, so two cores read a whole institution in about half the time.
// Every file fills its own entity's record set, so the threads share nothing; validation, which
// decides the verdict, stays one thread.
void read_csv_files(Inputs& in, const std::vector<std::string>& files) {
    std::vector<std::string> file_of_entity(kEntityCount);
    std::vector<Entity> entities;
    for (const auto& f : files) entities.push_back(entity_of_csv(f, file_of_entity));
    std::vector<std::future<void>> reads;
    for (std::size_t i = 0; i < files.size(); ++i)
        reads.push_back(std::async(std::launch::async, [&in, &files, &entities, i] {
            add_csv_input(in.data, fs::path(files[i]).filename().string(), read_file(files[i]),
                          entities[i]);
        }));
    for (auto& r : reads) r.get();  // in file order: the first failure is the one reported
}

}  // namespace

Inputs collect_inputs(const std::vector<std::string>& paths) {
    Inputs in;
    std::vector<std::string> files;
    for (const auto& p : paths) {
        if (!fs::exists(p)) throw InputError(Msg::not_found, {p});
        if (!fs::is_directory(p)) {
            files.push_back(p);
            continue;
        }
        for (Entity e : kAllEntities) {
            const fs::path f = fs::path(p) / std::string(schema_of(e).file);
            // A link whose target is gone is still a file the user meant: reading it says so,
            // where leaving it out would drop the checks that need that entity.
            std::error_code ec;
            if (fs::exists(fs::symlink_status(f, ec))) files.push_back(f.string());
        }
        // A data file under another name (Learners.CSV, "learners (1).csv", an .xlsx) would
        // otherwise be left out without a word.
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(p, ec)) {
            if (!entry.is_regular_file(ec)) continue;
            const std::string name = entry.path().filename().string();
            std::string ext = entry.path().extension().string();
            for (char& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
            const bool data_like = ext == ".csv" || ext == ".xlsx" || ext == ".xls" || ext == ".txt";
            if (data_like && !entity_from_file_name(name))
                in.skipped.push_back(entry.path().string());
        }
    }
    std::sort(in.skipped.begin(), in.skipped.end());
    if (files.empty() && !in.skipped.empty()) throw InputError(Msg::unknown_csv, {in.skipped[0]});
    if (files.empty())
        throw InputError(Msg::no_files, {paths.empty() ? "" : paths[0]});
    const bool package = std::any_of(files.begin(), files.end(), is_package_path);
    if (package && files.size() > 1)
        throw InputError(Msg::one_package, {});
    if (package) {
        try {
            Package p = read_package(read_file(files[0]));
            in.data = std::move(p.data);
            in.manifest = std::move(p.manifest);
        } catch (const PackageError& e) {
            throw InputError(Msg::invalid_package, {files[0], e.what()});
        }
        return in;
    }
    read_csv_files(in, files);
    in.files = std::move(files);
    return in;
}

}  // namespace hemis::cli
