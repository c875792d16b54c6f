#include "text/detail/words.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <string>
#include <string_view>

namespace extortrace::text::detail {
namespace {

struct Lookalike {
  char32_t cp;
  char latin;
  bool always;
};

// Letters a reader cannot tell from a Latin letter in common mail fonts.
// Sorted by code point. Sources: Unicode confusables.txt, restricted to
// single-letter -> single-letter mappings (see decision 0004).
constexpr Lookalike kTable[] = {
    {0x0251, 'a', true},  {0x0261, 'g', true},  {0x0262, 'g', true},  {0x026A, 'i', true},
    {0x0274, 'n', true},  {0x0280, 'r', true},  {0x028F, 'y', true},  {0x0299, 'b', true},
    {0x029C, 'h', true},  {0x029F, 'l', true},  {0x037F, 'J', false}, {0x0391, 'A', false},
    {0x0392, 'B', false}, {0x0395, 'E', false}, {0x0396, 'Z', false}, {0x0397, 'H', false},
    {0x0399, 'I', false}, {0x039A, 'K', false}, {0x039C, 'M', false}, {0x039D, 'N', false},
    {0x039F, 'O', false}, {0x03A1, 'P', false}, {0x03A4, 'T', false}, {0x03A5, 'Y', false},
    {0x03A7, 'X', false}, {0x03B1, 'a', false}, {0x03B3, 'y', false}, {0x03B5, 'e', false},
    {0x03B7, 'n', false}, {0x03B9, 'i', false}, {0x03BA, 'k', false}, {0x03BD, 'v', false},
    {0x03BF, 'o', false}, {0x03C1, 'p', false}, {0x03C4, 't', false}, {0x03C5, 'u', false},
    {0x03C7, 'x', false}, {0x03C9, 'w', false}, {0x03F2, 'c', false}, {0x03F3, 'j', false},
    {0x03F9, 'C', false}, {0x0405, 'S', false}, {0x0406, 'I', false}, {0x0408, 'J', false},
    {0x0410, 'A', false}, {0x0412, 'B', false}, {0x0415, 'E', false}, {0x041A, 'K', false},
    {0x041C, 'M', false}, {0x041D, 'H', false}, {0x041E, 'O', false}, {0x0420, 'P', false},
    {0x0421, 'C', false}, {0x0422, 'T', false}, {0x0423, 'Y', false}, {0x0425, 'X', false},
    {0x0430, 'a', false}, {0x0435, 'e', false}, {0x043E, 'o', false}, {0x0440, 'p', false},
    {0x0441, 'c', false}, {0x0443, 'y', false}, {0x0445, 'x', false}, {0x0455, 's', false},
    {0x0456, 'i', false}, {0x0458, 'j', false}, {0x04AE, 'Y', false}, {0x04AF, 'y', false},
    {0x04BA, 'H', false}, {0x04BB, 'h', false}, {0x04C0, 'I', false}, {0x04CF, 'l', false},
    {0x0501, 'd', false}, {0x051A, 'Q', false}, {0x051B, 'q', false}, {0x051C, 'W', false},
    {0x051D, 'w', false}, {0x054D, 'U', false}, {0x0555, 'O', false}, {0x0566, 'q', false},
    {0x0570, 'h', false}, {0x0578, 'n', false}, {0x057D, 'u', false}, {0x0581, 'g', false},
    {0x0585, 'o', false}, {0x13A2, 'T', false}, {0x13AA, 'A', false}, {0x13AB, 'J', false},
    {0x13AC, 'E', false}, {0x13B3, 'W', false}, {0x13B7, 'M', false}, {0x13BB, 'H', false},
    {0x13C3, 'Z', false}, {0x13DA, 'S', false}, {0x13DF, 'C', false}, {0x13E2, 'P', false},
    {0x13E6, 'K', false}, {0x13F4, 'B', false}, {0x1D00, 'a', true},  {0x1D04, 'c', true},
    {0x1D05, 'd', true},  {0x1D07, 'e', true},  {0x1D0A, 'j', true},  {0x1D0B, 'k', true},
    {0x1D0D, 'm', true},  {0x1D0F, 'o', true},  {0x1D18, 'p', true},  {0x1D1B, 't', true},
    {0x1D1C, 'u', true},  {0x1D20, 'v', true},  {0x1D21, 'w', true},  {0x1D22, 'z', true},
    {0xA731, 's', true},
};

// Stripped, lowercased English words that disguised spam spells with
// accents ("Ýóu hàvé bééñ hàçkéd"). Sorted.
constexpr std::string_view kEnglish[] = {
    "about", "access", "account", "address", "adult", "after", "all", "amount", "and", "answer",
    "are", "been", "before", "bitcoin", "browser", "btc", "but", "camera", "can", "compromised",
    "computer", "contact", "contacts", "copy", "crypto", "data", "database", "days", "deadline",
    "dear", "delete", "device", "did", "does", "dollars", "email", "every", "everyone", "evidence",
    "family", "files", "for", "friends", "from", "get", "got", "hacked", "had", "has", "have",
    "hello", "her", "his", "hours", "immediately", "important", "infected", "installed", "know",
    "leak", "life", "mail", "make", "malware", "message", "money", "not", "nothing", "now", "once",
    "one", "only", "our", "password", "pay", "payment", "personal", "photos", "porn", "private",
    "proof", "read", "receive", "received", "record", "recorded", "reply", "reputation", "screen",
    "secret", "security", "see", "send", "server", "shame", "share", "site", "social", "someone",
    "sure", "system", "that", "the", "their", "them", "these", "they", "this", "time", "transfer",
    "two", "urgent", "usd", "video", "videos", "visited", "wallet", "warning", "was", "watch",
    "watched", "webcam", "website", "what", "will", "with", "you", "your", "yours",
};

bool IsLetterOrMark(char32_t cp) {
  if (cp < 0x80) return ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  int8_t gc = static_cast<int8_t>(u_charType(static_cast<UChar32>(cp)));
  return u_isalpha(static_cast<UChar32>(cp)) || gc == U_NON_SPACING_MARK ||
         gc == U_COMBINING_SPACING_MARK;
}

bool IsMark(char32_t cp) {
  return cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

UScriptCode Script(char32_t cp) {
  if (cp < 0x80) return USCRIPT_LATIN;
  UErrorCode status = U_ZERO_ERROR;
  return uscript_getScript(static_cast<UChar32>(cp), &status);
}

bool ConfusableScript(UScriptCode s) {
  return s == USCRIPT_CYRILLIC || s == USCRIPT_GREEK || s == USCRIPT_ARMENIAN ||
         s == USCRIPT_CHEROKEE;
}

struct WordInfo {
  size_t begin, end;
  uint32_t letters = 0, latin = 0, foreign = 0, foreign_mapped = 0, always = 0, other = 0;
};

// Base letter (lowercase ASCII) of a Latin letter with diacritics, or 0.
char StripAccent(char32_t cp, bool* accented) {
  *accented = false;
  if (cp < 0x80) return static_cast<char>(cp | 0x20);
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString d;
  if (!nfd || U_FAILURE(status) || !nfd->getDecomposition(static_cast<UChar32>(cp), d)) return 0;
  UChar32 base = d.char32At(0);
  if (base >= 0x80) return 0;
  *accented = true;
  return static_cast<char>(base | 0x20);
}

}  // namespace

char LookalikeToLatin(char32_t cp, bool* always) {
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), cp,
                             [](const Lookalike& l, char32_t c) { return l.cp < c; });
  if (it == std::end(kTable) || it->cp != cp) return 0;
  if (always) *always = it->always;
  return it->latin;
}

