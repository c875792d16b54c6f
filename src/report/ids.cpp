#include "report/ids.h"

#include <openssl/evp.h>

#include <array>

#include "core/hex.h"
#include "core/time.h"

namespace extortrace::report {
namespace {

std::array<uint8_t, 16> ParseUuid(std::string_view s) {
  std::array<uint8_t, 16> b{};
  size_t n = 0;
  int hi = -1;
  for (char c : s) {
    if (c == '-') continue;
    int v = HexDigitValue(c);
    if (v < 0 || n >= 16) return {};
    if (hi < 0) {
      hi = v;
    } else {
      b[n++] = static_cast<uint8_t>(hi << 4 | v);
      hi = -1;
    }
  }
  return n == 16 ? b : std::array<uint8_t, 16>{};
}

}  // namespace

std::string UuidV5(std::string_view namespace_uuid, std::string_view name) {
  std::array<uint8_t, 16> ns = ParseUuid(namespace_uuid);
  std::string input(reinterpret_cast<const char*>(ns.data()), ns.size());
  input.append(name);
  uint8_t h[EVP_MAX_MD_SIZE] = {};
  unsigned int len = 0;
  EVP_Digest(input.data(), input.size(), h, &len, EVP_sha1(), nullptr);
  h[6] = static_cast<uint8_t>((h[6] & 0x0F) | 0x50);
  h[8] = static_cast<uint8_t>((h[8] & 0x3F) | 0x80);
  static const char* kHex = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[h[i] >> 4];
    out += kHex[h[i] & 15];
  }
  return out;
}

std::string StixTimestamp(int64_t unix_seconds) {
  std::string t = Rfc3339Utc(unix_seconds);  // "2024-03-14T01:00:00Z"
  t.insert(t.size() - 1, ".000");
  return t;
}

std::string UtcDate(int64_t unix_seconds) { return DayString(DayOfUnix(unix_seconds)); }

}  // namespace extortrace::report
