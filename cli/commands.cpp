// Subcommand bodies. Messages to people go to stderr from the catalogue (messages.hpp) in the
// language chosen with --lang; machine output (JSON, packages, templates) goes to stdout or files.
#include "commands.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

#include "hemis/generator.hpp"
#include "hemis/dates.hpp"
#include "hemis/inputs.hpp"
#include "hemis/report.hpp"
#include "hemis/validator.hpp"
#include "inputs_fs.hpp"

namespace hemis::cli {

namespace {

Rulebook rulebook_for(const CommonOptions& c) {
    try {
        return load_default_rulebook(c.data_dir);
    } catch (const RulebookError& e) {
        throw InputError(Msg::rulebook_unusable, {e.what()});
    }
}

int exit_code(const Verdict& v) { return v.summary.errors ? 1 : 0; }

// Output for machines and people goes through here: a full disk or a closed pipe is exit 2, never
// a silent success with half a report.
void print(const std::string& text) {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) throw InputError(Msg::stdout_failed, {});
}

// Options that end up in the manifest, checked before any work: the package reader would refuse
// what they would make.
void check_pack_options(const PackOptions& opt) {
    if (!is_package_token(opt.institution))
        throw InputError(Msg::bad_token_option, {"--institution", opt.institution});
    if (!is_package_token(opt.period))
        throw InputError(Msg::bad_token_option, {"--period", opt.period});
    if (opt.package_id && !is_package_token(*opt.package_id))
        throw InputError(Msg::bad_token_option, {"--id", *opt.package_id});
    if (opt.created_at && !is_iso_datetime(*opt.created_at))
        throw InputError(Msg::bad_created_at, {*opt.created_at});
}

void warn_skipped(const CommonOptions& common, const Inputs& in) {
    for (const auto& f : in.skipped) std::cerr << message(common.lang, Msg::skipped_file, {f}) << "\n";
}

// Reading errors (bad bytes, broken quotes, a wrong separator, …) mean the records differ from
// the file; --force may ship rule errors, never that.
std::size_t reading_errors(const Verdict& v) {
    return std::size_t(std::count_if(v.findings.begin(), v.findings.end(), [](const Finding& f) {
        return f.severity == Severity::error && f.rule.rfind("input.", 0) == 0;
    }));
}

Verdict expected_verdict(const Rulebook& book, const GeneratedInstitution& g) {
    Verdict v{book.version(), book.hash(), {}, g.expected};
    for (const auto& f : g.expected)
        (f.severity == Severity::error ? v.summary.errors : v.summary.warnings)++;
    Dataset counted;
    add_csv_input(counted, "programmes.csv", g.programmes_csv);
    add_csv_input(counted, "staff.csv", g.staff_csv);
    add_csv_input(counted, "learners.csv", g.learners_csv);
    add_csv_input(counted, "learner_status.csv", g.status_csv);
    for (Entity e : kAllEntities) v.summary.records[std::size_t(e)] = counted.count(e);
    return v;
}

}  // namespace

int run_validate(const CommonOptions& common, const ValidateOptions& opt) {
    const Rulebook book = rulebook_for(common);
    const Inputs in = collect_inputs(opt.paths);
    warn_skipped(common, in);
    const Verdict v = validate(book, in.data);
    print(opt.json ? verdict_to_json(v, common.lang) : verdict_to_text(v, common.lang));
    return exit_code(v);
}

