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

// `utf8` should be normalized visible text; `subject` helps on short bodies.
LanguageGuess DetectLanguage(std::string_view utf8, std::string_view subject = {});

}  // namespace extortrace::text
