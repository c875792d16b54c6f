// One hex digit's value; the whole-string codec is HexEncode/HexDecode in
// core/bytes.h. Inline: the quoted-printable decoder calls it per escape.
#pragma once

namespace extortrace {

// Value of one hex digit (0-9, a-f, A-F), or -1 for any other character.
inline int HexDigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

}  // namespace extortrace
