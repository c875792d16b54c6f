// UTF-8 helpers shared by every module. All functions take arbitrary bytes and
// never read past the view; none allocate except where they return strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace extortrace {

// Length of the well-formed UTF-8 sequence at the start of `s` (1-4), or 0 if
// it is not well-formed (overlong, surrogate, truncated, > U+10FFFF).
size_t Utf8SequenceLength(std::string_view s);

// Decodes the code point at s[*pos] and advances *pos. An ill-formed byte
// yields U+FFFD and advances by one.
char32_t Utf8Next(std::string_view s, size_t* pos);

// Appends the UTF-8 encoding of `cp` (U+FFFD for invalid code points).
void Utf8Append(char32_t cp, std::string* out);

// True if every byte sequence in `s` is well-formed UTF-8.
bool IsValidUtf8(std::string_view s);

// Copies `s`, replacing each ill-formed byte with U+FFFD.
std::string SanitizeUtf8(std::string_view s);

}  // namespace extortrace
