// Assembles the text a recipient sees: the subject, then each text body's
// visible text. In a multipart/alternative group one body is chosen: the HTML
// one, unless its visible text is much shorter than the plain one (HTML that
// only says "view this online"). Bodies outside alternatives all count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"

namespace extortrace::scan {

struct VisibleText {
  std::string text;                      // UTF-8; subject first
  std::string hidden;                    // text hidden by HTML tricks
  std::vector<std::string> obfuscation;  // "hidden-html", "html-entities", ...
};

VisibleText BuildVisibleText(const mail::ParsedMessage& m);

// Plain input (scan --text): valid UTF-8 is kept, anything else is converted
// with charset detection.
std::string SanitizeUtf8Text(std::string_view bytes);

}  // namespace extortrace::scan