WordStats FoldWords(std::vector<Cp>* cps_ptr) {
  std::vector<Cp>& cps = *cps_ptr;
  std::vector<WordInfo> words;
  uint32_t doc_latin = 0;
  for (size_t i = 0; i < cps.size();) {
    if (!IsLetterOrMark(cps[i].cp) || IsMark(cps[i].cp)) {
      ++i;
      continue;
    }
    WordInfo w{i, i};
    while (w.end < cps.size() && IsLetterOrMark(cps[w.end].cp)) {
      char32_t cp = cps[w.end++].cp;
      if (IsMark(cp) || (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) ==
                                           U_COMBINING_SPACING_MARK)) {
        continue;
      }
      ++w.letters;
      bool always = false;
      char m = cp < 0x80 ? 0 : LookalikeToLatin(cp, &always);
      UScriptCode s = Script(cp);
      if (m && always) {
        ++w.always;
      } else if (s == USCRIPT_LATIN) {
        ++w.latin;
      } else if (ConfusableScript(s)) {
        ++w.foreign;
        w.foreign_mapped += m != 0;
      } else {
        ++w.other;
      }
    }
    doc_latin += w.latin + w.always;
    words.push_back(w);
    i = w.end;
  }
  // Cyrillic/Greek letters in words that do not look like disguised Latin:
  // if there are many, this is genuine Russian/Greek text.
  auto all_foreign_candidate = [](const WordInfo& w) {
    return w.latin == 0 && w.other == 0 && w.foreign >= 3 && w.foreign_mapped * 4 >= w.foreign * 3;
  };
  uint32_t doc_foreign_real = 0;
  for (const WordInfo& w : words) {
    if (w.foreign > 0 && w.latin == 0 && !all_foreign_candidate(w)) doc_foreign_real += w.foreign;
  }
  const bool latin_text = doc_latin >= 20 && doc_latin >= 4 * doc_foreign_real;

  WordStats stats;
  uint32_t candidates = 0, latin_words = 0, disguised = 0;
  for (const WordInfo& w : words) {
    const bool fold_foreign =
        (w.latin > 0 && w.foreign > 0) || (latin_text && all_foreign_candidate(w));
    if (fold_foreign || w.always > 0) {
      for (size_t k = w.begin; k < w.end; ++k) {
        bool always = false;
        char m = cps[k].cp < 0x80 ? 0 : LookalikeToLatin(cps[k].cp, &always);
        if (m && (always || fold_foreign)) {
          cps[k].cp = static_cast<unsigned char>(m);
          ++stats.confusables_folded;
        }
      }
    }
    if (w.foreign > 0 && !fold_foreign) continue;
    if (w.other > 0 || w.letters < 3) continue;
    // Diacritic disguise: accented letters in a (now) Latin word.
    ++latin_words;
    uint32_t accented = 0, marked = 0;
    std::string stripped;
    for (size_t k = w.begin; k < w.end; ++k) {
      char32_t cp = cps[k].cp;
      if (IsMark(cp)) continue;
      bool acc = false;
      char base = StripAccent(cp, &acc);
      uint32_t marks = 0;
      while (k + 1 < w.end && IsMark(cps[k + 1].cp)) {
        ++marks;
        ++k;
      }
      accented += (acc || marks > 0);
      marked += (marks > 0);
      stripped.push_back(base ? base : '?');
    }
    const bool candidate = accented >= 2 && accented * 2 >= w.letters;
    candidates += candidate;
    if ((marked >= 2 && marked * 2 >= w.letters) ||
        (candidate && std::binary_search(std::begin(kEnglish), std::end(kEnglish), stripped))) {
      ++disguised;
    }
  }
  // Text where a large share of words is mostly accents is disguised even
  // when the words are not in the short list.
  if (candidates >= 3 && candidates * 10 >= latin_words * 4) {
    stats.diacritic_disguise = std::max(disguised, candidates);
  } else {
    stats.diacritic_disguise = disguised;
  }
  return stats;
}

}  // namespace extortrace::text::detail
