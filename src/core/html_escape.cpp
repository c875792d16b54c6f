#include "core/html_escape.h"

#include "core/utf8.h"

namespace extortrace {
namespace {

bool IsControl(char32_t c) {
  return (c < 0x20 && c != '\t' && c != '\n') || c == 0x7F || (c >= 0x80 && c < 0xA0);
}

}  // namespace

bool IsBidiControl(char32_t c) {
  return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::string HtmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  size_t pos = 0;
  while (pos < s.size()) {
    char32_t c = Utf8Next(s, &pos);
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        if (IsControl(c) || IsBidiControl(c)) c = 0xFFFD;
        Utf8Append(c, &out);
    }
  }
  return out;
}

}  // namespace extortrace
