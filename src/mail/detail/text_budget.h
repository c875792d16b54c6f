// How a text part over what is left of the text budget (message.h, Bounds)
// is brought within it, for AddTextLeaf (gmime_glue.h): padding squeezed
// first, so that it does not spend the budget, then the start and the end
// of what is left kept. Only parts over the budget are touched.
// Thread-safe (no state).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace extortrace::mail::detail {

// Runs of more than 64 blanks (space, tab, CR, LF, FF, VT) become "\n\n",
// "\n" or " " (after how many line breaks they hold); in HTML
// (`html`), every comment becomes "<!---->" (still splitting the words
// around it, as the comment did) and an unclosed one, hidden to its end,
// is dropped with the rest. Linear time.
std::string SqueezePadding(std::string_view text, bool html);

// `text` cut to at most `cap` bytes: its start, a line break, and its last
// part (a quarter of `cap`, at most 1 MB; between the two a line break, or
// for UTF-16 a space), cut at a line break (HTML: after
// a '>', before a '<') when one is within 4 KB. `unit` 2 keeps both cuts at
// even offsets (UTF-16 text); `utf8` keeps them on character boundaries.
std::string KeepStartAndEnd(std::string_view text, size_t cap, bool html, size_t unit, bool utf8);

// Brings the transfer-decoded bytes of a text part (its declared
// `charset`) within `cap`: squeezed, then cut, adding "text-padding" and
// "text-too-long" to `*anomalies` when either changed something. Bytes within
// `cap` are returned untouched.
std::string FitText(std::string bytes, size_t cap, bool html, std::string_view charset,
                    std::vector<std::string>* anomalies);

}  // namespace extortrace::mail::detail
