// Calendar dates as users type them: dd/mm/yyyy (also d/m/yyyy and dd-mm-yyyy) or ISO yyyy-mm-dd.
// Month-first input is never guessed: 12/25/2000 is rejected because there is no month 25.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace hemis {

struct Date {
    int year = 0, month = 0, day = 0;
    // Days since 0000-03-01 style ordinal: comparable and subtractable.
    long ordinal() const;
    std::string iso() const;
    auto operator<=>(const Date&) const = default;
};

std::optional<Date> parse_date(std::string_view s);

// ISO 8601 date-time "yyyy-mm-ddThh:mm:ss" with optional "Z" or "+hh:mm"; returns it unchanged
// when well formed (record update times are kept as text), nullopt otherwise.
bool is_iso_datetime(std::string_view s);

// The instant of a well-formed ISO date-time in seconds since 1970-01-01T00:00:00Z, so times
// written in different zones order correctly. A time without a zone is taken as Vietnam time
// (UTC+07:00), the zone every institution reports in.
std::optional<long long> iso_datetime_seconds(std::string_view s);

}  // namespace hemis
