// Runs a compiled rulebook over a dataset and returns the verdict. Reading problems recorded in the
// tables (invalid UTF-8, broken quotes, unknown or missing columns) become findings too, so every
// problem reaches the user in one list with file, row, column and field.
#pragma once
#include "hemis/findings.hpp"
#include "hemis/rulebook.hpp"

namespace hemis {

Verdict validate(const Rulebook& rulebook, const Dataset& data);

}  // namespace hemis
