// Language identification (CLD2). Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace extortrace::text {

struct LanguageGuess {
  std::string code;  // ISO 639-1 where one exists ("en", "ja", "zh", "pt"), "und" if unknown
  int percent = 0;   // share of the text in that language (0-100)
  bool reliable = false;
};

// `utf8` should be normalized visible text; `subject` helps on short bodies
// (it is prepended when the body is under 200 bytes). The first 1 KB is read
// first; when CLD2 finds it reliably (>= 90%) in one language that is the
// answer, otherwise the first 3 KB are read. Mixed-language mail is therefore
// named after its beginning. Returns "und" with percent 0 when CLD2 scored fewer than 16
// bytes of letters or found nothing. Invalid UTF-8 is tolerated (the valid
// prefix is used).
LanguageGuess DetectLanguage(std::string_view utf8, std::string_view subject = {});

}  // namespace extortrace::text
