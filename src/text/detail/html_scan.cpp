#include "text/detail/html_scan.h"

#include <cctype>
#include <cstdint>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "text/html_text.h"

namespace extortrace::text {
namespace detail {
namespace {

bool Alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
// std::isspace in the "C" locale (the process never changes it): ' ', \t \n \v \f \r.
inline bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool Digit(char c) { return c >= '0' && c <= '9'; }
inline bool HexDigit(char c) { return Digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f'); }
inline bool Alnum(char c) { return Digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'); }

bool NameIs(std::string_view name, std::string_view want) {
  if (name.size() != want.size()) return false;
  for (size_t i = 0; i < name.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(name[i])) != want[i]) return false;
  }
  return true;
}

bool NotNesting(std::string_view name) {
  for (std::string_view v : {"br",  "img",   "hr",    "meta",   "link",  "input", "area",    "base",
                             "col", "embed", "param", "source", "track", "wbr",   "p",       "li",
                             "td",  "th",    "tr",    "option", "dt",    "dd",    "!doctype"}) {
    if (NameIs(name, v)) return true;
  }
  return false;
}

}  // namespace

std::string_view TruncateUtf8(std::string_view s, size_t max) {
  if (s.size() <= max) return s;
  size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
  return s.substr(0, n);
}

size_t EstimateNestingDepth(std::string_view html) {
  size_t depth = 0;
  size_t max_depth = 0;
  size_t i = 0;
  while ((i = html.find('<', i)) != std::string_view::npos) {
    ++i;
    bool closing = i < html.size() && html[i] == '/';
    if (closing) ++i;
    size_t start = i;
    while (i < html.size() && (Alpha(html[i]) || std::isdigit(static_cast<unsigned char>(html[i]))))
      ++i;
    if (i == start) continue;
    std::string_view name = html.substr(start, i - start);
    if (NotNesting(name)) continue;
    size_t gt = html.find('>', i);
    bool self_closing = gt != std::string_view::npos && gt > 0 && html[gt - 1] == '/';
    if (closing) {
      if (depth > 0) --depth;
    } else if (!self_closing) {
      ++depth;
      if (depth > max_depth) max_depth = depth;
    }
  }
  return max_depth;
}

size_t CountCharacterReferences(std::string_view html) {
  size_t count = 0;
  size_t i = 0;
  while ((i = html.find('&', i)) != std::string_view::npos) {
    ++i;
    if (i >= html.size()) break;
    if (html[i] == '#') {
      size_t j = i + 1;
      if (j < html.size() && (html[j] == 'x' || html[j] == 'X')) ++j;
      if (j < html.size() && HexDigit(html[j])) ++count;
      continue;
    }
    size_t j = i;
    while (j < html.size() && j - i < 12 && Alnum(html[j])) ++j;
    if (j - i >= 2 && j < html.size() && html[j] == ';') ++count;
  }
  return count;
}

size_t SkipBlankLong(std::string_view s, size_t from, bool vertical_tab) {
  const size_t n = s.size();
  size_t i = from;
#if defined(__SSE2__)
  // Sixteen bytes at a time: ' ' or 0x09-0x0D (minus 0x0B without \v).
  const __m128i vt = vertical_tab ? _mm_set1_epi8(0x20) : _mm_set1_epi8(0x0B);
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
    // (c - 9) as unsigned < 5, through a signed compare after flipping the top bit.
    const __m128i shifted =
        _mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(9)), _mm_set1_epi8(static_cast<char>(0x80)));
    const __m128i ctl = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x85)));
    const __m128i blank = _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x20)),
                                       _mm_andnot_si128(_mm_cmpeq_epi8(v, vt), ctl));
    const unsigned mask = static_cast<unsigned>(_mm_movemask_epi8(blank));
    if (mask != 0xFFFF) return i + static_cast<size_t>(__builtin_ctz(~mask));
    i += 16;
  }
#endif
  for (; i < n; ++i) {
    const char c = s[i];
    if (!(Space(c) && (vertical_tab || c != '\v'))) return i;
  }
  return n;
}

