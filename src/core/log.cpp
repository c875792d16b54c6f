#include "core/log.h"

#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "core/assert.h"

namespace extortrace {
namespace {

std::atomic<int> g_min_level{static_cast<int>(LogLevel::kWarn)};

LogSink& Sink() {
  static LogSink sink = [](LogLevel level, std::string_view msg) {
    static constexpr const char* kNames[] = {"debug", "info", "warning", "error"};
    std::fprintf(stderr, "extortrace: %s: %.*s\n", kNames[static_cast<int>(level)],
                 static_cast<int>(msg.size()), msg.data());
  };
  return sink;
}

}  // namespace

void SetLogSink(LogSink sink) { Sink() = std::move(sink); }
void SetLogLevel(LogLevel min_level) { g_min_level = static_cast<int>(min_level); }
bool LogEnabled(LogLevel level) { return static_cast<int>(level) >= g_min_level.load(); }
void LogMessage(LogLevel level, std::string_view message) { Sink()(level, message); }

namespace detail {
void AssertFail(const char* expr, const char* file, int line) {
  std::fprintf(stderr, "extortrace: internal error: assertion %s failed at %s:%d\n", expr, file,
               line);
  std::abort();
}
}  // namespace detail

}  // namespace extortrace
