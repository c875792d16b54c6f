// Fuzz the demand and deadline extractors: arbitrary bytes in, no crash, and
// every reported range lies inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "detect/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const extortrace::detect::Money& m : extortrace::detect::FindAmounts(s)) {
    if (m.from > m.to || m.to > size || !(m.amount > 0)) std::abort();
  }
  for (const extortrace::detect::Duration& d : extortrace::detect::FindDurations(s)) {
    if (d.from > d.to || d.to > size || d.hours <= 0) std::abort();
  }
  (void)extortrace::detect::ParseNumber(s.substr(0, 64), size % 2 == 0);
  (void)extortrace::detect::ParseNumberWords(s.substr(0, 128));
  return 0;
}
