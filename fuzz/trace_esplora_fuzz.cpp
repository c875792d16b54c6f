// Esplora JSON: tx, tx list and outspends parsers never crash or throw on
// hostile server answers.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "trace/esplora.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 1 << 18) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto t = extortrace::trace::ParseEsploraTx(text);
  if (t) (void)t->InputValue();
  (void)extortrace::trace::ParseEsploraTxList(text);
  (void)extortrace::trace::ParseEsploraOutspends(text);
  return 0;
}