int run_pack(const CommonOptions& common, const PackOptions& opt) {
    check_pack_options(opt);
    const Rulebook book = rulebook_for(common);
    const Inputs in = collect_inputs({opt.dir});
    warn_skipped(common, in);
    if (in.manifest) throw InputError(Msg::pack_needs_folder, {});
    std::error_code ec;
    for (const auto& f : in.files)
        if (std::filesystem::equivalent(f, opt.output, ec))
            throw InputError(Msg::output_is_input, {opt.output});
    const Verdict v = validate(book, in.data);
    if (!book.catalog("truong")->entry(opt.institution))
        std::cerr << message(common.lang, Msg::unknown_institution, {opt.institution}) << "\n";
    if (const std::size_t unreadable = reading_errors(v); unreadable && opt.force) {
        std::cerr << verdict_to_text(v, common.lang)
                  << message(common.lang, Msg::force_unreadable, {std::to_string(unreadable)})
                  << "\n";
        return 1;
    }
    if (v.summary.errors && !opt.force) {
        std::cerr << verdict_to_text(v, common.lang)
                  << message(common.lang, Msg::not_packed, {std::to_string(v.summary.errors)})
                  << "\n";
        return 1;
    }
    const PackageOptions options{opt.institution, opt.period, opt.created_at, opt.package_id};
    const std::string package = write_package(in.data, book, v, options);
    if (opt.output == "-")
        print(package);  // "-o -": standard output, for a pipe
    else
        write_file(opt.output, package);
    std::cerr << message(common.lang, Msg::package_written,
                         {opt.output, std::to_string(v.summary.errors),
                          std::to_string(v.summary.warnings)})
              << "\n";
    return exit_code(v);
}

int run_inspect(const CommonOptions& common, const std::string& package_path) {
    const std::string text = read_file(package_path);
    Package p;
    try {
        p = read_package(text);
    } catch (const PackageError& e) {
        throw InputError(Msg::invalid_package, {package_path, e.what()});
    }
    const Manifest& m = p.manifest;
    // The manifest's own key names, as in the file, so scripts can read the lines too.
    std::string out = "package_id:     " + m.package_id + "\ninstitution:    " + m.institution +
                      "\nperiod:         " + m.period + "\ncreated_at:     " + m.created_at +
                      "\nrulebook:       " + m.rulebook_version + " " + m.rulebook_hash +
                      "\ncore_version:   " + m.core_version +
                      "\ncontent_sha256: " + m.content_sha256 + " (ok)\n";
    for (Entity e : kAllEntities)
        out += "records." + std::string(entity_name(e)) + ": " +
               std::to_string(m.counts[std::size_t(e)]) + " (ok)\n";
    out += message(common.lang, Msg::inspect_verdict,
                   {std::to_string(m.errors), std::to_string(m.warnings)}) +
           "\n";
    if (rulebook_for(common).hash() != m.rulebook_hash)
        out += message(common.lang, Msg::other_rulebook) + "\n";
    print(out);
    return 0;
}

int run_generate(const CommonOptions& common, const GenerateOptions& opt) {
    if (!(opt.faults >= 0 && opt.faults <= 1)) throw InputError(Msg::faults_range, {});
    const Rulebook book = rulebook_for(common);
    const GeneratedInstitution g = generate_institution(book, {opt.learners, opt.seed, opt.faults});
    const auto path = [&](const char* name) {
        return (std::filesystem::path(opt.out) / name).string();
    };
    // Synthetic people must never replace an institution's real files by accident.
    if (!opt.force)
        for (const char* name : {"programmes.csv", "staff.csv", "learners.csv",
                                 "learner_status.csv", "expected-findings.json"})
            if (std::filesystem::exists(path(name)))
                throw InputError(Msg::would_overwrite, {path(name)});
    std::error_code ec;
    std::filesystem::create_directories(opt.out, ec);
    write_file(path("programmes.csv"), g.programmes_csv);
    write_file(path("staff.csv"), g.staff_csv);
    write_file(path("learners.csv"), g.learners_csv);
    write_file(path("learner_status.csv"), g.status_csv);
    write_file(path("expected-findings.json"), verdict_to_json(expected_verdict(book, g), common.lang));
    std::cerr << message(common.lang, Msg::generated,
                         {std::to_string(opt.learners), opt.out, std::to_string(g.expected.size())})
              << "\n";
    return 0;
}

int run_template(const std::string& entity) {
    std::string name = entity;
    if (name == "learners") name = "learner";
    if (name == "programmes") name = "programme";
    const auto e = entity_from_name(name);
    if (!e) throw InputError(Msg::unknown_entity, {entity});
    print(template_header(*e));
    return 0;
}

}  // namespace hemis::cli
