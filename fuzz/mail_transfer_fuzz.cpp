// The fast base64 and quoted-printable decoders (mail/detail/transfer_decode.h)
// against GMime's: the first byte picks the encoding, the rest is the part
// content. Any difference aborts.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "mail/detail/transfer_decode.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::mail::detail;
  if (size == 0) return 0;
  std::string_view content(reinterpret_cast<const char*>(data + 1), size - 1);
  const bool base64 = data[0] & 1;
  std::string fast = base64 ? DecodeBase64(content) : DecodeQuotedPrintable(content);
  std::string gmime =
      base64 ? DecodeBase64WithGMime(content) : DecodeQuotedPrintableWithGMime(content);
  if (fast != gmime) {
    std::fprintf(stderr, "%s decoders differ: fast %zu bytes, gmime %zu bytes\n",
                 base64 ? "base64" : "quoted-printable", fast.size(), gmime.size());
    std::abort();
  }
  return 0;
}
