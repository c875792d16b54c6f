// Fuzzes HtmlToText and StripTagsFallback on arbitrary bytes.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "text/html_text.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  extortrace::text::HtmlText h = extortrace::text::HtmlToText(html);
  (void)extortrace::text::HtmlTrickNames(h.tricks);
  (void)extortrace::text::StripTagsFallback(html);
  return 0;
}