char* CollapseInto(std::string_view s, char* base, char* o, bool* pending, char guard) {
  bool p = *pending;
  const char* in = s.data();
  const size_t n = s.size();
  size_t i = 0;
  auto one = [&](char c) {
    if (Space(c)) {
      p = true;
      return;
    }
    if (p && o != base && o[-1] != guard) *o++ = ' ';
    p = false;
    *o++ = c;
  };
#if defined(__SSE2__)
  // A chunk that starts and ends with a non-blank byte and whose blanks are
  // single ' ' comes out unchanged (words never hold a blank, so the byte
  // before each such ' ' is a word byte): copied sixteen bytes at a time.
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(in + i));
    const __m128i shifted =
        _mm_xor_si128(_mm_sub_epi8(v, _mm_set1_epi8(9)), _mm_set1_epi8(static_cast<char>(0x80)));
    const __m128i ctl = _mm_cmplt_epi8(shifted, _mm_set1_epi8(static_cast<char>(0x85)));
    const unsigned sp =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(' '))));
    const unsigned other = static_cast<unsigned>(_mm_movemask_epi8(ctl));
    if (!p && other == 0 && (sp & 0x8001u) == 0 && (sp & (sp >> 1)) == 0) {
      _mm_storeu_si128(reinterpret_cast<__m128i*>(o), v);
      o += 16;
      i += 16;
      continue;
    }
    for (const size_t end = i + 16; i < end; ++i) one(in[i]);
  }
#endif
  for (; i < n; ++i) one(in[i]);
  *pending = p;
  return o;
}

void AppendCollapsed(std::string_view s, std::string* out) {
  // Written straight into storage sized for the worst case: every output
  // byte (a kept byte or the one space for a blank run) comes from an input
  // byte.
  const size_t old = out->size();
  out->resize(old + s.size());
  char* const base = out->data();
  bool space = false;
  char* o = CollapseInto(s, base, base + old, &space, ' ');
  if (space && o != base && o[-1] != ' ') *o++ = ' ';
  out->resize(static_cast<size_t>(o - base));
}

}  // namespace detail

namespace {

// Decodes one character reference starting at s[i] == '&'; returns the
// number of bytes consumed (0 if it is not one we know).
size_t DecodeReference(std::string_view s, size_t i, std::string* out) {
  static constexpr struct {
    std::string_view name;
    char32_t cp;
  } kNamed[] = {{"amp;", '&'},   {"lt;", '<'},    {"gt;", '>'},    {"quot;", '"'},
                {"apos;", '\''}, {"nbsp;", 0xA0}, {"copy;", 0xA9}, {"euro;", 0x20AC}};
  std::string_view rest = s.substr(i + 1);
  if (!rest.empty() && rest[0] == '#') {
    size_t j = 1;
    int base = 10;
    if (j < rest.size() && (rest[j] == 'x' || rest[j] == 'X')) {
      base = 16;
      ++j;
    }
    uint32_t cp = 0;
    size_t digits = 0;
    while (j < rest.size() && digits < 8 &&
           (base == 16 ? std::isxdigit(static_cast<unsigned char>(rest[j]))
                       : std::isdigit(static_cast<unsigned char>(rest[j])))) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(rest[j])));
      cp = cp * static_cast<uint32_t>(base) +
           static_cast<uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
      ++j;
      ++digits;
    }
    if (digits == 0) return 0;
    if (j < rest.size() && rest[j] == ';') ++j;
    Utf8Append(cp == 0 ? 0xFFFD : static_cast<char32_t>(cp), out);
    return j + 1;
  }
  for (const auto& n : kNamed) {
    if (rest.substr(0, n.name.size()) == n.name) {
      Utf8Append(n.cp, out);
      return n.name.size() + 1;
    }
  }
  return 0;
}

bool BreakingTag(std::string_view name) {
  for (std::string_view v : {"br", "p", "div", "li", "tr", "h1", "h2", "h3", "table", "hr"}) {
    if (detail::NameIs(name, v)) return true;
  }
  return false;
}

}  // namespace

std::string StripTagsFallback(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (c == '<' && i + 1 < s.size() &&
        (detail::Alpha(s[i + 1]) || s[i + 1] == '/' || s[i + 1] == '!')) {
      size_t gt = s.find('>', i + 1);
      // A '<' without a '>' in reach is text ("a < b"), not a tag.
      if (gt != std::string_view::npos && gt - i <= 2048) {
        size_t start = i + 1 + (s[i + 1] == '/' ? 1 : 0);
        size_t end = start;
        while (end < gt && detail::Alpha(s[end])) ++end;
        if (BreakingTag(s.substr(start, end - start))) out.push_back('\n');
        i = gt + 1;
        continue;
      }
    }
    if (c == '&') {
      size_t used = DecodeReference(s, i, &out);
      if (used > 0) {
        i += used;
        continue;
      }
    }
    // Up to the next byte that may start a tag or a reference.
    size_t j = i + 1;
    while (j < s.size() && s[j] != '<' && s[j] != '&') ++j;
    out.append(s.data() + i, j - i);
    i = j;
  }
  return out;
}

}  // namespace extortrace::text
