// A one-line progress display on stderr, shown only when stderr is a
// terminal (never in pipes, logs or CI).
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace extortrace::cli {

class Progress {
 public:
  Progress();
  ~Progress();
  bool enabled() const { return enabled_; }
  // Redraws at most ten times a second.
  void Update(uint64_t messages, uint64_t bytes, uint64_t flagged, const std::string& current);
  void Finish();

 private:
  bool enabled_;
  bool drawn_ = false;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace extortrace::cli
