// Cheap checks on a request body before any parser sees it, so each problem gets its own error.
#pragma once
#include <string_view>

namespace hemis::server {

// Well-formed UTF-8: no overlong forms, no surrogates, nothing above U+10FFFF.
bool valid_utf8(std::string_view s);

// The deepest nesting of [ and { outside JSON strings. Stops counting past `limit`.
int json_depth(std::string_view s, int limit);

}  // namespace hemis::server
