// Word-level folding for Normalize (internal): Cyrillic/Greek/Armenian/
// Cherokee and small-capital look-alikes to Latin, and the diacritic
// disguise count. See docs/decisions/0004-confusable-table.md for why this
// is a hand table rather than uspoof_getSkeleton.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace extortrace::text::detail {

struct Cp {
  char32_t cp;
  uint32_t off;  // input byte offset
};

struct WordStats {
  uint32_t confusables_folded = 0;
  uint32_t diacritic_disguise = 0;
  // In a text found disguised: Latin letters that carry their "accent" in
  // the letter itself (ø, ł, đ, ı, ħ, ƀ, ɨ ..., no canonical decomposition)
  // and the ASCII letter the folded view reads them as, by index into the
  // code points, ascending. Their `text` is left as written.
  std::vector<std::pair<uint32_t, char>> folded_overrides;
};

// The Latin letter a look-alike is read as, or 0. `*always` is set for
// Latin-script look-alikes (small capitals, IPA letters) that never occur
// in ordinary words of any language and are folded without context.
char LookalikeToLatin(char32_t cp, bool* always);

// The ASCII letter a Latin letter without a canonical decomposition reads
// as (ø -> o, ł -> l, ı -> i, Ƀ -> b), or 0.
char StrokeLetterBase(char32_t cp);

// Rewrites look-alike letters in place (see normalize.h step 3) and counts
// disguised words. Words are runs of letters and combining marks.
WordStats FoldWords(std::vector<Cp>* cps);

}  // namespace extortrace::text::detail
