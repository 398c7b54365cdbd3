// The CLI's own messages to people, one catalogue per language (Vietnamese first). Findings'
// messages come from the rulebook instead; this covers files, usage and progress.
#pragma once
#include <initializer_list>
#include <stdexcept>
#include <string>
#include <vector>

#include "hemis/findings.hpp"

namespace hemis::cli {

enum class Msg {
    cannot_read, cannot_write, not_found, unknown_csv, no_files, one_package, invalid_package,
    pack_needs_folder, unknown_institution, not_packed, package_written, other_rulebook,
    faults_range, generated, unknown_entity, rulebook_unusable, same_entity_twice,
    output_is_input, force_unreadable, bad_token_option, bad_created_at, stdout_failed,
    inspect_verdict, bad_usage, skipped_file, would_overwrite
};

// Fills {0}, {1}, … in the message for `lang`.
std::string message(Lang lang, Msg id, const std::vector<std::string>& args = {});

// An input or usage problem for the user; main() prints it in the chosen language, exit code 2.
class InputError : public std::runtime_error {
public:
    InputError(Msg id, std::vector<std::string> args)
        : std::runtime_error(message(Lang::en, id, args)), id(id), args(std::move(args)) {}
    Msg id;
    std::vector<std::string> args;
};

}  // namespace hemis::cli
