// Signals of an extortion letter that no lexicon has to know: for letters in
// a language nobody wrote a lexicon for. Loanwords that travel across
// languages unchanged or transliterated (bitcoin, video, porn, trojan,
// hacker, webcam), a number that reads as a deadline (24, 48, 72 followed by
// a word), and the absence of links (letters ask for a transfer; phishing,
// newsletters, receipts and donation pages carry links).
//
// Works on the folded text. Pure; linear in the text.
#pragma once

#include <string_view>

namespace extortrace::detect::detail {

struct Structure {
  int loanwords = 0;  // distinct loanword stems found
  bool deadline_number = false;
  bool links = false;  // "http", "www." anywhere
};

Structure ReadStructure(std::string_view folded);

}  // namespace extortrace::detect::detail
