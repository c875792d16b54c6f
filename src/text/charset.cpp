// ConvertToUtf8: label -> ICU converter, with the cross-checks described in
// charset.h. Converters are cached per thread (ucnv_open costs microseconds
// and loads tables; a converter is not thread-safe, so the cache is
// thread_local rather than shared).
#include "text/charset.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <unordered_map>

#include "core/utf8.h"
#include "text/detail/charset_labels.h"

namespace extortrace::text {
namespace {

using detail::LabelInfo;
using detail::LabelKind;

struct ConverterCache {
  std::unordered_map<std::string, UConverter*> map;
  ~ConverterCache() {
    for (auto& [name, conv] : map) ucnv_close(conv);
  }
  // Returns a reset converter for `icu_name`, or nullptr if ICU has none.
  UConverter* Get(const std::string& icu_name) {
    auto it = map.find(icu_name);
    if (it != map.end()) {
      if (it->second) ucnv_reset(it->second);
      return it->second;
    }
    if (map.size() >= 64) {  // labels come from hostile input: bound the cache
      for (auto& [name, conv] : map) ucnv_close(conv);
      map.clear();
    }
    UErrorCode status = U_ZERO_ERROR;
    UConverter* conv = ucnv_open(icu_name.c_str(), &status);
    if (U_FAILURE(status)) conv = nullptr;
    map.emplace(icu_name, conv);
    return conv;
  }
};

ConverterCache& Cache() {
  thread_local ConverterCache cache;
  return cache;
}

struct Decoded {
  std::string text;
  size_t bad = 0;  // U+FFFD / U+001A substitutions the converter produced
  bool ok = false;
};

// Up to this many UTF-16 units, the UTF-8 text is written in one pass into a
// buffer sized for the worst case; longer texts are measured first.
constexpr size_t kOnePassUnits = size_t{256} << 10;

// Decodes with ICU's default substitution callback, counting substitutions.
Decoded Decode(std::string_view bytes, const std::string& icu_name) {
  Decoded d;
  UConverter* conv = Cache().Get(icu_name);
  if (!conv) return d;
  std::u16string u16;
  u16.reserve(bytes.size() + 16);
  char16_t buf[4096];
  const char* src = bytes.data();
  const char* src_end = src + bytes.size();
  size_t input_subs = 0;  // legitimate U+001A / U+FFFD already present in input
  for (char c : bytes) input_subs += (c == 0x1A);
  for (;;) {
    UChar* tgt = reinterpret_cast<UChar*>(buf);
    UErrorCode status = U_ZERO_ERROR;
    ucnv_toUnicode(conv, &tgt, reinterpret_cast<UChar*>(buf) + std::size(buf), &src, src_end,
                   nullptr, /*flush=*/true, &status);
    u16.append(buf, static_cast<size_t>(reinterpret_cast<char16_t*>(tgt) - buf));
    if (status == U_BUFFER_OVERFLOW_ERROR) continue;
    if (U_FAILURE(status)) return d;
    break;
  }
  for (char16_t c : u16) d.bad += (c == 0xFFFD || c == 0x1A);
  d.bad -= std::min(d.bad, input_subs);
  int32_t len = 0;
  int32_t subs = 0;
  UErrorCode status = U_ZERO_ERROR;
  const auto* src16 = reinterpret_cast<const UChar*>(u16.data());
  const auto len16 = static_cast<int32_t>(u16.size());
  if (u16.size() <= kOnePassUnits) {
    // Room for the worst case (three bytes per UTF-16 unit), one pass.
    d.text.resize(u16.size() * 3);
    u_strToUTF8WithSub(d.text.data(), static_cast<int32_t>(d.text.size()), &len, src16, len16,
                       0xFFFD, &subs, &status);
    if (U_FAILURE(status)) {
      d.text.clear();
      return d;
    }
  } else {
    // Preflight for the exact UTF-8 size (bounds memory on large parts).
    u_strToUTF8WithSub(nullptr, 0, &len, src16, len16, 0xFFFD, &subs, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return d;
    d.text.resize(static_cast<size_t>(len));
    status = U_ZERO_ERROR;
    u_strToUTF8WithSub(d.text.data(), len, &len, src16, len16, 0xFFFD, &subs, &status);
    if (U_FAILURE(status)) return d;
  }
  d.text.resize(static_cast<size_t>(len));
  d.bad += static_cast<size_t>(subs);
  d.ok = true;
  return d;
}

bool HasIso2022JpEscape(std::string_view s) {
  for (size_t i = s.find('\x1B'); i != std::string_view::npos && i + 2 < s.size();
       i = s.find('\x1B', i + 1)) {
    // ESC $ @, ESC $ B, ESC ( J, ESC ( I, ESC $ ( D (JIS X 0212)
    if ((s[i + 1] == '$' && (s[i + 2] == '@' || s[i + 2] == 'B' || s[i + 2] == '(')) ||
        (s[i + 1] == '(' && (s[i + 2] == 'J' || s[i + 2] == 'I'))) {
      return true;
    }
  }
  return false;
}

constexpr uint64_t kHighBits = 0x8080808080808080;

uint64_t Load8(const char* p) {
  uint64_t x;
  std::memcpy(&x, p, 8);
  return x;
}

size_t CountNonAscii(std::string_view s) {
  size_t n = 0, i = 0;
  // The high bits moved to the low bit of each byte and summed into the top
  // byte by the multiplication (at most 8: no carry between bytes).
  for (; i + 8 <= s.size(); i += 8) {
    n += static_cast<size_t>((((Load8(s.data() + i) & kHighBits) >> 7) * 0x0101010101010101) >> 56);
  }
  for (; i < s.size(); ++i) n += (static_cast<unsigned char>(s[i]) >= 0x80);
  return n;
}

// Errors weigh 4; each half-width katakana (U+FF61..U+FF9F, EF BD A1 ..
// EF BE 9F in UTF-8) weighs 1: genuine mail rarely uses them, mis-decoded
// EUC-JP is full of them.
size_t JapanesePenalty(const Decoded& d) {
  size_t kana = 0;
  const std::string& t = d.text;
  for (size_t i = 0; i + 2 < t.size(); ++i) {
    if (t[i] != '\xEF') continue;
    unsigned char b1 = static_cast<unsigned char>(t[i + 1]);
    unsigned char b2 = static_cast<unsigned char>(t[i + 2]);
    kana += (b1 == 0xBD && b2 >= 0xA1) || (b1 == 0xBE && b2 <= 0x9F);
  }
  return d.bad * 4 + kana;
}

Utf8Conversion Make(Decoded d, std::string charset, bool mismatch) {
  Utf8Conversion out;
  out.lossy = d.bad > 0;
  out.text = std::move(d.text);
  out.charset_used = std::move(charset);
  out.label_mismatch = mismatch;
  return out;
}

// `owned`, when not null, holds `bytes` and may be moved from.
Utf8Conversion AsUtf8(std::string_view bytes, bool mismatch, std::string* owned) {
  Utf8Conversion out;
  if (owned) {
    out.text = std::move(*owned);
  } else {
    out.text.assign(bytes);
  }
  out.charset_used = "UTF-8";
  out.label_mismatch = mismatch;
  return out;
}

// ICU's detector reads every byte it is given through some thirty n-gram
// recognisers; a few kilobytes around the first 8-bit byte carry all the
// evidence there is (ASCII is the same in every candidate), so it gets at
// most kDetectionBytes starting a little before that byte.
constexpr size_t kDetectionBytes = 1024;

std::string_view DetectionSample(std::string_view bytes) {
  if (bytes.size() <= kDetectionBytes) return bytes;
  size_t first = 0;
  while (first < bytes.size() && static_cast<unsigned char>(bytes[first]) < 0x80) ++first;
  size_t start = first > 256 ? first - 256 : 0;
  // Start on a line so that no multi-byte sequence is cut in half.
  size_t nl = bytes.rfind('\n', start);
  start = nl == std::string_view::npos ? 0 : nl + 1;
  return bytes.substr(start, kDetectionBytes);
}

// ICU's detector; returns its best guess whose decode is cleanest, or
// windows-1252 (which maps every byte) when detection fails.
// ICU's detector, opened once per thread (ucsdet_open allocates a match for
// every recognizer); ucsdet_setText starts each detection afresh. Null if
// ICU cannot open one.
UCharsetDetector* Detector() {
  struct Holder {
    UCharsetDetector* det = nullptr;
    Holder() {
      UErrorCode status = U_ZERO_ERROR;
      det = ucsdet_open(&status);
      if (U_FAILURE(status)) {
        if (det) ucsdet_close(det);
        det = nullptr;
      }
    }
    ~Holder() {
      if (det) ucsdet_close(det);
    }
  };
  thread_local Holder holder;
  return holder.det;
}

Utf8Conversion Detect(std::string_view bytes, bool mismatch) {
  UErrorCode status = U_ZERO_ERROR;
  UCharsetDetector* det = Detector();
  Decoded best;
  std::string best_name;
  if (det) {
    std::string_view sample = DetectionSample(bytes);
    ucsdet_setText(det, sample.data(), static_cast<int32_t>(sample.size()), &status);
    int32_t n = 0;
    const UCharsetMatch** matches = ucsdet_detectAll(det, &n, &status);
    for (int32_t i = 0; U_SUCCESS(status) && i < n && i < 3; ++i) {
      UErrorCode s2 = U_ZERO_ERROR;
      const char* name = ucsdet_getName(matches[i], &s2);
      if (U_FAILURE(s2) || !name) continue;
      std::optional<LabelInfo> info = detail::LookupLabel(name);
      std::string icu = info ? info->icu : std::string(name);
      std::string canon = info ? info->canonical : std::string(name);
      Decoded d = Decode(bytes, icu);
      if (!d.ok) continue;
      if (best_name.empty() || d.bad < best.bad) {
        best = std::move(d);
        best_name = canon;
      }
      if (best.bad == 0) break;
    }
  }
  if (best_name.empty() || best.bad > 0) {
    Decoded d = Decode(bytes, "windows-1252");
    if (d.ok && (best_name.empty() || d.bad < best.bad)) {
      best = std::move(d);
      best_name = "windows-1252";
    }
  }
  if (best_name.empty()) {  // ICU data missing: never happens with libicu-data
    Utf8Conversion out;
    out.text = SanitizeUtf8(bytes);
    out.charset_used = "UTF-8";
    out.lossy = true;
    out.label_mismatch = mismatch;
    return out;
  }
  return Make(std::move(best), best_name, mismatch);
}

// `owned`, when not null, holds `bytes` and may be moved from.
Utf8Conversion ConvertClean(std::string_view bytes, std::string_view declared, std::string* owned) {
  std::optional<LabelInfo> label = detail::LookupLabel(declared);
  const bool has_label =
      !detail::TrimLabel(declared).empty() && !detail::IsPlaceholderLabel(declared);
  const size_t non_ascii = CountNonAscii(bytes);
  const bool esc_jp = non_ascii == 0 && HasIso2022JpEscape(bytes);

  // Fast path: pure ASCII under an ASCII-compatible (or no) label.
  if (non_ascii == 0 && !esc_jp && (!label || label->ascii_compatible)) {
    Utf8Conversion out;
    if (owned) {
      out.text = std::move(*owned);
    } else {
      out.text.assign(bytes);
    }
    out.charset_used = label && label->kind == LabelKind::kUtf8 ? "UTF-8" : "US-ASCII";
    return out;
  }
  // 7-bit text with ISO-2022-JP escapes: JIS whatever the label says.
  if (esc_jp && (!label || label->kind != LabelKind::kIso2022)) {
    return Make(Decode(bytes, "ISO-2022-JP-2"), "ISO-2022-JP", has_label);
  }
  if (label && label->kind == LabelKind::kUtf8) {
    if (IsValidUtf8(bytes)) return AsUtf8(bytes, false, owned);
    // Legacy bytes under a UTF-8 label: only believe detection if the bytes
    // are far from UTF-8 (a few bad bytes are just damage).
    Decoded d = Decode(bytes, "UTF-8");
    if (d.bad * 4 < non_ascii) return Make(std::move(d), "UTF-8", false);
    return Detect(bytes, true);
  }
  const bool valid_utf8 = non_ascii > 0 && IsValidUtf8(bytes);
  if (valid_utf8 &&
      (!label || label->kind == LabelKind::kSingleByte || label->kind == LabelKind::kAscii)) {
    return AsUtf8(bytes, has_label, owned);
  }
  if (!label) return Detect(bytes, false);
  if (label->kind == LabelKind::kAscii) return Detect(bytes, true);

  Decoded d = Decode(bytes, label->icu);
  if (!d.ok) return Detect(bytes, true);
  // Valid UTF-8 under a CJK label: short CJK byte strings can be valid UTF-8
  // by chance, long ones practically never.
  if (valid_utf8 && (d.bad > 0 || non_ascii >= 16)) return AsUtf8(bytes, true, owned);

  // Japanese labels are swapped among themselves all the time, and EUC-JP
  // bytes read as Shift_JIS decode "cleanly" into half-width katakana: pick
  // the Japanese charset with the fewest errors and stray half-width kana.
  if (label->japanese && (d.bad > 0 || JapanesePenalty(d) > 0)) {
    size_t best_penalty = JapanesePenalty(d);
    std::optional<Utf8Conversion> best;
    for (const char* alt : {"shift_jis", "euc-jp"}) {
      std::optional<LabelInfo> a = detail::LookupLabel(alt);
      if (!a || a->icu == label->icu) continue;
      Decoded other = Decode(bytes, a->icu);
      size_t penalty = JapanesePenalty(other);
      if (other.ok && penalty * 2 < best_penalty) {
        best_penalty = penalty;
        best = Make(std::move(other), a->canonical, true);
      }
    }
    if (best) return *std::move(best);
    return Make(std::move(d), label->canonical, false);
  }
  if (d.bad == 0) return Make(std::move(d), label->canonical, false);
  // A few unmappable bytes in a long text are damage, not a wrong label.
  if (d.bad * 50 < non_ascii) return Make(std::move(d), label->canonical, false);
  Utf8Conversion detected = Detect(bytes, true);
  if (detected.lossy || detected.charset_used == label->canonical) {
    return Make(std::move(d), label->canonical, false);
  }
  return detected;
}

}  // namespace

namespace {

// ConvertToUtf8 for bytes held in `*owned` when it is not null.
Utf8Conversion Convert(std::string_view bytes, std::string_view declared, std::string* owned) {
  if (bytes.find('\0') == std::string_view::npos) return ConvertClean(bytes, declared, owned);
  // NUL bytes are never text in mail (except in UTF-16/32, which mail
  // does not use for bodies); they only break C-string consumers.
  std::optional<LabelInfo> label = detail::LookupLabel(declared);
  if (label && label->kind == LabelKind::kWide) return ConvertClean(bytes, declared, owned);
  std::string clean;
  clean.reserve(bytes.size());
  for (char c : bytes) {
    if (c != '\0') clean.push_back(c);
  }
  return ConvertClean(clean, declared, &clean);
}

}  // namespace

Utf8Conversion ConvertToUtf8(std::string_view bytes, std::string_view declared) {
  return Convert(bytes, declared, nullptr);
}

Utf8Conversion ConvertOwnedToUtf8(std::string bytes, std::string_view declared) {
  return Convert(bytes, declared, &bytes);
}

}  // namespace extortrace::text
