#include "text/detail/html_tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "text/detail/html_entities.h"

namespace extortrace::text::detail {
namespace {

inline bool Alpha(char c) { return static_cast<unsigned char>((c | 0x20) - 'a') < 26; }

// Byte classes for the tag scanner.
enum : uint8_t {
  kWs = 1,        // tokenizer whitespace (CR counts: the input stream turns it into LF)
  kNameEnd = 2,   // ends a tag name: whitespace, '/', '>'
  kAttrEnd = 4,   // ends an attribute name: whitespace, '/', '>', '='
  kValueEnd = 8,  // ends an unquoted value: whitespace, '>'
};
constexpr auto kClass = [] {
  std::array<uint8_t, 256> t{};
  for (char c : {' ', '\t', '\n', '\f', '\r'}) {
    t[static_cast<unsigned char>(c)] = kWs | kNameEnd | kAttrEnd | kValueEnd;
  }
  t['/'] = kNameEnd | kAttrEnd;
  t['>'] = kNameEnd | kAttrEnd | kValueEnd;
  t['='] = kAttrEnd;
  return t;
}();
inline bool Is(char c, uint8_t cls) { return (kClass[static_cast<unsigned char>(c)] & cls) != 0; }
inline bool Ws(char c) { return Is(c, kWs); }

// The first index from `i` whose byte is in class `cls`, or `n`. Every
// class byte is <= '>' (0x3E): sixteen bytes at a time, only those bytes
// (letters never are) looked up.
inline size_t ScanTo(const char* s, size_t i, size_t n, uint8_t cls) {
#if defined(__SSE2__)
  while (i + 16 <= n) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    unsigned m = static_cast<unsigned>(_mm_movemask_epi8(
        _mm_cmpeq_epi8(_mm_subs_epu8(v, _mm_set1_epi8('>')), _mm_setzero_si128())));
    while (m != 0) {
      const size_t k = i + static_cast<size_t>(__builtin_ctz(m));
      if (Is(s[k], cls)) return k;
      m &= m - 1;
    }
    i += 16;
  }
#endif
  while (i < n && !Is(s[i], cls)) ++i;
  return i;
}
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

bool EqualsLower(std::string_view name, const char* want, size_t n) {
  if (name.size() != n) return false;
  for (size_t i = 0; i < n; ++i) {
    if (Lower(name[i]) != want[i]) return false;
  }
  return true;
}

// Every GumboTag by its lowercased name, in an open-addressing table.
class TagIndex {
 public:
  TagIndex() {
    for (int t = 0; t < GUMBO_TAG_UNKNOWN; ++t) {
      std::string_view name = gumbo_normalized_tagname(static_cast<GumboTag>(t));
      if (name.empty() || name.size() > kMaxLen) continue;
      Slot s{};
      const uint32_t h = Pack(name, s.name);
      s.len = static_cast<uint8_t>(name.size());
      s.tag = static_cast<uint8_t>(t);
      size_t k = h & kMask;
      while (slots_[k].len != 0) k = (k + 1) & kMask;
      slots_[k] = s;
    }
  }
  GumboTag Find(std::string_view name) const {
    if (name.empty() || name.size() > kMaxLen) {
      return gumbo_tagn_enum(name.data(), static_cast<unsigned>(name.size()));
    }
    uint64_t low[2];
    Pack(name, low);
    return Probe(low[0], low[1], name.size());
  }
  // Find for a name (1..kMaxLen bytes) followed by enough readable bytes
  // to load 16 from its start: two loads, masked and lowercased eight
  // bytes at a time.
  GumboTag FindPadded(const char* p, size_t len) const {
    uint64_t lo, hi;
    std::memcpy(&lo, p, 8);
    std::memcpy(&hi, p + 8, 8);
    if (len < 8) {
      lo &= (uint64_t{1} << (8 * len)) - 1;
      hi = 0;
    } else if (len == 8) {
      hi = 0;
    } else if (len < 16) {
      hi &= (uint64_t{1} << (8 * (len - 8))) - 1;
    }
    return Probe(LowerWord(lo), LowerWord(hi), len);
  }

