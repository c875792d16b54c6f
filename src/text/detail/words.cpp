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
    {0x0184, 'b', true},  {0x0185, 'b', true},  {0x0192, 'f', true},  {0x0251, 'a', true},  {0x0261, 'g', true},  {0x0262, 'g', true},  {0x026A, 'i', true},
    {0x0274, 'n', true},  {0x0280, 'r', true},  {0x028F, 'y', true},  {0x0299, 'b', true},
    {0x029C, 'h', true},  {0x029F, 'l', true},  {0x037F, 'J', false}, {0x0391, 'A', false},
    {0x0392, 'B', false}, {0x0395, 'E', false}, {0x0396, 'Z', false}, {0x0397, 'H', false},
    {0x0399, 'I', false}, {0x039A, 'K', false}, {0x039C, 'M', false}, {0x039D, 'N', false},
    {0x039F, 'O', false}, {0x03A1, 'P', false}, {0x03A4, 'T', false}, {0x03A5, 'Y', false},
    {0x03A7, 'X', false}, {0x03B1, 'a', false}, {0x03B9, 'i', false}, {0x03BD, 'v', false},
    {0x03BF, 'o', false}, {0x03C1, 'p', false}, {0x03C5, 'u', false},
    {0x03F2, 'c', false}, {0x03F3, 'j', false},
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
// accents ("Ýóu hàvé bééñ hàçkéd", "I ḟeel sặd to ḁlert"). English words
// carry no accents, so one accent in a listed word is disguise. Words whose
// stripped form is a common word elsewhere ("às"/"as", "só"/"so", "até"/
// "ate", "på"/"pa", "hé"/"he") are left out. Sorted.
constexpr std::string_view kEnglish[] = {
    "about", "access", "account", "accounts", "acquired", "actions", "address", "adult",
    "advanced", "after", "ago", "alert", "all", "also", "amount", "an", "and", "answer", "any",
    "are", "at", "be", "because", "been", "before", "bitcoin", "browser", "browsing", "btc", "but",
    "by", "camera", "can", "cannot", "challenging", "colleagues", "compromised", "computer",
    "contact", "contacts", "control", "controls", "copy", "corresponding", "could", "couple",
    "crypto", "current", "data", "database", "day", "days", "deadline", "dear", "delete",
    "deploying", "device", "devices", "did", "does", "dollars", "don", "each", "eight", "email",
    "enabled", "entire", "events", "every", "everyone", "evidence", "evidently", "exclusive",
    "facilitated", "family", "feel", "files", "first", "five", "following", "for", "four",
    "frankly", "friends", "from", "gain", "generous", "get", "got", "hack", "hacked", "hackers",
    "had", "has", "have", "hello", "her", "here", "him", "his", "hour", "hours", "how", "if",
    "immediately", "important", "in", "inbox", "infected", "input", "installed", "instance",
    "into", "is", "it", "just", "know", "leak", "life", "like", "links", "list", "login", "long",
    "look", "machine", "machines", "mail", "make", "malware", "managed", "many", "may", "message",
    "money", "month", "months", "more", "most", "much", "must", "my", "never", "new", "news",
    "nine", "not", "nothing", "now", "observing", "obtain", "occurrence", "of", "on", "once",
    "one", "only", "operating", "or", "other", "our", "out", "over", "own", "paid", "password",
    "pay", "payment", "permission", "personal", "phone", "photos", "porn", "private", "profile",
    "proof", "read", "really", "receive", "received", "record", "recorded", "recording",
    "reference", "relatives", "reply", "reputation", "same", "screen", "secret", "security", "see",
    "send", "sent", "sequence", "server", "seven", "several", "shame", "share", "should", "site",
    "six", "social", "software", "some", "someone", "speaking", "spyware", "started", "such",
    "sure", "system", "systems", "take", "task", "than", "that", "the", "their", "them", "then",
    "there", "these", "they", "this", "those", "three", "time", "times", "too", "total",
    "transfer", "trojan", "two", "up", "urgent", "usd", "very", "via", "video", "videos", "virus",
    "visited", "wallet", "warning", "was", "wasn", "watch", "watched", "we", "web", "webcam",
    "website", "week", "weeks", "were", "what", "when", "where", "which", "who", "why",
    "widespread", "will", "with", "within", "would", "year", "years", "you", "your", "yours",
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
  bool ascii = true;  // every code point of the word is ASCII
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
  // Table blocks: Latin Ext-B/IPA/Greek/Cyrillic/Armenian, Cherokee,
  // phonetic small capitals, Latin Ext-D.
  if (!((cp >= 0x0184 && cp <= 0x058F) || (cp >= 0x13A0 && cp <= 0x13FF) ||
        (cp >= 0x1D00 && cp <= 0x1D2F) || cp == 0xA731)) {
    return 0;
  }
  auto it = std::lower_bound(std::begin(kTable), std::end(kTable), cp,
                             [](const Lookalike& l, char32_t c) { return l.cp < c; });
  if (it == std::end(kTable) || it->cp != cp) return 0;
  if (always) *always = it->always;
  return it->latin;
}

