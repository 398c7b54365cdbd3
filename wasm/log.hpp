// One logger for the browser client: levelled lines go to the browser console and into a small
// in-memory ring that the in-app log panel shows, so support staff can read them without devtools.
#pragma once
#include <deque>
#include <string>
#include <string_view>

namespace web {

enum class LogLevel { debug, info, warn, error };

struct LogLine {
    LogLevel level;
    double time_s;  // seconds since start
    std::string text;
};

void log(LogLevel level, std::string_view text);
inline void log_info(std::string_view t) {
    log(LogLevel::info, t);
}
inline void log_warn(std::string_view t) {
    log(LogLevel::warn, t);
}
inline void log_error(std::string_view t) {
    log(LogLevel::error, t);
}

const std::deque<LogLine>& log_lines();
std::string_view level_name(LogLevel level);

}  // namespace web
