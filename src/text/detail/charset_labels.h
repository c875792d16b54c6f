// Charset label table for ConvertToUtf8 (internal). Maps the labels seen in
// mail (MIME names, Microsoft names, common misspellings) to the ICU
// converter to use, following the WHATWG Encoding Standard where mail
// clients do: ISO-8859-1 and US-ASCII decode as windows-1252, GB2312/GBK as
// GB18030, KS C 5601 / EUC-KR as windows-949, Shift_JIS as Windows-31J.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace extortrace::text::detail {

enum class LabelKind {
  kUtf8,
  kAscii,       // US-ASCII: 8-bit bytes under it are always a mislabel
  kSingleByte,  // ASCII-compatible, one byte per character
  kMultiByte,   // ASCII-compatible CJK (GB18030, Big5, EUC-KR, EUC-JP, Shift_JIS)
  kIso2022,     // 7-bit stateful (ISO-2022-JP/KR/CN, HZ)
  kUtf7,        // 7-bit, not ASCII-transparent
  kWide,        // UTF-16/UTF-32: NUL bytes are part of the text
};

struct LabelInfo {
  std::string icu;        // name passed to ucnv_open
  std::string canonical;  // name reported in Utf8Conversion::charset_used
  LabelKind kind = LabelKind::kSingleByte;
  bool japanese = false;         // ISO-2022-JP, Shift_JIS, EUC-JP: cross-checked
  bool ascii_compatible = true;  // ASCII bytes decode to themselves
};

// Lowercases and strips blanks, quotes and a trailing ';'.
std::string TrimLabel(std::string_view label);

// True for labels that carry no information ("unknown-8bit", "x-unknown",
// "default"): treated like no label, never reported as a mismatch.
bool IsPlaceholderLabel(std::string_view label);

// nullopt for an empty label, for "unknown"-style labels and for labels
// neither the table nor ICU knows. Thread-safe.
std::optional<LabelInfo> LookupLabel(std::string_view label);

}  // namespace extortrace::text::detail
