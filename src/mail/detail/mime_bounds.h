// Bounds on the structure both MIME readers (mime_readers.h) are handed,
// enforced on the bytes before either reads them: GMime builds its whole
// object tree before the walk of mime_parser.cpp sees a part (about 2 KB a
// part, 150 bytes a header field), so a limit applied during the walk bounds
// nothing. Two linear looks at the message's boundary lines and header
// blocks (not the content between) find what is over a bound; only then is
// a bounded copy made. Mail within the bounds is handed on untouched, so
// both readers still see exactly what they saw before.
//
//   - Boundary lines ("--" and a boundary that a Content-Type declares, as
//     GMime tells them; when a declaration cannot be read for sure, every
//     line that starts with "--"): at most kMaxBoundaryLines are kept from
//     the start, the last kTailBoundaryLines with what follows them, and the
//     8 largest parts between; the other lines between, with their parts,
//     are dropped ("too-many-parts"). The last parts of a message padded
//     with parts are read, and a letter among thousands of empty parts.
//   - Header fields, in the message header and in every header block after a
//     boundary line or a message/* header: at most kMaxHeaderFields fields
//     and kMaxHeaderBytes bytes for the whole message; further fields are
//     dropped, except Content-* fields of at most 1 KB (a part's type and
//     boundary), of which each block keeps 8 ("too-many-headers").
//   - One field: continuation lines past kMaxFieldBytes are dropped
//     ("header-too-long").
//
// A header block is every line up to the first blank line or boundary
// line, as GMime reads it (it reads on past a line that is not a field).
// Content lines that start with "--" (signatures, diffs) are content, and
// never cut.
// Thread-safe (no state).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::mail::detail {

inline constexpr size_t kMaxBoundaryLines = 2048;
inline constexpr size_t kTailBoundaryLines = 8;
inline constexpr size_t kMaxHeaderFields = 5000;
inline constexpr size_t kMaxHeaderBytes = size_t{4} << 20;
inline constexpr size_t kMaxFieldBytes = size_t{64} << 10;

// The bounded copy of `raw`, or nullopt when `raw` is within the bounds.
// The anomalies named above are added to `*anomalies`.
std::optional<std::string> BoundStructure(std::string_view raw,
                                          std::vector<std::string>* anomalies);

}  // namespace extortrace::mail::detail
