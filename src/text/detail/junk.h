// Junk-word block detector for Normalize (internal).
#pragma once

#include <string_view>

namespace extortrace::text::detail {

// True if `text` holds a block of random letter strings: in some window of
// 10 consecutive letter-only tokens at least 8 look random (no vowels, long
// consonant runs, implausible bigrams, case flips), or a run of bracketed
// tokens "(xqzt) (bmwq) ..." of which most look random, or at least 8
// bracketed tokens anywhere in the text of which half look random (junk
// sprinkled between real words: "I (mksuiem) managed to"). Only ASCII letter
// tokens take part; tokens with digits, URLs and addresses are ignored.
bool HasJunkBlock(std::string_view text);

// Exposed for tests: does this letter-only token look like random letters?
bool LooksRandom(std::string_view token);

}  // namespace extortrace::text::detail
