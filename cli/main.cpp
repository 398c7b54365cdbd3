// hemis: validate, pack and inspect HEMIS data from the command line, generate synthetic
// institutions, print CSV templates. Flags are parsed by CLI11.
#include <iostream>
#include <string_view>

#include <CLI/CLI.hpp>

#include "commands.hpp"
#include "hemis/rulebook.hpp"
#include "inputs_fs.hpp"
#include "upload.hpp"

using namespace hemis;

int main(int argc, char** argv) {
    CLI::App app{"hemis: kiểm tra và đóng gói dữ liệu HEMIS / check and package HEMIS data"};
    app.require_subcommand(1);
    app.fallthrough();  // --lang and --data also work after the subcommand
    cli::CommonOptions common;
    std::string lang = "vi";
    common.data_dir = default_data_dir();
    app.add_option("--lang", lang, "vi | en")->check(CLI::IsMember({"vi", "en"}));
    app.add_option("--data", common.data_dir, "folder holding rules/ and reference/");

    cli::ValidateOptions vopt;
    auto* validate =
        app.add_subcommand("validate", "check CSV files, a folder of them, or a package");
    validate->add_option("paths", vopt.paths, "files or folders")->required();
    validate->add_flag("--json", vopt.json, "print JSON for machines");

    cli::PackOptions popt;
    auto* pack = app.add_subcommand("pack", "validate a CSV folder and write a package");
    pack->add_option("dir", popt.dir, "folder with the CSV files")->required();
    pack->add_option("--institution", popt.institution, "institution code (mã trường)")->required();
    pack->add_option("--period", popt.period, "reporting period, e.g. 2026")->required();
    pack->add_option("-o,--output", popt.output, "package file to write (- for standard output)")->required();
    pack->add_option("--created-at", popt.created_at,
                     "ISO time for the manifest (default: latest update)");
    pack->add_option("--id", popt.package_id, "package id (default: derived from the content)");
    pack->add_flag("--force", popt.force, "write the package even when the data has errors");

    std::string inspect_path;
    auto* inspect = app.add_subcommand("inspect", "check and describe a package");
    inspect->add_option("package", inspect_path)->required();

    cli::GenerateOptions gopt;
    auto* generate = app.add_subcommand("generate", "write a synthetic institution");
    generate->add_option("--learners", gopt.learners, "number of learners")
        ->check(CLI::Range(1, 5000000));
    generate->add_option("--seed", gopt.seed, "random seed");
    generate->add_option("--faults", gopt.faults,
                         "share of learners with one injected fault (0..1)");
    generate->add_option("--out", gopt.out, "output folder")->required();
    generate->add_flag("--force", gopt.force, "overwrite files already in the output folder");

    std::string template_entity;
    auto* tmpl = app.add_subcommand("template", "print the CSV header of an entity");
    tmpl->add_option("entity", template_entity, "learners | staff | programmes | status")
        ->required();

    cli::UploadOptions uopt;
    auto* upload = app.add_subcommand("upload", "send a package to hemis-server");
    upload->add_option("package", uopt.package, "package file (.json)")->required();
    upload->add_option("--server", uopt.server, "e.g. http://127.0.0.1:8080")
        ->envname("HEMIS_SERVER")
        ->required();
    upload->add_option("--token", uopt.token, "the institution's token")
        ->envname("HEMIS_TOKEN")
        ->required();

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);  // --help
        // CLI11 explains the problem in English; say in the user's language what it is about.
        bool english = false;
        for (int i = 1; i + 1 < argc; ++i)
            english = english || (std::string_view(argv[i]) == "--lang" &&
                                   std::string_view(argv[i + 1]) == "en");
        std::cerr << "hemis: " << cli::message(english ? Lang::en : Lang::vi, cli::Msg::bad_usage,
                                               {e.what()})
                  << "\n";
        return 2;
    }
    common.lang = lang == "en" ? Lang::en : Lang::vi;
    try {
        if (*validate) return cli::run_validate(common, vopt);
        if (*pack) return cli::run_pack(common, popt);
        if (*inspect) return cli::run_inspect(common, inspect_path);
        if (*generate) return cli::run_generate(common, gopt);
        if (*upload) return cli::run_upload(common, uopt);
        return cli::run_template(template_entity);
    } catch (const cli::InputError& e) {
        std::cerr << "hemis: " << cli::message(common.lang, e.id, e.args) << "\n";
    } catch (const std::exception& e) {
        std::cerr << "hemis: internal error: " << e.what() << "\n";
    }
    return 2;
}
