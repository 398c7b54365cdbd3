// Subcommand bodies. Messages to the user go to stderr in both languages' catalogue form chosen by
// --lang; machine output (JSON, packages, templates) goes to stdout or files.
#include "commands.hpp"

#include <filesystem>
#include <iostream>

#include "hemis/generator.hpp"
#include "hemis/inputs.hpp"
#include "hemis/report.hpp"
#include "hemis/validator.hpp"
#include "inputs_fs.hpp"

namespace hemis::cli {

namespace {

const char* say(const CommonOptions& c, const char* vi, const char* en) {
    return c.lang == Lang::vi ? vi : en;
}

Rulebook rulebook_for(const CommonOptions& c) {
    return load_default_rulebook(c.data_dir);
}

int exit_code(const Verdict& v) {
    return v.summary.errors ? 1 : 0;
}

}  // namespace

int run_validate(const CommonOptions& common, const ValidateOptions& opt) {
    const Rulebook book = rulebook_for(common);
    const Inputs in = collect_inputs(opt.paths);
    const Verdict v = validate(book, in.data);
    std::cout << (opt.json ? verdict_to_json(v, common.lang) : verdict_to_text(v, common.lang));
    return exit_code(v);
}

int run_pack(const CommonOptions& common, const PackOptions& opt) {
    const Rulebook book = rulebook_for(common);
    const Inputs in = collect_inputs({opt.dir});
    if (in.manifest)
        throw InputError(say(common, "pack cần thư mục CSV, không phải một gói",
                             "pack takes a CSV folder, not a package"));
    const Verdict v = validate(book, in.data);
    if (!book.catalog("truong")->entry(opt.institution))
        std::cerr << say(common, "Cảnh báo: mã trường không có trong danh mục: ",
                         "Warning: institution code not in the list: ")
                  << opt.institution << "\n";
    if (v.summary.errors && !opt.force) {
        std::cerr << verdict_to_text(v, common.lang)
                  << say(common, "Chưa tạo gói vì dữ liệu còn lỗi; sửa lỗi hoặc dùng --force.\n",
                         "No package written: the data has errors; fix them or use --force.\n");
        return 1;
    }
    const std::string text = write_package(
        in.data, book, v, {opt.institution, opt.period, opt.created_at, opt.package_id});
    write_file(opt.output, text);
    std::cerr << say(common, "Đã tạo gói ", "Package written: ") << opt.output << " ("
              << v.summary.errors << say(common, " lỗi, ", " errors, ") << v.summary.warnings
              << say(common, " cảnh báo)\n", " warnings)\n");
    return exit_code(v);
}

int run_inspect(const CommonOptions& common, const std::string& package_path) {
    const Package p = [&] {
        try {
            return read_package(read_file(package_path));
        } catch (const PackageError& e) {
            throw InputError(std::string(say(common, "gói không hợp lệ: ", "invalid package: ")) +
                             e.what());
        }
    }();
    const Manifest& m = p.manifest;
    std::cout << "package_id:     " << m.package_id << "\ninstitution:    " << m.institution
              << "\nperiod:         " << m.period << "\ncreated_at:     " << m.created_at
              << "\nrulebook:       " << m.rulebook_version << " " << m.rulebook_hash
              << "\ncore_version:   " << m.core_version << "\ncontent_sha256: " << m.content_sha256
              << " (ok)\n";
    for (Entity e : kAllEntities)
        std::cout << "records." << entity_name(e) << ": " << m.counts[std::size_t(e)] << " (ok)\n";
    std::cout << "verdict:        " << m.errors << " errors, " << m.warnings << " warnings\n";
    const Rulebook book = rulebook_for(common);
    if (book.hash() != m.rulebook_hash)
        std::cout << say(
            common, "Gói được kiểm tra với bộ quy tắc khác; chạy validate để kiểm tra lại.\n",
            "The package was checked with another rulebook; run validate to re-check it.\n");
    return 0;
}

int run_generate(const CommonOptions& common, const GenerateOptions& opt) {
    if (opt.faults < 0 || opt.faults > 1)
        throw InputError(
            say(common, "--faults phải từ 0 đến 1", "--faults must be between 0 and 1"));
    const Rulebook book = rulebook_for(common);
    const GeneratedInstitution g = generate_institution(book, {opt.learners, opt.seed, opt.faults});
    std::filesystem::create_directories(opt.out);
    const auto path = [&](const char* name) {
        return (std::filesystem::path(opt.out) / name).string();
    };
    write_file(path("programmes.csv"), g.programmes_csv);
    write_file(path("staff.csv"), g.staff_csv);
    write_file(path("learners.csv"), g.learners_csv);
    write_file(path("learner_status.csv"), g.status_csv);
    Verdict expected{book.version(), book.hash(), {}, g.expected};
    for (const auto& f : g.expected)
        (f.severity == Severity::error ? expected.summary.errors : expected.summary.warnings)++;
    Dataset counted;
    add_csv_input(counted, "programmes.csv", g.programmes_csv);
    add_csv_input(counted, "staff.csv", g.staff_csv);
    add_csv_input(counted, "learners.csv", g.learners_csv);
    add_csv_input(counted, "learner_status.csv", g.status_csv);
    for (Entity e : kAllEntities) expected.summary.records[std::size_t(e)] = counted.count(e);
    write_file(path("expected-findings.json"), verdict_to_json(expected, common.lang));
    std::cerr << say(common, "Đã tạo ", "Generated ") << opt.learners
              << say(common, " người học trong ", " learners in ") << opt.out << " ("
              << g.expected.size() << say(common, " lỗi cài sẵn)\n", " injected faults)\n");
    return 0;
}

int run_template(const std::string& entity) {
    std::string name = entity;
    if (name == "learners") name = "learner";
    if (name == "programmes") name = "programme";
    const auto e = entity_from_name(name);
    if (!e)
        throw InputError("unknown entity: " + entity + " (learners, staff, programmes, status)");
    std::cout << template_header(*e);
    return 0;
}

}  // namespace hemis::cli
