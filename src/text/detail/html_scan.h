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

// Appends `s` to `out`, collapsing whitespace runs to one space.
void AppendCollapsed(std::string_view s, std::string* out);

}  // namespace extortrace::text::detail
