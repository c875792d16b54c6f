#include "detect/detail/patterns.h"

#include <hs/hs.h>

#include "detect/lexicon.h"

namespace extortrace::detect::detail {

std::string Widen(std::string_view pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      if (pattern[i + 1] == 'w') {
        out += "[\\w\\x{80}-\\x{10FFFF}]";
      } else {
        out += pattern.substr(i, 2);
      }
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::vector<std::string> RuntimePatterns() {
  std::vector<std::string> out;
  for (const Lexicon& lex : AllLexicons()) {
    for (const LexEntry& e : lex.entries) out.push_back(Widen(e.pattern));
  }
  return out;
}

uint64_t PatternSetHash(const std::vector<std::string>& patterns) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (const std::string& p : patterns) {
    for (char c : p) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  return h;
}

unsigned PrefilterFlags() {
  return HS_FLAG_PREFILTER | HS_FLAG_UTF8 | HS_FLAG_CASELESS | HS_FLAG_DOTALL;
}

}  // namespace extortrace::detect::detail
