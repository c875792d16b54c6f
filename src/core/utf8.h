// UTF-8 helpers shared by every module. All functions take arbitrary bytes and
// never read past the view; none allocate except where they return strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace extortrace {

// Length of the well-formed UTF-8 sequence at the start of `s` (1-4), or 0 if
// it is not well-formed (overlong, surrogate, truncated, > U+10FFFF). Inline:
// byte loops of the text module call it per non-ASCII character.
inline size_t Utf8SequenceLength(std::string_view s) {
  if (s.empty()) return 0;
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  char32_t min;
  if ((c & 0xE0) == 0xC0) {
    len = 2;
    min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3;
    min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4;
    min = 0x10000;
  } else {
    return 0;
  }
  if (s.size() < len) return 0;
  char32_t cp = c & (0x7F >> len);
  for (size_t i = 1; i < len; ++i) {
    if ((p[i] & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (p[i] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return len;
}

// Decodes the code point at s[*pos] and advances *pos. An ill-formed byte
// yields U+FFFD and advances by one.
char32_t Utf8Next(std::string_view s, size_t* pos);

// Writes the UTF-8 encoding of `cp` (U+FFFD for invalid code points) to
// out[0..3] and returns its length (1-4). Inline: the normalizer encodes
// every non-ASCII code point it emits.
inline size_t Utf8Encode(char32_t cp, char out[4]) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out[0] = static_cast<char>(cp);
    return 1;
  }
  if (cp < 0x800) {
    out[0] = static_cast<char>(0xC0 | (cp >> 6));
    out[1] = static_cast<char>(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = static_cast<char>(0xE0 | (cp >> 12));
    out[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out[2] = static_cast<char>(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = static_cast<char>(0xF0 | (cp >> 18));
  out[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
  out[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
  out[3] = static_cast<char>(0x80 | (cp & 0x3F));
  return 4;
}

// Appends the UTF-8 encoding of `cp` (U+FFFD for invalid code points).
void Utf8Append(char32_t cp, std::string* out);

// True if every byte sequence in `s` is well-formed UTF-8 (ASCII runs are
// stepped over eight bytes at a time).
bool IsValidUtf8(std::string_view s);

// True if every byte of `s` is below 0x80 (checked 32 bytes at a time).
bool IsAscii(std::string_view s);

// Copies `s`, replacing each ill-formed byte with U+FFFD.
std::string SanitizeUtf8(std::string_view s);

}  // namespace extortrace
