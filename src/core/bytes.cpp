#include "core/bytes.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>

#include "core/hex.h"

namespace extortrace {

std::string HexEncode(ByteSpan bytes) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size() * 2);
  for (uint8_t b : bytes) {
    out.push_back(kDigits[b >> 4]);
    out.push_back(kDigits[b & 15]);
  }
  return out;
}

Result<Bytes> HexDecode(std::string_view hex) {
  if (hex.size() % 2 != 0) return Fail(Error::InvalidArgument("hex string has odd length"));
  Bytes out(hex.size() / 2);
  for (size_t i = 0; i < out.size(); ++i) {
    int hi = HexDigitValue(hex[2 * i]);
    int lo = HexDigitValue(hex[2 * i + 1]);
    if (hi < 0 || lo < 0) {
      return Fail(Error(ErrorCode::kInvalidArgument, "not a hex digit", 2 * i));
    }
    out[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return out;
}

Result<std::string> ReadFile(const std::string& path, size_t max_bytes) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    int err = errno;
    std::string msg = fmt::format("{}: cannot open: {}", path, std::strerror(err));
    return Fail(err == ENOENT ? Error::NotFound(msg) : Error::Io(msg));
  }
  std::string data;
  char buf[65536];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    if (data.size() + n > max_bytes) {
      std::fclose(f);
      return Fail(Error::TooLarge(fmt::format("{}: larger than {} bytes", path, max_bytes)));
    }
    data.append(buf, n);
  }
  bool failed = std::ferror(f) != 0;
  int err = errno;
  std::fclose(f);
  if (failed) return Fail(Error::Io(fmt::format("{}: read error: {}", path, std::strerror(err))));
  return data;
}

}  // namespace extortrace
