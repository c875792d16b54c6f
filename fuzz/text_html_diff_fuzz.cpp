// Runs the fast extractor (HtmlToText) and the gumbo reference on the same
// bytes. Their outputs may differ on random input (see decision 0006), so
// only safety is checked: no crash or sanitizer report, and both results
// are valid UTF-8 in every field.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "text/html_text.h"

namespace {

void CheckUtf8(const extortrace::text::HtmlText& h) {
  using extortrace::IsValidUtf8;
  bool ok = IsValidUtf8(h.visible) && IsValidUtf8(h.hidden);
  for (const auto& s : h.links) ok = ok && IsValidUtf8(s);
  for (const auto& s : h.image_sources) ok = ok && IsValidUtf8(s);
  if (!ok) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view html(reinterpret_cast<const char*>(data), size);
  CheckUtf8(extortrace::text::HtmlToText(html));
  CheckUtf8(extortrace::text::HtmlToTextReference(html));
  return 0;
}
