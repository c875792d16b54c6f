// The two MIME readers behind ParseMessage (message.h).
//
// ParseFast reads well-formed mail straight from the bytes (no copies of the
// structure, no GObject tree; a leading mbox From_ line is dropped, as GMime's
// reader drops it) and declines, returning false, anything it is not sure to
// read exactly as GMime does: 8-bit or malformed header fields,
// missing or ambiguous boundaries, uuencode, message/* other than rfc822,
// multipart/digest, duplicated core headers, the part and depth limits.
// ParseWithGMime reads anything; it is the reference, and every message the
// fast reader accepts must come out identical from both
// (tests/mail/mime_differential_test.cpp checks the whole shared corpus).
//
// Both initialise GMime on first use. Both expect `m` freshly constructed (anomalies may already
// hold the header repair note and the bounds' anomalies) and work after the header repair of
// header_repair.h and the bounds of mime_bounds.h (ParseMessage applies both). Past the part
// and depth limits the fast reader declines; the GMime reader goes on without tree nodes and
// reads the last and the deepest text parts (message.h). Thread-safe.
#pragma once

#include <string_view>

#include "mail/message.h"

namespace extortrace::mail::detail {

bool ParseFast(std::string_view raw, ParsedMessage* m);
// Why the last ParseFast on this thread declined ("" if it did not).
const char* LastDeclineReason();
void ParseWithGMime(std::string_view raw, ParsedMessage* m);

}  // namespace extortrace::mail::detail
