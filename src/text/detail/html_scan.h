// Byte-level scans of raw HTML used around the gumbo parse (internal).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace extortrace::text::detail {

// Deeper documents skip gumbo (its tree destruction recurses per level).
constexpr size_t kMaxNestingDepth = 2000;

// Cuts `s` to at most `max` bytes without splitting a UTF-8 sequence.
std::string_view TruncateUtf8(std::string_view s, size_t max);

// Upper-bound estimate of element nesting: open tags minus close tags,
// ignoring void and auto-closing elements (p, li, td ...).
size_t EstimateNestingDepth(std::string_view html);

// Number of character references ("&#72;", "&#x48;", "&amp;") in raw HTML.
size_t CountCharacterReferences(std::string_view html);

// Index of the first byte of `s` at or after `from` that is not blank (or
// s.size()): blank is std::isspace in the C locale (' ', \t \n \v \f \r),
// or with `vertical_tab` false the HTML whitespace set (without \v).
size_t SkipBlankLong(std::string_view s, size_t from, bool vertical_tab);
inline size_t SkipBlank(std::string_view s, size_t from, bool vertical_tab) {
  // Most text starts with a non-blank byte: no call then.
  if (from < s.size()) {
    const char c = s[from];
    if (c != ' ' && (c < '\t' || c > '\r' || (c == '\v' && !vertical_tab))) return from;
  }
  return SkipBlankLong(s, from, vertical_tab);
}

// Copies `s` to `o`, a blank run becoming one space written before the next
// word when `*pending` (a blank was seen) and `o` is past `base` and not
// after `guard`; returns the new end. `o` needs room for s.size() bytes.
char* CollapseInto(std::string_view s, char* base, char* o, bool* pending, char guard);

// Appends `s` to `out`, collapsing whitespace runs to one space.
void AppendCollapsed(std::string_view s, std::string* out);

}  // namespace extortrace::text::detail
