// Fuzzes the whole MIME layer: header repair, GMime parsing, tree walk,
// transfer decoding, charset conversion, header forensics.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "mail/message.h"
#include "mail/sender.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  extortrace::mail::ParsedMessage m = extortrace::mail::ParseMessage(raw);
  extortrace::mail::AnalyzeSender(m);
  return 0;
}
