#include "progress.h"

#include <unistd.h>

#include <cstdio>

namespace extortrace::cli {

Progress::Progress()
    : enabled_(isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()),
      last_(start_) {}

Progress::~Progress() { Finish(); }

void Progress::Update(uint64_t messages, uint64_t bytes, uint64_t flagged,
                      const std::string& current) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  if (drawn_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  double rate = secs > 0 ? messages / secs : 0;
  std::string name = current.size() > 40 ? "..." + current.substr(current.size() - 37) : current;
  std::fprintf(stderr, "\r\033[K%8llu messages  %7.1f MB  %6.0f msg/s  %5llu flagged  %s",
               static_cast<unsigned long long>(messages), bytes / 1e6, rate,
               static_cast<unsigned long long>(flagged), name.c_str());
  std::fflush(stderr);
  drawn_ = true;
}

void Progress::Finish() {
  if (enabled_ && drawn_) {
    std::fprintf(stderr, "\r\033[K");
    std::fflush(stderr);
    drawn_ = false;
  }
}

}  // namespace extortrace::cli
