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
    {0x0184, 'b', true},  {0x0185, 'b', true},  {0x0192, 'f', true},  {0x0251, 'a', true},
    {0x0261, 'g', true},  {0x0262, 'g', true},  {0x026A, 'i', true},  {0x0274, 'n', true},
    {0x0280, 'r', true},  {0x028F, 'y', true},  {0x0299, 'b', true},  {0x029C, 'h', true},
    {0x029F, 'l', true},  {0x037F, 'J', false}, {0x0391, 'A', false}, {0x0392, 'B', false},
    {0x0395, 'E', false}, {0x0396, 'Z', false}, {0x0397, 'H', false}, {0x0399, 'I', false},
    {0x039A, 'K', false}, {0x039C, 'M', false}, {0x039D, 'N', false}, {0x039F, 'O', false},
    {0x03A1, 'P', false}, {0x03A4, 'T', false}, {0x03A5, 'Y', false}, {0x03A7, 'X', false},
    {0x03B1, 'a', false}, {0x03B9, 'i', false}, {0x03BD, 'v', false}, {0x03BF, 'o', false},
    {0x03C1, 'p', false}, {0x03C5, 'u', false}, {0x03F2, 'c', false}, {0x03F3, 'j', false},
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

// Latin letters whose diacritic is part of the letter (stroke, bar, hook,
// dotless), so NFD leaves them whole: the letter they are read as. Used for
// the folded view of disguised text only; genuine Danish, Polish or
// Turkish keeps ø, ł and ı (the lexicons spell them both ways). Sorted.
struct Stroke {
  char32_t cp;
  char base;
};
constexpr Stroke kStroke[] = {
    {0x00D0, 'd'}, {0x00D8, 'o'}, {0x00F0, 'd'}, {0x00F8, 'o'}, {0x0110, 'd'}, {0x0111, 'd'},
    {0x0126, 'h'}, {0x0127, 'h'}, {0x0131, 'i'}, {0x0138, 'k'}, {0x0141, 'l'}, {0x0142, 'l'},
    {0x0166, 't'}, {0x0167, 't'}, {0x0180, 'b'}, {0x0181, 'b'}, {0x0187, 'c'}, {0x0188, 'c'},
    {0x0189, 'd'}, {0x018A, 'd'}, {0x0191, 'f'}, {0x0192, 'f'}, {0x0193, 'g'}, {0x0197, 'i'},
    {0x0198, 'k'}, {0x0199, 'k'}, {0x019A, 'l'}, {0x019D, 'n'}, {0x019E, 'n'}, {0x019F, 'o'},
    {0x01A4, 'p'}, {0x01A5, 'p'}, {0x01AB, 't'}, {0x01AC, 't'}, {0x01AD, 't'}, {0x01AE, 't'},
    {0x01B3, 'y'}, {0x01B4, 'y'}, {0x01B5, 'z'}, {0x01B6, 'z'}, {0x01E4, 'g'}, {0x01E5, 'g'},
    {0x0221, 'd'}, {0x0234, 'l'}, {0x0235, 'n'}, {0x0236, 't'}, {0x0237, 'j'}, {0x023A, 'a'},
    {0x023B, 'c'}, {0x023C, 'c'}, {0x023D, 'l'}, {0x023E, 't'}, {0x023F, 's'}, {0x0240, 'z'},
    {0x0243, 'b'}, {0x0244, 'u'}, {0x0246, 'e'}, {0x0247, 'e'}, {0x0248, 'j'}, {0x0249, 'j'},
    {0x024A, 'q'}, {0x024B, 'q'}, {0x024C, 'r'}, {0x024D, 'r'}, {0x024E, 'y'}, {0x024F, 'y'},
    {0x0253, 'b'}, {0x0255, 'c'}, {0x0256, 'd'}, {0x0257, 'd'}, {0x0260, 'g'}, {0x0266, 'h'},
    {0x0268, 'i'}, {0x026B, 'l'}, {0x026C, 'l'}, {0x026D, 'l'}, {0x0271, 'm'}, {0x0272, 'n'},
    {0x0273, 'n'}, {0x0275, 'o'}, {0x027C, 'r'}, {0x027D, 'r'}, {0x0282, 's'}, {0x0288, 't'},
    {0x0289, 'u'}, {0x028B, 'v'}, {0x0290, 'z'}, {0x0291, 'z'}, {0x029D, 'j'}, {0x02A0, 'q'},
    {0x1D7D, 'p'}, {0x2C65, 'a'}, {0x2C66, 't'}, {0xA749, 'l'}, {0xA74B, 'o'},
};

