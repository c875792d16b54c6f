// Where the sender's letter ends: the text a mailing list, a forwarder or a
// replier appended is not the sender's, and its words must not vouch for the
// letter ("unsubscribe" under a list footer does not make a letter a
// newsletter).
//
// Works on the folded text (lowercase, diacritics stripped). Pure; never
// allocates beyond its result; linear in the text.
#pragma once

#include <cstdint>
#include <string_view>

namespace extortrace::detect::detail {

// Byte offset in `folded` where appended context starts, or folded.size()
// when there is none. Appended context begins at
//  - a separator line (five or more of _ - = * ~, or the "-- " signature
//    line) followed within 800 bytes by a mailing-list marker ("mailing
//    list", "listinfo", "unsubscribe", "you received this message because",
//    "list archive", ...), or
//  - a forwarding or reply marker line ("---- forwarded message", "begin
//    forwarded message", "---- original message", "on ... wrote:").
// Only markers after the first 200 bytes count: a letter does not start
// with its own footer.
uint32_t LetterEnd(std::string_view folded);

// True when the line holding `offset` starts with '>' (a quoted reply).
bool InQuotedLine(std::string_view folded, uint32_t offset);

}  // namespace extortrace::detect::detail