 private:
  static constexpr size_t kMaxLen = 16;  // gumbo's longest name has 14 characters
  static constexpr size_t kSize = 512;
  static constexpr size_t kMask = kSize - 1;
  struct Slot {
    uint64_t name[2];  // lowercased, zero-padded, little-endian as Pack makes it
    uint8_t len;
    uint8_t tag;
  };
  GumboTag Probe(uint64_t lo, uint64_t hi, size_t len) const {
    for (size_t k = Hash(lo, hi) & kMask; slots_[k].len != 0; k = (k + 1) & kMask) {
      const Slot& s = slots_[k];
      if (s.len == len && s.name[0] == lo && s.name[1] == hi) {
        return static_cast<GumboTag>(s.tag);
      }
    }
    return GUMBO_TAG_UNKNOWN;  // gumbo matches names case-insensitively, nothing else
  }
  // Multiplicative hash of the packed bytes: one multiply, not one a byte.
  static uint32_t Hash(uint64_t lo, uint64_t hi) {
    return static_cast<uint32_t>(((lo ^ (hi * 31)) * 0x9E3779B97F4A7C15u) >> 40);
  }
  // Lower() on each byte of `w` (bytes >= 0x80 unchanged).
  static uint64_t LowerWord(uint64_t w) {
    constexpr uint64_t kOnes = 0x0101010101010101u;
    const uint64_t h7 = w & (kOnes * 0x7F);
    const uint64_t ge_a = h7 + kOnes * (0x80 - 'A');      // high bit: byte >= 'A'
    const uint64_t gt_z = h7 + kOnes * (0x80 - 'Z' - 1);  // high bit: byte > 'Z'
    const uint64_t upper = ge_a & ~gt_z & ~w & (kOnes * 0x80);
    return w | (upper >> 2);
  }
  // Lowercases `name` (at most kMaxLen bytes) into zero-padded `out`;
  // returns its hash.
  static uint32_t Pack(std::string_view name, uint64_t out[2]) {
    // Built in registers: byte stores read back as words would stall on
    // store forwarding.
    uint64_t lo = 0, hi = 0;
    const size_t n = name.size();
    for (size_t i = 0; i < n && i < 8; ++i) {
      lo |= uint64_t{static_cast<unsigned char>(Lower(name[i]))} << (8 * i);
    }
    for (size_t i = 8; i < n; ++i) {
      hi |= uint64_t{static_cast<unsigned char>(Lower(name[i]))} << (8 * (i - 8));
    }
    out[0] = lo;
    out[1] = hi;
    return Hash(lo, hi);
  }
  std::array<Slot, kSize> slots_{};
};
static_assert(GUMBO_TAG_UNKNOWN < 256);

const TagIndex kIndex;  // built at load: no guard check per lookup

}  // namespace

GumboTag LookupTag(std::string_view name) { return kIndex.Find(name); }

GumboTag LookupTagPadded(const char* p, size_t len) {
  if (len == 0 || len > 16) return LookupTag(std::string_view(p, len));
  return kIndex.FindPadded(p, len);
}

void HtmlTokenizer::Next(HtmlToken* t) {
  const size_t n = s_.size();
  if (pos_ >= n) {
    t->kind = HtmlToken::kEof;
    return;
  }
  size_t start = pos_;
  size_t i = pos_;
  while (true) {
    if (s_[i] != '<') {  // markup often follows markup: no call then
      const void* lt = std::memchr(s_.data() + i, '<', n - i);
      if (!lt) {
        i = n;
        break;
      }
      i = static_cast<size_t>(static_cast<const char*>(lt) - s_.data());
    }
    if (i + 1 >= n) {
      i = n;  // a final '<' is text
      break;
    }
    char c = s_[i + 1];
    if (Alpha(c) || c == '!' || c == '?') break;
    if (c == '/') {
      if (i + 2 >= n) {
        i = n;  // "</" at the end is text
        break;
      }
      break;
    }
    ++i;  // '<' followed by anything else is text
  }
  if (i > start) {
    t->kind = HtmlToken::kText;
    t->text = s_.substr(start, i - start);
    pos_ = i;
    return;
  }
  // s_[i] == '<' starting markup.
  char c = s_[i + 1];
  if (Alpha(c)) {
    pos_ = i + 1;
    Tag(t, false);
    return;
  }
  if (c == '/') {
    char d = s_[i + 2];
    if (Alpha(d)) {
      pos_ = i + 2;
      Tag(t, true);
      return;
    }
    if (d == '>') {  // "</>" is dropped
      pos_ = i + 3;
      t->kind = HtmlToken::kComment;
      t->text = {};
      t->name = "</>";
      return;
    }
    BogusComment(t, i + 2);
    return;
  }
  if (c == '?') {
    BogusComment(t, i + 1);
    return;
  }
  // "<!"
  std::string_view rest = s_.substr(i + 2);
  if (rest.starts_with("--")) {
    pos_ = i + 4;
    Comment(t);
    return;
  }
  if (rest.size() >= 7 && EqualsLower(rest.substr(0, 7), "doctype", 7)) {
    size_t gt = s_.find('>', i + 9);
    t->kind = HtmlToken::kDoctype;
    t->text = s_.substr(i + 9, gt == std::string_view::npos ? std::string_view::npos : gt - i - 9);
    pos_ = gt == std::string_view::npos ? n : gt + 1;
    return;
  }
  BogusComment(t, i + 2);
}

