// The fast MIME reader against the GMime reader (mail/detail/mime_readers.h):
// whenever the fast reader accepts the bytes, both must build the same
// message, field by field; a difference aborts. Also checks the fast reader
// never crashes on what it declines.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "mail/detail/describe.h"
#include "mail/detail/mime_readers.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::mail;
  std::string_view raw(reinterpret_cast<const char*>(data), size);
  ParsedMessage fast;
  if (!detail::ParseFast(raw, &fast)) return 0;
  ParsedMessage gmime;
  detail::ParseWithGMime(raw, &gmime);
  std::string a = detail::Describe(fast), b = detail::Describe(gmime);
  if (a != b) {
    std::fprintf(stderr, "--- fast\n%s\n--- gmime\n%s\n", a.c_str(), b.c_str());
    std::abort();
  }
  return 0;
}