// Greek and Cyrillic letters that stand in for a Latin letter only inside a
// word that mixes them with Latin ("hαckεd", "кnow"); unlike kTable they
// are not folded in wholly Greek/Cyrillic words. Sorted.
constexpr Stroke kMixedOnly[] = {
    {0x03B3, 'y'}, {0x03B5, 'e'}, {0x03B7, 'n'}, {0x03BA, 'k'}, {0x03C4, 't'}, {0x03C7, 'x'},
    {0x03C9, 'w'}, {0x0433, 'r'}, {0x043A, 'k'}, {0x043C, 'm'}, {0x043F, 'n'}, {0x044C, 'b'},
};

template <size_t N>
char LookUp(const Stroke (&table)[N], char32_t cp) {
  auto it = std::lower_bound(std::begin(table), std::end(table), cp,
                             [](const Stroke& l, char32_t c) { return l.cp < c; });
  return it != std::end(table) && it->cp == cp ? it->base : 0;
}

// Stripped, lowercased English words that disguised spam spells with
// accents ("Ýóu hàvé bééñ hàçkéd", "I ḟeel sặd to ḁlert"). English words
// carry no accents, so one accent in a listed word is disguise. Words whose
// stripped form is a common word elsewhere ("às"/"as", "só"/"so", "até"/
// "ate", "på"/"pa", "hé"/"he") are left out. Sorted.
constexpr std::string_view kEnglish[] = {
    "about",       "access",      "account",     "accounts",
    "acquired",    "actions",     "address",     "adult",
    "advanced",    "after",       "ago",         "alert",
    "all",         "also",        "amount",      "an",
    "and",         "answer",      "any",         "are",
    "at",          "be",          "because",     "been",
    "before",      "bitcoin",     "browser",     "browsing",
    "btc",         "but",         "by",          "camera",
    "can",         "cannot",      "challenging", "colleagues",
    "compromised", "computer",    "contact",     "contacts",
    "control",     "controls",    "copy",        "corresponding",
    "could",       "couple",      "crypto",      "current",
    "data",        "database",    "day",         "days",
    "deadline",    "dear",        "delete",      "deploying",
    "device",      "devices",     "did",         "does",
    "dollars",     "don",         "each",        "eight",
    "email",       "enabled",     "entire",      "events",
    "every",       "everyone",    "evidence",    "evidently",
    "exclusive",   "facilitated", "family",      "feel",
    "files",       "first",       "five",        "following",
    "for",         "four",        "frankly",     "friends",
    "from",        "gain",        "generous",    "get",
    "got",         "hack",        "hacked",      "hackers",
    "had",         "has",         "have",        "hello",
    "her",         "here",        "him",         "his",
    "hour",        "hours",       "how",         "if",
    "immediately", "important",   "in",          "inbox",
    "infected",    "input",       "installed",   "instance",
    "into",        "is",          "it",          "just",
    "know",        "leak",        "life",        "like",
    "links",       "list",        "login",       "long",
    "look",        "machine",     "machines",    "mail",
    "make",        "malware",     "managed",     "many",
    "may",         "message",     "money",       "month",
    "months",      "more",        "most",        "much",
    "must",        "my",          "never",       "new",
    "news",        "nine",        "not",         "nothing",
    "now",         "observing",   "obtain",      "occurrence",
    "of",          "on",          "once",        "one",
    "only",        "operating",   "or",          "other",
    "our",         "out",         "over",        "own",
    "paid",        "password",    "pay",         "payment",
    "permission",  "personal",    "phone",       "photos",
    "porn",        "private",     "profile",     "proof",
    "read",        "really",      "receive",     "received",
    "record",      "recorded",    "recording",   "reference",
    "relatives",   "reply",       "reputation",  "same",
    "screen",      "secret",      "security",    "see",
    "send",        "sent",        "sequence",    "server",
    "seven",       "several",     "shame",       "share",
    "should",      "site",        "six",         "social",
    "software",    "some",        "someone",     "speaking",
    "spyware",     "started",     "such",        "sure",
    "system",      "systems",     "take",        "task",
    "than",        "that",        "the",         "their",
    "them",        "then",        "there",       "these",
    "they",        "this",        "those",       "three",
    "time",        "times",       "too",         "total",
    "transfer",    "trojan",      "two",         "up",
    "urgent",      "usd",         "very",        "via",
    "video",       "videos",      "virus",       "visited",
    "wallet",      "warning",     "was",         "wasn",
    "watch",       "watched",     "we",          "web",
    "webcam",      "website",     "week",        "weeks",
    "were",        "what",        "when",        "where",
    "which",       "who",         "why",         "widespread",
    "will",        "with",        "within",      "would",
    "year",        "years",       "you",         "your",
    "yours",
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
// `*stroke` is set when the letter or its NFD base is in kStroke (ø, ǿ).
char StripAccent(char32_t cp, bool* accented, bool* stroke) {
  *accented = false;
  *stroke = false;
  if (cp < 0x80) return static_cast<char>(cp | 0x20);
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  icu::UnicodeString d;
  char32_t base = cp;
  if (nfd && U_SUCCESS(status) && nfd->getDecomposition(static_cast<UChar32>(cp), d)) {
    base = static_cast<char32_t>(d.char32At(0));
    *accented = true;
    if (base < 0x80) return static_cast<char>(base | 0x20);
  }
  if (char b = LookUp(kStroke, base)) {
    *accented = true;
    *stroke = true;
    return b;
  }
  *accented = false;
  return 0;
}

// In a word that mixes Latin with Greek/Cyrillic: the Latin letter a
// foreign letter with or without diacritics stands for ("ό" -> 'o' with an
// acute, "έ" -> 'e'), composed back with its marks when Unicode has such a
// letter, so that the diacritic disguise is still seen. 0 if none.
char32_t MixedToLatin(char32_t cp) {
  UErrorCode status = U_ZERO_ERROR;
  static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  static const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (!nfd || !nfc || U_FAILURE(status)) return 0;
  icu::UnicodeString d;
  if (!nfd->getDecomposition(static_cast<UChar32>(cp), d))
    d = icu::UnicodeString(static_cast<UChar32>(cp));
  const char32_t base = static_cast<char32_t>(d.char32At(0));
  bool always = false;
  char latin = LookalikeToLatin(base, &always);
  if (!latin) latin = LookUp(kMixedOnly, base);
  if (!latin) return 0;
  if (d.length() == U16_LENGTH(static_cast<UChar32>(base)))
    return static_cast<unsigned char>(latin);
  icu::UnicodeString composed(static_cast<UChar32>(static_cast<unsigned char>(latin)));
  composed.append(d, U16_LENGTH(static_cast<UChar32>(base)), d.length());
  UErrorCode s = U_ZERO_ERROR;
  icu::UnicodeString c = nfc->normalize(composed, s);
  if (U_SUCCESS(s) && c.length() == U16_LENGTH(c.char32At(0)))
    return static_cast<char32_t>(c.char32At(0));
  return static_cast<unsigned char>(latin);
}

}  // namespace

