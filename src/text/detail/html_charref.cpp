// Character reference decoding (HTML tokenizer rules, as gumbo 0.10 applies
// them): longest named match from the WHATWG table, legacy names without
// ';', numeric references with the windows-1252 replacements for 0x80-0x9F.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>

#include "core/utf8.h"
#include "text/detail/html_entities.h"

namespace extortrace::text::detail {
namespace {

constexpr size_t kMaxNameLen = 32;       // longest name, ';' included
constexpr size_t kMaxLegacyNameLen = 6;  // longest name without ';'

bool IsAlnum(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

// Open-addressing hash index over kNamedEntities (built on first use).
class EntityIndex {
 public:
  EntityIndex() {
    slots_.fill(kEmpty);
    for (size_t i = 0; i < kNamedEntityCount; ++i) {
      const NamedEntity& e = kNamedEntities[i];
      size_t h = Hash(std::string_view(e.name, e.name_len)) & kMask;
      while (slots_[h] != kEmpty) h = (h + 1) & kMask;
      slots_[h] = static_cast<uint16_t>(i);
    }
  }
  const NamedEntity* Find(std::string_view name) const {
    size_t h = Hash(name) & kMask;
    for (uint16_t i; (i = slots_[h]) != kEmpty; h = (h + 1) & kMask) {
      const NamedEntity& e = kNamedEntities[i];
      if (e.name_len == name.size() && std::memcmp(e.name, name.data(), name.size()) == 0) {
        return &e;
      }
    }
    return nullptr;
  }

 private:
  static constexpr size_t kSize = 8192;  // > 3x the 2,231 names: short probe runs
  static constexpr size_t kMask = kSize - 1;
  static constexpr uint16_t kEmpty = 0xFFFF;
  static uint32_t Hash(std::string_view s) {
    uint32_t h = 2166136261u;  // FNV-1a
    for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
    return h ^ (h >> 15);
  }
  std::array<uint16_t, kSize> slots_;
};

const NamedEntity* FindNamed(std::string_view name) {
  static const EntityIndex index;
  return index.Find(name);
}

// windows-1252 meanings of numeric references 0x80-0x9F (0 = unchanged).
constexpr char16_t kC1[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                              0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                              0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                              0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

size_t DecodeNumeric(std::string_view s, std::string* out) {
  size_t i = 2;  // "&#"
  bool hex = false;
  if (i < s.size() && (s[i] == 'x' || s[i] == 'X')) {
    hex = true;
    ++i;
  }
  uint32_t cp = 0;
  bool overflow = false;
  size_t start = i;
  for (; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    int d;
    if (c >= '0' && c <= '9') {
      d = c - '0';
    } else if (hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f') {
      d = (c | 0x20) - 'a' + 10;
    } else {
      break;
    }
    cp = cp * (hex ? 16u : 10u) + static_cast<uint32_t>(d);
    if (cp > 0x10FFFF) overflow = true, cp = 0x110000;
  }
  if (i == start) return 0;  // "&#" or "&#x" without digits stays text
  if (i < s.size() && s[i] == ';') ++i;
  char32_t out_cp = cp;
  if (overflow || cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF)) {
    out_cp = 0xFFFD;
  } else if (cp >= 0x80 && cp <= 0x9F && kC1[cp - 0x80] != 0) {
    out_cp = kC1[cp - 0x80];
  }
  Utf8Append(out_cp, out);
  return i;
}

}  // namespace

size_t DecodeCharRef(std::string_view s, bool in_attribute, std::string* out) {
  if (s.size() < 2) return 0;
  if (s[1] == '#') return DecodeNumeric(s, out);
  size_t run = 1;
  while (run < s.size() && run - 1 < kMaxNameLen && IsAlnum(static_cast<unsigned char>(s[run])))
    ++run;
  size_t name_len = run - 1;
  if (name_len == 0) return 0;
  if (run < s.size() && s[run] == ';' && name_len + 1 <= kMaxNameLen) {
    if (const NamedEntity* e = FindNamed(s.substr(1, name_len + 1))) {
      out->append(e->utf8, e->utf8_len);
      return name_len + 2;
    }
  }
  for (size_t n = std::min(name_len, kMaxLegacyNameLen); n >= 2; --n) {
    const NamedEntity* e = FindNamed(s.substr(1, n));
    if (!e) continue;
    if (in_attribute && 1 + n < s.size() &&
        (s[1 + n] == '=' || IsAlnum(static_cast<unsigned char>(s[1 + n])))) {
      return 0;
    }
    out->append(e->utf8, e->utf8_len);
    return n + 1;
  }
  return 0;
}

void AppendDecoded(std::string_view s, bool in_attribute, std::string* out) {
  size_t i = 0;
  while (i < s.size()) {
    size_t amp = s.find('&', i);
    if (amp == std::string_view::npos) {
      out->append(s.substr(i));
      return;
    }
    out->append(s.substr(i, amp - i));
    size_t used = DecodeCharRef(s.substr(amp), in_attribute, out);
    if (used == 0) {
      out->push_back('&');
      i = amp + 1;
    } else {
      i = amp + used;
    }
  }
}

}  // namespace extortrace::text::detail
