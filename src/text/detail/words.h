// Word-level folding for Normalize (internal): Cyrillic/Greek/Armenian/
// Cherokee and small-capital look-alikes to Latin, and the diacritic
// disguise count. See docs/decisions/0004-confusable-table.md for why this
// is a hand table rather than uspoof_getSkeleton.
#pragma once

#include <cstdint>
#include <vector>

namespace extortrace::text::detail {

struct Cp {
  char32_t cp;
  uint32_t off;  // input byte offset
};

struct WordStats {
  uint32_t confusables_folded = 0;
  uint32_t diacritic_disguise = 0;
};

// The Latin letter a look-alike is read as, or 0. `*always` is set for
// Latin-script look-alikes (small capitals, IPA letters) that never occur
// in ordinary words of any language and are folded without context.
char LookalikeToLatin(char32_t cp, bool* always);

// Rewrites look-alike letters in place (see normalize.h step 3) and counts
// disguised words. Words are runs of letters and combining marks.
WordStats FoldWords(std::vector<Cp>* cps);

}  // namespace extortrace::text::detail