char StrokeLetterBase(char32_t cp) { return LookUp(kStroke, cp); }

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
      if (IsMark(cp) ||
          (cp >= 0x80 && u_charType(static_cast<UChar32>(cp)) == U_COMBINING_SPACING_MARK)) {
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
  auto all_foreign_candidate = [&cps](const WordInfo& w) {
    // One capital letter counts too: a Greek or Cyrillic "I" among English
    // words is the pronoun in disguise.
    return w.latin == 0 && w.other == 0 && w.always == 0 &&
           (w.foreign >= 2 ||
            (w.letters == 1 && u_isupper(static_cast<UChar32>(cps[w.begin].cp)))) &&
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
      latin_neighbour |= words[k].latin > 0;  // Latin or mixed, being folded
    }
    return latin_neighbour;
  };

  WordStats stats;
  uint32_t heavy_words = 0, latin_words = 0, disguised = 0;
  std::string stripped;
  // Listed words read through a stroke letter, counted once each: Danish
  // "før" reads "for", Vietnamese "đây" "day"; one word repeated is not a
  // pattern.
  std::vector<std::string> stroke_read;
  for (size_t idx = 0; idx < words.size(); ++idx) {
    const WordInfo& w = words[idx];
    const bool fold_foreign = (w.latin > 0 && w.foreign > 0) ||
                              (latin_text && all_foreign_candidate(w) && among_latin(idx));
    if (fold_foreign || w.always > 0) {
      for (size_t k = w.begin; k < w.end; ++k) {
        bool always = false;
        const char32_t cp = cps[k].cp;
        if (cp < 0x80) continue;
        char m = LookalikeToLatin(cp, &always);
        if (m && (always || fold_foreign)) {
          cps[k].cp = static_cast<unsigned char>(m);
          ++stats.confusables_folded;
        } else if (!m && fold_foreign && ConfusableScript(Script(cp))) {
          if (char32_t latin = MixedToLatin(cp)) {
            cps[k].cp = latin;
            ++stats.confusables_folded;
          }
        }
      }
    }
    if (w.foreign > 0 && !fold_foreign) continue;
    if (w.other > 0 || w.letters < 2) continue;
    // Diacritic disguise: accented letters in a (now) Latin word.
    latin_words += w.letters >= 3;
    if (w.ascii) continue;  // no accents, no marks: nothing disguised
    uint32_t accented = 0, stacked = 0, strokes = 0;
    stripped.clear();
    for (size_t k = w.begin; k < w.end; ++k) {
      char32_t cp = cps[k].cp;
      if (IsMark(cp)) continue;
      bool acc = false, stroke = false;
      char base = StripAccent(cp, &acc, &stroke);
      strokes += stroke;
      uint32_t marks = 0;
      while (k + 1 < w.end && IsMark(cps[k + 1].cp)) {
        ++marks;
        ++k;
      }
      // Stroke letters count only for the word list: real Danish, Polish,
      // Turkish or Vietnamese words are full of them, so they do not make a
      // word "heavy" or stacked.
      accented += ((acc && !stroke) || marks > 0);
      stacked += (marks + (acc && !stroke ? 1 : 0)) >= 3;  // "Zalgo" text
      stripped.push_back(base ? base : '?');
    }
    if (accented == 0 && strokes == 0) continue;
    const bool english = std::binary_search(std::begin(kEnglish), std::end(kEnglish), stripped);
    const bool heavy = w.letters >= 3 && accented >= 2 && accented * 2 >= w.letters;
    heavy_words += heavy;
    if (english && strokes > 0) {
      if (std::find(stroke_read.begin(), stroke_read.end(), stripped) == stroke_read.end()) {
        stroke_read.push_back(stripped);
      }
      continue;
    }
    disguised += english || stacked > 0;
  }
  disguised += static_cast<uint32_t>(stroke_read.size());
  // One listed word may be chance (French "thé"); three are a pattern. A
  // text where a large share of words is mostly accents is disguised even
  // when the words are not in the list.
  if (disguised >= 3) stats.diacritic_disguise = disguised;
  if (heavy_words >= 3 && heavy_words * 10 >= latin_words * 4) {
    stats.diacritic_disguise = std::max(stats.diacritic_disguise, heavy_words);
  }
  // A disguised text reads its stroke letters as plain ones ("Yøur",
  // "wıthın", "ǿ"); elsewhere ø, ł, ı stay as written.
  if (stats.diacritic_disguise > 0) {
    for (size_t k = 0; k < cps.size(); ++k) {
      const char32_t cp = cps[k].cp;
      if (cp < 0xD0 || cp > 0xA74B) continue;
      // ǿ/Ǿ are the only letters whose NFD base is a stroke letter.
      const char base = (cp == 0x01FE || cp == 0x01FF) ? 'o' : LookUp(kStroke, cp);
      if (base) stats.folded_overrides.emplace_back(static_cast<uint32_t>(k), base);
    }
  }
  return stats;
}

}  // namespace extortrace::text::detail
