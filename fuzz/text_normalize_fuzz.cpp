// Fuzzes Normalize (and DetectLanguage on its output): checks the offset
// map invariants, that the output is valid UTF-8, and that the ASCII fast
// path agrees with the general path.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "core/utf8.h"
#include "text/language.h"
#include "text/normalize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  extortrace::text::NormalizedText n = extortrace::text::Normalize(in);
  if (n.offsets.size() != n.text.size() || n.folded_offsets.size() != n.folded.size()) std::abort();
  for (size_t i = 0; i < n.offsets.size(); ++i) {
    if (n.offsets[i] >= size || (i > 0 && n.offsets[i] < n.offsets[i - 1])) std::abort();
  }
  for (size_t i = 0; i < n.folded_offsets.size(); ++i) {
    if (n.folded_offsets[i] >= size || (i > 0 && n.folded_offsets[i] < n.folded_offsets[i - 1]))
      std::abort();
  }
  if (!extortrace::IsValidUtf8(n.text) || !extortrace::IsValidUtf8(n.folded)) std::abort();
  (void)extortrace::text::ObfuscationNames(n);
  // Differential: the ASCII fast path must agree with the general (ICU)
  // path. Appending one non-ASCII letter forces the general path; the
  // output must then start with the fast path's output and offsets.
  bool ascii = true;
  for (size_t i = 0; i < size; ++i) ascii = ascii && data[i] < 0x80;
  if (ascii && size > 0) {
    std::string forced(in);
    forced += "\xC3\xA9";  // U+00E9
    extortrace::text::NormalizedText g = extortrace::text::Normalize(forced);
    if (g.text.compare(0, n.text.size(), n.text) != 0) std::abort();
    for (size_t i = 0; i < n.offsets.size(); ++i) {
      if (g.offsets[i] != n.offsets[i]) std::abort();
    }
  }
  (void)extortrace::text::DetectLanguage(n.text);
  return 0;
}
