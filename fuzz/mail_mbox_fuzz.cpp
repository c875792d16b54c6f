// Fuzzes the mbox splitter: any chunking of the same input must give the
// same messages (differential: whole input vs. byte-split at a fuzzed point).
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "mail/mbox.h"

namespace {
std::vector<std::string> Split(std::string_view in, size_t cut) {
  std::vector<std::string> out;
  extortrace::mail::MboxSplitter s(1 << 16,
                                   [&](std::string&& m, bool) { out.push_back(std::move(m)); });
  s.Feed(in.substr(0, cut));
  s.Feed(in.substr(cut));
  s.Finish();
  return out;
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  size_t cut = data[0] % size;
  std::string_view in(reinterpret_cast<const char*>(data) + 1, size - 1);
  if (cut > in.size()) cut = in.size();
  if (Split(in, in.size()) != Split(in, cut)) __builtin_trap();
  return 0;
}