void HtmlTokenizer::BogusComment(HtmlToken* t, size_t from) {
  size_t gt = s_.find('>', from);
  t->kind = HtmlToken::kComment;
  t->name = {};
  t->text = s_.substr(from, gt == std::string_view::npos ? std::string_view::npos : gt - from);
  pos_ = gt == std::string_view::npos ? s_.size() : gt + 1;
}

void HtmlTokenizer::Comment(HtmlToken* t) {
  // pos_ is just after "<!--".
  const size_t n = s_.size();
  t->kind = HtmlToken::kComment;
  t->name = {};
  size_t start = pos_;
  if (start < n && s_[start] == '>') {  // "<!-->"
    pos_ = start + 1;
    t->text = {};
    return;
  }
  if (start + 1 < n && s_[start] == '-' && s_[start + 1] == '>') {  // "<!--->"
    pos_ = start + 2;
    t->text = {};
    return;
  }
  size_t i = start;
  while (true) {
    size_t dash = s_.find("--", i);
    if (dash == std::string_view::npos) {
      t->text = s_.substr(start);
      pos_ = n;
      return;
    }
    size_t j = dash + 2;
    while (j < n && s_[j] == '-') ++j;  // "--->" ends too
    if (j < n && s_[j] == '>') {
      t->text = s_.substr(start, dash - start);
      pos_ = j + 1;
      return;
    }
    if (j + 1 < n && s_[j] == '!' && s_[j + 1] == '>') {
      t->text = s_.substr(start, dash - start);
      pos_ = j + 2;
      return;
    }
    i = j;
  }
}

void HtmlTokenizer::Tag(HtmlToken* t, bool end) {
  // pos_ is at the first letter of the name.
  const size_t n = s_.size();
  size_t i = pos_;
  i = ScanTo(s_.data(), i, n, kNameEnd);
  t->kind = end ? HtmlToken::kEndTag : HtmlToken::kStartTag;
  t->name = s_.substr(pos_, i - pos_);
  t->tag = pos_ + 16 <= n ? LookupTagPadded(s_.data() + pos_, i - pos_) : LookupTag(t->name);
  t->self_closing = false;
  if (t->has_attrs) {  // most tags have none of the kept attributes: skip the clearing
    t->attrs = ElementAttrs{};
    t->type = AttrValue{};
    t->has_attrs = false;
  }
  unsigned used = 0;
  while (true) {
    while (i < n && (Ws(s_[i]) || s_[i] == '/')) {
      if (s_[i] == '/' && i + 1 < n && s_[i + 1] == '>') t->self_closing = true;
      ++i;
    }
    if (i >= n) {  // EOF in a tag: the tag is dropped
      t->kind = HtmlToken::kEof;
      pos_ = n;
      return;
    }
    if (s_[i] == '>') {
      pos_ = i + 1;
      return;
    }
    t->self_closing = false;
    size_t name_start = i;
    ++i;  // the first character may be '='
    i = ScanTo(s_.data(), i, n, kAttrEnd);
    std::string_view name = s_.substr(name_start, i - name_start);
    while (i < n && Ws(s_[i])) ++i;
    std::string_view value;
    bool has_value = false;
    if (i < n && s_[i] == '=') {
      ++i;
      while (i < n && Ws(s_[i])) ++i;
      if (i >= n) continue;  // EOF
      has_value = true;
      if (s_[i] == '"' || s_[i] == '\'') {
        char q = s_[i];
        // Most values are short (a loop beats memchr's call); style and
        // href values are not.
        size_t close = i + 1;
#if defined(__SSE2__)
        if (close + 16 <= n) {  // the first sixteen bytes in one compare
          const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s_.data() + close));
          const unsigned m =
              static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(q))));
          if (m != 0) {
            close += static_cast<size_t>(__builtin_ctz(m));
          } else {
            close += 16;
            const void* found = std::memchr(s_.data() + close, q, n - close);
            close = found ? static_cast<size_t>(static_cast<const char*>(found) - s_.data()) : n;
          }
        } else {
          while (close < n && s_[close] != q) ++close;
        }
