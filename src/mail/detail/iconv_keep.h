// Keeps glibc's charset converters loaded for the charsets named in encoded
// words.
//
// GMime converts every RFC 2047 encoded word with its own iconv_open and
// iconv_close. glibc loads the converter of a legacy charset (a gconv shared
// object such as ISO8859-1.so) on iconv_open and unloads it with the last
// descriptor, so each encoded word mapped and unmapped a shared object:
// about 2% of a corpus scan. Holding one descriptor per charset for the life
// of the process keeps each module loaded after its first use.
//
// Thread-safe. Bounded: at most kMaxKeptCharsets charsets are kept open;
// later ones work as before, only slower. Names iconv does not know take no
// slot.
#pragma once

#include <cstddef>
#include <string_view>

namespace extortrace::mail::detail {

inline constexpr size_t kMaxKeptCharsets = 64;

// Opens (once, and never closes) a UTF-8 converter for each charset named
// by an encoded word ("=?charset?" or "=?charset*lang?") in `header_text`.
void KeepEncodedWordCharsetsLoaded(std::string_view header_text);

// The number of charsets kept open so far (for tests).
size_t KeptCharsetCount();

}  // namespace extortrace::mail::detail
