// Fuzzes RFC 2047 header decoding (encoded words, raw 8-bit, broken words).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/utf8.h"
#include "mail/message.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  std::string out = extortrace::mail::DecodeHeaderText(raw);
  if (!extortrace::IsValidUtf8(out)) __builtin_trap();
  return 0;
}
