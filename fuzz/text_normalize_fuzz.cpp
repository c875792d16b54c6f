// Fuzzes Normalize (and DetectLanguage on its output): checks the offset
// map invariants and that the output is valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
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
  (void)extortrace::text::DetectLanguage(n.text);
  return 0;
}
