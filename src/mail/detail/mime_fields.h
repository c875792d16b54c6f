// The pieces of the fast MIME reader (mime_fast.cpp) that read header
// fields and multipart boundaries straight from the message bytes. Views
// point into the caller's buffer; nothing here allocates but the vectors.
// Functions that return false have called Decline() with the reason.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/ascii.h"

namespace extortrace::mail::detail {

// Records why the fast reader gives a message to GMime (readable through
// LastDeclineReason() in mime_readers.h) and returns false.
bool Decline(const char* why);
void ResetDecline();

// Index of the first TAB, CR or LF in `s` at or after `from`, npos if none.
size_t FindTabOrBreak(std::string_view s, size_t from);

// Header value as extortrace keeps it (both readers): line breaks removed,
// tabs turned into spaces, leading blanks and line breaks dropped.
std::string UnfoldValue(std::string_view raw);

namespace fields {

struct Field {
  std::string_view name;
  std::string_view raw;  // after the colon, folding included, final line break excluded
  bool mixed_endings;    // folded with both CR LF and bare LF line ends
  bool ends_crlf;        // its last line ends in CR LF (GMime's raw value keeps the CR)
};

// A line of `s` starting at `pos`: its text without the line break, and the
// offset just past the break (npos when the line has none).
struct Line {
  std::string_view text;
  size_t next;
};

Line LineAt(std::string_view s, size_t pos);
// The first occurrence of `needle` in `hay` at or after `from` (npos if
// none), as std::string_view::find but fast on mail, where the needle's
// first byte ("-", "o") is everywhere.
size_t Find(std::string_view hay, std::string_view needle, size_t from);
// No control bytes but TAB (8-bit bytes are allowed).
bool IsPrintableLine(std::string_view line);
bool IsBlank(std::string_view s);          // only spaces and tabs
bool IsBoundaryBlank(std::string_view s);  // spaces, tabs, CR (GMime's is_lwsp in a line)
// A folded value as GMime's parser hands it on: line breaks removed, the
// blanks that started each continuation line kept.
std::string JoinLines(std::string_view raw);
bool HasEncodedWord(std::string_view s);
std::string RTrim(std::string s);
// Blanks dropped at both ends, as GMime's reader trims a field value.
std::string Trim(std::string s);
// Every RFC 5322 comment "(...)" outside quoted strings is closed.
bool BalancedComments(std::string_view value);

// Reads the header block at the start of `s`; *body_offset is where the
// body starts. False when it has control bytes, a line that is neither a
// field nor a continuation, or does not end in a blank line.
bool ReadHeader(std::string_view s, std::vector<Field>* fields, size_t* body_offset);
// The single field called `name` (nullptr if none); false if it occurs twice.
bool FindUnique(const std::vector<Field>& fields, std::string_view name, const Field** out);
// GMime's unencoded-8bit-header anomaly: a field whose raw value is not UTF-8.
void Check8Bit(const std::vector<Field>& fields, std::vector<std::string>* anomalies);
bool IsContentField(std::string_view name);
// RFC 5322 §3.6 fields that may occur once (GMime's rfc5322_single_hdr).
bool IsSingleField(std::string_view name);
// Cuts a multipart body at its boundary lines ("--boundary" followed by
// blanks; a line with anything else after it is content, as for GMime).
// `body` lies inside `message` (a nested multipart ends where its parent's
// boundary starts, but its last boundary line goes on in the message). With
// no end boundary, a multipart that runs to the end of the message ends
// there (*truncated is set); false when it stops before, when no boundary
// line occurs, or when there are no parts.
bool SplitMultipart(std::string_view message, std::string_view body, std::string_view boundary,
                    std::vector<std::string_view>* parts, bool* truncated);

// The boundary parameters declared anywhere in `raw` ("boundary=" followed by
// a quoted string or a token): false when one begins with another, or when
// there are more than 64.
bool DistinctBoundaries(std::string_view raw);

// GMime's check_header_conflict: a field whose name was seen before with a
// different raw value is a conflicting header. `only` limits the check to
// names it accepts.
template <typename Pred>
bool HasConflict(const std::vector<Field>& fields, Pred only) {
  for (size_t i = 1; i < fields.size(); ++i) {
    if (!only(fields[i].name)) continue;
    for (size_t j = 0; j < i; ++j) {
      if (AsciiIEquals(fields[j].name, fields[i].name)) {
        if (fields[j].raw != fields[i].raw || fields[j].ends_crlf != fields[i].ends_crlf) {
          return true;
        }
        break;
      }
    }
  }
  return false;
}

}  // namespace fields
}  // namespace extortrace::mail::detail
