// TagPack YAML: the line scanner and the yaml-cpp fallback must never crash
// or throw; a pack that parses on the fast path must give the same labels as
// yaml-cpp would (checked when the input is small).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trace/labels.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 16) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  extortrace::trace::LabelSet s;
  extortrace::trace::LabelLoadStats st;
  (void)s.AddPack(text, "fuzz", &st);
  (void)s.Find("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
  return 0;
}
