#include "report/escape.h"

#include "core/utf8.h"

namespace extortrace::report {
namespace {

// East Asian Wide (W) and Fullwidth (F) ranges, coarse but covering the
// scripts extortion mail is written in (CJK, kana, hangul, fullwidth forms).
bool IsWide(char32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x1F900 && c <= 0x1F9FF) || (c >= 0x20000 && c <= 0x3FFFD);
}

bool IsZeroWidth(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0x2060 ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || IsBidiControl(c);
}

size_t Width(char32_t c) {
  if (IsZeroWidth(c)) return 0;
  return IsWide(c) ? 2 : 1;
}

}  // namespace

std::string CsvField(std::string_view s, bool numeric) {
  std::string v = SanitizeUtf8(s);
  if (!numeric && !v.empty() &&
      (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@' || v[0] == '\t' || v[0] == '\r')) {
    v.insert(v.begin(), '\'');
  }
  if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
  std::string out = "\"";
  for (char ch : v) {
    if (ch == '"') out += '"';
    out += ch;
  }
  out += '"';
  return out;
}

size_t DisplayWidth(std::string_view s) {
  size_t w = 0, pos = 0;
  while (pos < s.size()) w += Width(Utf8Next(s, &pos));
  return w;
}

std::string FitWidth(std::string_view s, size_t width) {
  std::string clean;
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = Utf8Next(s, &pos);
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || IsBidiControl(c)) c = ' ';
    Utf8Append(c, &clean);
  }
  if (DisplayWidth(clean) <= width) return clean;
  if (width == 0) return {};
  std::string out;
  size_t used = 0;
  pos = 0;
  while (pos < clean.size()) {
    size_t start = pos;
    size_t w = Width(Utf8Next(clean, &pos));
    if (used + w > width - 1) break;
    used += w;
    out.append(clean, start, pos - start);
  }
  out += "\u2026";
  return out;
}

}  // namespace extortrace::report