#else
        const size_t short_end = std::min(n, i + 17);
        while (close < short_end && s_[close] != q) ++close;
        if (close == short_end && close < n) {
          const void* found = std::memchr(s_.data() + close, q, n - close);
          close = found ? static_cast<size_t>(static_cast<const char*>(found) - s_.data()) : n;
        }
#endif
        if (close >= n) {
          i = n;
          continue;  // EOF inside the value
        }
        value = s_.substr(i + 1, close - i - 1);
        i = close + 1;
      } else if (s_[i] != '>') {
        size_t v = i;
        while (i < n && !Is(s_[i], kValueEnd)) ++i;
        value = s_.substr(v, i - v);
      }
    }
    if (end) continue;
    AttrValue* slot = nullptr;
    ElementAttrs& a = t->attrs;
    switch (name.size()) {
      case 2:
        if (EqualsLower(name, "id", 2)) slot = &a.id;
        break;
      case 3:
        if (EqualsLower(name, "src", 3)) slot = &a.src;
        break;
      case 4:
        if (EqualsLower(name, "href", 4))
          slot = &a.href;
        else if (EqualsLower(name, "text", 4))
          slot = &a.text;
        else if (EqualsLower(name, "type", 4))
          slot = &t->type;
        break;
      case 5:
        if (EqualsLower(name, "style", 5))
          slot = &a.style;
        else if (EqualsLower(name, "class", 5))
          slot = &a.cls;
        else if (EqualsLower(name, "color", 5))
          slot = &a.color;
        break;
      case 6:
        if (EqualsLower(name, "hidden", 6)) slot = &a.hidden;
        break;
      case 7:
        if (EqualsLower(name, "bgcolor", 7)) slot = &a.bgcolor;
        break;
      default:
        break;
    }
    if (!slot || slot->present) continue;  // the first of duplicate attributes wins
    slot->present = true;
    t->has_attrs = true;
    bool amp = false, cr = false;
    if (has_value && used + 1 < decoded_.size() && !value.empty()) {
      amp = std::memchr(value.data(), '&', value.size()) != nullptr;
      cr = std::memchr(value.data(), '\r', value.size()) != nullptr;
    }
    if (amp || cr) {
      std::string& buf = decoded_[used++];
      buf.clear();
      if (cr) {
        // The input stream turns CR LF and lone CR into LF.
        std::string& crlf = decoded_.back();
        crlf.clear();
        for (size_t k = 0; k < value.size(); ++k) {
          if (value[k] != '\r') {
            crlf.push_back(value[k]);
          } else if (k + 1 >= value.size() || value[k + 1] != '\n') {
            crlf.push_back('\n');
          }
        }
        AppendDecoded(crlf, /*in_attribute=*/true, &buf);
      } else {
        AppendDecoded(value, /*in_attribute=*/true, &buf);
      }
      value = buf;
    }
    slot->value = value;
  }
}

std::string_view HtmlTokenizer::RawText(std::string_view name) {
  const size_t n = s_.size();
  size_t start = pos_;
  size_t i = pos_;
  while (true) {
    size_t lt = s_.find("</", i);
    if (lt == std::string_view::npos) {
      pos_ = n;
      return s_.substr(start);
    }
    size_t j = lt + 2;
    if (j + name.size() <= n && EqualsLower(s_.substr(j, name.size()), name.data(), name.size()) &&
        (j + name.size() == n || Ws(s_[j + name.size()]) || s_[j + name.size()] == '/' ||
         s_[j + name.size()] == '>')) {
      size_t gt = s_.find('>', j + name.size());
      pos_ = gt == std::string_view::npos ? n : gt + 1;
      return s_.substr(start, lt - start);
    }
    i = lt + 2;
  }
}

std::string_view HtmlTokenizer::Rest() {
  std::string_view r = s_.substr(pos_);
  pos_ = s_.size();
  return r;
}

}  // namespace extortrace::text::detail
