// The one HTML escaper. Subjects, senders, addresses and every other string
// that comes from a message are attacker-controlled; the report writers and
// the live dashboard both pass them through HtmlEscape before they reach a
// page.
//
// All functions are pure and thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace extortrace {

// True for the Unicode bidirectional formatting characters (UAX #9 §2): the
// marks U+200E LRM, U+200F RLM and U+061C ALM, the embeddings and overrides
// U+202A..U+202E and the isolates U+2066..U+2069. In a subject they make text
// display in a misleading order ("invoice\u202Egpj.exe").
bool IsBidiControl(char32_t c);

// Text for HTML element content and quoted attribute values (also valid inside
// inline SVG): & < > " ' become character references; C0 controls other than
// tab and newline, DEL, C1 controls and the bidi controls above become U+FFFD,
// and so does each ill-formed UTF-8 byte.
std::string HtmlEscape(std::string_view s);

}  // namespace extortrace
