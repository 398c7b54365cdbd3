// Verdicts rendered for people and machines: the JSON document of `hemis validate --json` (the
// interchange contract), a plain-text table, and a CSV export that spreadsheets open safely.
#pragma once
#include <string>

#include "hemis/findings.hpp"

namespace hemis {

inline constexpr std::string_view kCoreVersion = "0.1.0";

// One JSON object: rulebook {version, hash}, core_version, summary {errors, warnings, records},
// findings [{rule, severity, entity, file, record, row, column, field, value, message}].
// Blank row/column/entity print as null. Ends with a newline.
std::string verdict_to_json(const Verdict& v, Lang lang);

// Human table, one finding per line, then a summary line.
std::string verdict_to_text(const Verdict& v, Lang lang);

// UTF-8 with BOM for Excel; cells starting with = + - @ (except numbers) are made inert with a
// leading apostrophe so a spreadsheet never runs them as formulas.
std::string verdict_to_csv(const Verdict& v, Lang lang);

}  // namespace hemis
