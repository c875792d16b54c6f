#include "core/utf8.h"

#include <cstdint>
#include <cstring>

namespace extortrace {

char32_t Utf8Next(std::string_view s, size_t* pos) {
  std::string_view rest = s.substr(*pos);
  size_t len = Utf8SequenceLength(rest);
  if (len == 0) {
    ++*pos;
    return 0xFFFD;
  }
  const auto* p = reinterpret_cast<const unsigned char*>(rest.data());
  char32_t cp = len == 1 ? p[0] : (p[0] & (0x7F >> len));
  for (size_t i = 1; i < len; ++i) cp = (cp << 6) | (p[i] & 0x3F);
  *pos += len;
  return cp;
}

void Utf8Append(char32_t cp, std::string* out) {
  char b[4];
  out->append(b, Utf8Encode(cp, b));
}

namespace {

constexpr uint64_t kHighBits = 0x8080808080808080u;

uint64_t Load8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (i + 8 <= s.size() && (Load8(s.data() + i) & kHighBits) == 0) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    size_t len = Utf8SequenceLength(s.substr(i));
    if (len == 0) return false;
    i += len;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  size_t i = 0;
  for (; i + 32 <= s.size(); i += 32) {
    if (((Load8(s.data() + i) | Load8(s.data() + i + 8) | Load8(s.data() + i + 16) |
          Load8(s.data() + i + 24)) &
         kHighBits) != 0) {
      return false;
    }
  }
  unsigned char acc = 0;
  for (; i < s.size(); ++i) acc |= static_cast<unsigned char>(s[i]);
  return acc < 0x80;
}

std::string SanitizeUtf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    size_t len = Utf8SequenceLength(s.substr(i));
    if (len == 0) {
      out.append("\xEF\xBF\xBD");
      ++i;
    } else {
      out.append(s.substr(i, len));
      i += len;
    }
  }
  return out;
}

}  // namespace extortrace
