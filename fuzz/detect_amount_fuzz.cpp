// Fuzz the demand and deadline extractors (amounts, durations, dates) and the
// detector's text readers (where the letter ends, its structure): arbitrary
// bytes in, no crash, and every reported range lies inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "detect/detail/context.h"
#include "detect/detail/structure.h"
#include "detect/extract.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const extortrace::detect::Money& m : extortrace::detect::FindAmounts(s)) {
    if (m.from > m.to || m.to > size || !(m.amount > 0)) std::abort();
  }
  for (const extortrace::detect::Duration& d : extortrace::detect::FindDurations(s)) {
    if (d.from > d.to || d.to > size || d.hours <= 0) std::abort();
  }
  // Any Date in 1970..2106 and any zone, chosen by the input's length.
  const int64_t sent = static_cast<int64_t>(size) * 2654435761LL % 4102444800LL;
  const int offset = static_cast<int>(size % 1681) - 840;
  for (const extortrace::detect::DateDeadline& d :
       extortrace::detect::FindDeadlineDates(s, sent, offset)) {
    if (d.from > d.to || d.to > size || d.at_unix < sent - 2 * 86400) std::abort();
    if (extortrace::detect::FormatDeadline(d).size() < 25) std::abort();
  }
  if (extortrace::detect::detail::LetterEnd(s) > size) std::abort();
  (void)extortrace::detect::detail::InQuotedLine(s, static_cast<uint32_t>(size / 2));
  (void)extortrace::detect::detail::ReadStructure(s);
  (void)extortrace::detect::ParseNumber(s.substr(0, 64), size % 2 == 0);
  (void)extortrace::detect::ParseNumberWords(s.substr(0, 128));
  return 0;
}
