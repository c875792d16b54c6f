// The logging sink. Library code never prints: it calls Log(), and the
// application decides where messages go (stderr, spdlog, syslog) by installing
// a sink with SetLogSink(). The default sink drops everything below kWarn and
// writes the rest to stderr.
//
// Thread-safety: Log() may be called from any thread. SetLogSink() must be
// called before other threads start logging (normally at the top of main).
#pragma once

#include <fmt/format.h>

#include <functional>
#include <string_view>

namespace extortrace {

enum class LogLevel { kDebug = 0, kInfo = 1, kWarn = 2, kError = 3 };

using LogSink = std::function<void(LogLevel, std::string_view)>;

void SetLogSink(LogSink sink);
void SetLogLevel(LogLevel min_level);
bool LogEnabled(LogLevel level);
void LogMessage(LogLevel level, std::string_view message);

template <typename... Args>
void Log(LogLevel level, fmt::format_string<Args...> f, Args&&... args) {
  if (!LogEnabled(level)) return;
  LogMessage(level, fmt::format(f, std::forward<Args>(args)...));
}

}  // namespace extortrace
