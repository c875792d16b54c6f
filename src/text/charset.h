// Conversion of mail text from its declared charset to UTF-8 (ICU ucnv).
//
// Mail lies about charsets. ConvertToUtf8 trusts the label only when the
// bytes agree with it: bytes that are valid UTF-8 but labelled as a legacy
// single-byte charset are taken as UTF-8, Japanese labels are cross-checked
// between ISO-2022-JP, Shift_JIS and EUC-JP, and unknown or missing labels
// fall back to ICU's charset detector (ucsdet). Labels are read the way mail
// clients read them (WHATWG): ISO-8859-1 and US-ASCII as windows-1252,
// GB2312/GBK as GB18030, KS_C_5601-1987 as windows-949, Shift_JIS as
// Windows-31J. NUL bytes are removed (except under UTF-16/32 labels). Pure
// ASCII under an ASCII-compatible label is returned without ICU.
// Thread-safe: ICU converters are cached per thread (docs/text.md).
#pragma once

#include <string>
#include <string_view>

namespace extortrace::text {

struct Utf8Conversion {
  std::string text;             // always well-formed UTF-8
  std::string charset_used;     // canonical name actually used ("Shift_JIS", "UTF-8", ...)
  bool label_mismatch = false;  // the declared label did not fit the bytes
  bool lossy = false;           // some bytes could not be converted (became U+FFFD)
};

// `declared` may be empty (no label). Never fails: worst case is lossy text.
Utf8Conversion ConvertToUtf8(std::string_view bytes, std::string_view declared);

// The same conversion of bytes the caller gives up: when they are returned
// unchanged (ASCII, valid UTF-8 taken as such) they are moved, not copied.
Utf8Conversion ConvertOwnedToUtf8(std::string bytes, std::string_view declared);

}  // namespace extortrace::text
