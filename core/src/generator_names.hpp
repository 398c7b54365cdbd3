// Internal: Vietnamese name parts for the synthetic generator (common family names, middle names,
// given names by gender), all NFC.
#pragma once
#include <span>
#include <string_view>

namespace hemis::names {

std::span<const std::string_view> family();
std::span<const std::string_view> middle_male();
std::span<const std::string_view> middle_female();
std::span<const std::string_view> given_male();
std::span<const std::string_view> given_female();
std::span<const std::string_view> units();  // staff units (khoa/phòng)

}  // namespace hemis::names
