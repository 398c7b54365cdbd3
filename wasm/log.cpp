// Logger implementation: console output plus a bounded ring of recent lines.
#include "log.hpp"

#include <cstdio>

#include <emscripten/emscripten.h>

namespace web {
namespace {

constexpr std::size_t kKeptLines = 500;

std::deque<LogLine>& ring() {
    static std::deque<LogLine> lines;
    return lines;
}

}  // namespace

std::string_view level_name(LogLevel level) {
    switch (level) {
        case LogLevel::debug: return "debug";
        case LogLevel::info: return "info";
        case LogLevel::warn: return "warn";
        case LogLevel::error: return "error";
    }
    return "?";
}

void log(LogLevel level, std::string_view text) {
    const double t = emscripten_get_now() / 1000.0;
    std::fprintf(level >= LogLevel::warn ? stderr : stdout, "[%s] %.*s\n", level_name(level).data(),
                 int(text.size()), text.data());
    auto& lines = ring();
    lines.push_back({level, t, std::string(text)});
    if (lines.size() > kKeptLines) lines.pop_front();
}

const std::deque<LogLine>& log_lines() {
    return ring();
}

}  // namespace web
