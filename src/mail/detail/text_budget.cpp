#include "mail/detail/text_budget.h"

#include <algorithm>
#include <cstring>

#include "core/ascii.h"
#include "mail/detail/gmime_glue.h"

namespace extortrace::mail::detail {
namespace {

constexpr size_t kMaxBlankRun = 64;
constexpr size_t kCutWindow = 4096;
constexpr size_t kMaxEnd = size_t{1} << 20;

bool IsBlankByte(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

bool Continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

// Charsets whose blanks and line breaks are not single bytes.
bool WideCharset(std::string_view charset) {
  std::string lower = AsciiLowerCopy(charset);
  return lower.find("16") != std::string::npos || lower.find("32") != std::string::npos ||
         lower.find("ucs") != std::string::npos || lower.find("unicode") != std::string::npos;
}

}  // namespace

std::string SqueezePadding(std::string_view s, bool html) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  const size_t n = s.size();
  while (i < n) {
    // Copy up to the next byte that may start padding.
    size_t j = i;
    while (j < n && !IsBlankByte(s[j]) && !(html && s[j] == '<')) ++j;
    out.append(s.substr(i, j - i));
    i = j;
    if (i == n) break;
    if (s[i] == '<') {
      if (s.substr(i, 4) != "<!--") {
        out.push_back('<');
        ++i;
        continue;
      }
      // "<!-->" and "<!--->" close at once (HTML's abrupt closings).
      if (s.substr(i + 4, 1) == ">" || s.substr(i + 4, 2) == "->") {
        size_t len = s[i + 4] == '>' ? 5 : 6;
        out.append(s.substr(i, len));
        i += len;
        continue;
      }
      size_t end = s.find("--", i + 4);
      while (end != std::string_view::npos && s.substr(end, 3) != "-->" &&
             s.substr(end, 4) != "--!>") {
        end = s.find("--", end + 1);
      }
      out.append("<!---->");
      if (end == std::string_view::npos) break;  // hidden to the end
      i = end + (s[end + 2] == '>' ? 3 : 4);
      continue;
    }
    size_t k = i, breaks = 0;
    while (k < n && IsBlankByte(s[k])) breaks += s[k++] == '\n';
    if (k - i > kMaxBlankRun) {
      out.append(breaks >= 2 ? "\n\n" : breaks == 1 ? "\n" : " ");
    } else {
      out.append(s.substr(i, k - i));
    }
    i = k;
  }
  return out;
}

std::string KeepStartAndEnd(std::string_view s, size_t cap, bool html, size_t unit, bool utf8) {
  if (s.size() <= cap) return std::string(s);
  const size_t sep = unit == 2 ? 2 : 1;  // what goes between the two
  if (cap < 4 * sep) return std::string(s.substr(0, cap & ~(unit - 1)));
  const size_t end_len = std::min(cap / 4, kMaxEnd);
  size_t head = cap - end_len - sep;
  size_t tail = s.size() - end_len;
  // The start ends after a line break (HTML: after a tag) near the cut.
  const size_t floor = head > kCutWindow ? head - kCutWindow : 0;
  for (size_t p = head; p > floor; --p) {
    if (s[p - 1] == '\n' || (html && s[p - 1] == '>')) {
      head = p;
      break;
    }
  }
  // The end starts after a line break (HTML: at a tag) near the cut.
  const size_t ceiling = std::min(s.size(), tail + kCutWindow);
  for (size_t p = tail; p < ceiling; ++p) {
    if (html ? s[p] == '<' : s[p] == '\n') {
      tail = html ? p : p + 1;
      break;
    }
  }
  if (unit == 2) {
    head &= ~size_t{1};
    tail = std::min(s.size(), (tail + 1) & ~size_t{1});
  }
  if (utf8) {
    while (head > 0 && Continuation(s[head])) --head;
    while (tail < s.size() && Continuation(s[tail])) ++tail;
  }
  std::string out;
  out.reserve(head + 1 + (s.size() - tail));
  out.append(s.substr(0, head));
  // Two bytes that read as a space in either byte order (U+0020, U+2000).
  out.append(unit == 2 ? std::string_view("\0 ", 2) : std::string_view("\n"));
  out.append(s.substr(tail));
  return out;
}

std::string FitText(std::string bytes, size_t cap, bool html, std::string_view charset,
                    std::vector<std::string>* anomalies) {
  if (bytes.size() <= cap) return bytes;
  const bool wide = WideCharset(charset);
  if (!wide) {
    std::string squeezed = SqueezePadding(bytes, html);
    if (squeezed.size() < bytes.size()) {
      AddAnomaly(anomalies, "text-padding");
      bytes = std::move(squeezed);
    }
    if (bytes.size() <= cap) return bytes;
  }
  AddAnomaly(anomalies, "text-too-long");
  return KeepStartAndEnd(bytes, cap, html, wide ? 2 : 1, false);
}

}  // namespace extortrace::mail::detail
