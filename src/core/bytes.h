// Byte helpers: hex encoding, whole-file reads with a size bound.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace extortrace {

using Bytes = std::vector<uint8_t>;
using ByteSpan = std::span<const uint8_t>;

std::string HexEncode(ByteSpan bytes);
// Accepts upper and lower case; fails on odd length or a non-hex character.
Result<Bytes> HexDecode(std::string_view hex);

inline ByteSpan AsBytes(std::string_view s) {
  return {reinterpret_cast<const uint8_t*>(s.data()), s.size()};
}
inline std::string_view AsChars(ByteSpan b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

// Reads a whole file. Fails with kTooLarge (naming the file) above max_bytes,
// with kNotFound or kIo (naming the file and the OS reason) otherwise.
Result<std::string> ReadFile(const std::string& path, size_t max_bytes = size_t{1} << 31);

}  // namespace extortrace