WordStats FoldWords(std::vector<Cp>* cps_ptr) {
  std::vector<Cp>& cps = *cps_ptr;
  std::vector<WordInfo> words;
  words.reserve(cps.size() / 4 + 1);
  uint32_t doc_latin = 0;
  for (size_t i = 0; i < cps.size();) {
    if (!IsLetterOrMark(cps[i].cp) || IsMark(cps[i].cp)) {
      ++i;
      continue;
    }
    WordInfo w{i, i};
    while (w.end < cps.size() && IsLetterOrMark(cps[w.end].cp)) {
      char32_t cp = cps[w.end++].cp;
      if (cp < 0x80) {  // an ASCII letter: Latin, no look-alike
        ++w.letters;
        ++w.latin;
        continue;
      }
      w.ascii = false;
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
    // Field by field: a whole-struct copy of the just-written locals stalls
    // on store forwarding.
    WordInfo& stored = words.emplace_back();
    stored.begin = w.begin;
    stored.end = w.end;
    stored.letters = w.letters;
    stored.latin = w.latin;
    stored.foreign = w.foreign;
    stored.foreign_mapped = w.foreign_mapped;
    stored.always = w.always;
    stored.other = w.other;
    stored.ascii = w.ascii;
    i = w.end;
  }
  // Cyrillic/Greek letters in words that do not look like disguised Latin:
  // if there are many, this is genuine Russian/Greek text.
  auto all_foreign_candidate = [](const WordInfo& w) {
    return w.latin == 0 && w.other == 0 && w.always == 0 && w.foreign >= 2 &&
           w.foreign_mapped == w.foreign;
  };
  auto genuine_foreign = [&](const WordInfo& w) {
    return w.foreign > 0 && w.latin == 0 && !all_foreign_candidate(w);
  };
  uint32_t doc_foreign_real = 0;
  for (const WordInfo& w : words) {
    if (genuine_foreign(w)) doc_foreign_real += w.foreign;
  }
  const bool latin_text = doc_latin >= 20 && doc_latin >= 4 * doc_foreign_real;
  // A wholly Cyrillic/Greek word made only of look-alikes is folded when it
  // sits among Latin words ("Send ВТС now") and next to no genuine
  // Cyrillic/Greek word ("Ваше сообщение" keeps its "сор"-like words).
  auto among_latin = [&](size_t idx) {
    bool latin_neighbour = false;
    for (size_t k = idx >= 2 ? idx - 2 : 0; k < words.size() && k <= idx + 2; ++k) {
      if (k == idx) continue;
      if (genuine_foreign(words[k])) return false;
      latin_neighbour |= words[k].latin > 0 && words[k].foreign == 0;
    }
    return latin_neighbour;
  };

  WordStats stats;
  uint32_t heavy_words = 0, latin_words = 0, disguised = 0;
  std::string stripped;
  for (size_t idx = 0; idx < words.size(); ++idx) {
    const WordInfo& w = words[idx];
    const bool fold_foreign = (w.latin > 0 && w.foreign > 0) ||
                              (latin_text && all_foreign_candidate(w) && among_latin(idx));
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
    if (w.other > 0 || w.letters < 2) continue;
    // Diacritic disguise: accented letters in a (now) Latin word.
    latin_words += w.letters >= 3;
    if (w.ascii) continue;  // no accents, no marks: nothing disguised
    uint32_t accented = 0, stacked = 0;
    stripped.clear();
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
      stacked += (marks + (acc ? 1 : 0)) >= 3;  // "Zalgo" text
      stripped.push_back(base ? base : '?');
    }
    if (accented == 0) continue;
    const bool english =
        std::binary_search(std::begin(kEnglish), std::end(kEnglish), stripped);
    const bool heavy = w.letters >= 3 && accented >= 2 && accented * 2 >= w.letters;
    heavy_words += heavy;
    disguised += english || stacked > 0;
  }
  // One listed word may be chance (French "thé"); three are a pattern. A
  // text where a large share of words is mostly accents is disguised even
  // when the words are not in the list.
  if (disguised >= 3) stats.diacritic_disguise = disguised;
  if (heavy_words >= 3 && heavy_words * 10 >= latin_words * 4) {
    stats.diacritic_disguise = std::max(stats.diacritic_disguise, heavy_words);
  }
  return stats;
}

}  // namespace extortrace::text::detail
