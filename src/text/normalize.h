// Normalization of visible text for detection (ICU).
//
// Steps, in order:
//  1. NFKC (full-width Latin and digits become ASCII; Japanese kana and
//     punctuation are left as NFKC leaves them). Expansions (U+FDFA becomes
//     18 letters) are applied while the text has grown by less than an
//     eighth of the input (plus 4 KB); past that, characters are left as
//     written, so that memory stays linear in the input.
//  2. Default-ignorable code points removed (U+200B..U+200F, U+2060..U+2064,
//     U+FEFF, U+00AD, U+034F, bidi controls U+202A..U+202E, U+2066..U+2069,
//     variation selectors, tags). Words split by them are thereby rejoined.
//  3. Look-alike letters folded to Latin inside words that mix Latin with
//     Cyrillic/Greek (or other confusable scripts): "bitcоin" with a Cyrillic
//     о becomes "bitcoin". A word made wholly of Cyrillic/Greek look-alikes
//     ("ВТС") is folded only inside Latin text, between Latin words and next
//     to no genuine Cyrillic/Greek word; Latin small capitals ("ᴘᴀʏ") are
//     always folded. Genuine Russian, Greek, Japanese or Chinese text is left
//     untouched. Latin letters with stray diacritics used as disguise
//     ("bítcóin") are not changed here; see `folded` below.
//  4. Whitespace runs collapsed to one space (newlines kept as '\n', at most
//     two in a row).
//
// `offsets` maps every byte of `text` to the byte offset in the input from
// which it came, so that evidence found in normalized text can be shown in
// the original. `folded` is a second view for matching: lowercased (ICU case
// folding) with diacritics stripped from Latin letters; in a text found
// disguised (`diacritic_disguise`), letters whose stroke or hook NFD cannot
// strip (ø ł đ ı ƀ ɨ ...) are read as plain letters too. It has its own
// offset map back to the input.
//
// Pure-ASCII input takes a fast path that never calls ICU (steps 1-3 are
// no-ops on ASCII). `diacritic_disguise` and `junk_words` are heuristics
// documented in docs/decisions/0004-confusable-table-and-text-heuristics.md.
// Offsets are uint32: inputs must be < 4 GB.
//
// Thread-safe: uses only ICU's immutable normalizer singletons; no state is
// shared between calls.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::text {

struct NormalizedText {
  std::string text;                      // normalized UTF-8
  std::vector<uint32_t> offsets;         // text byte -> input byte (size == text.size())
  std::string folded;                    // lowercased, diacritics stripped, for matching
  std::vector<uint32_t> folded_offsets;  // folded byte -> input byte

  // What the normalizer had to undo (counts of code points / words).
  uint32_t invisible_removed = 0;   // default-ignorable code points removed
  uint32_t words_rejoined = 0;      // words that had invisibles inside them
  uint32_t confusables_folded = 0;  // look-alike letters folded to Latin
  uint32_t diacritic_disguise = 0;  // Latin words with implausible diacritics
  uint32_t fullwidth_folded = 0;    // full-width/compatibility forms folded by NFKC
  bool junk_words = false;          // a block of random junk words was found
};

NormalizedText Normalize(std::string_view utf8);

// Scan-record obfuscation names for what Normalize undid: "zero-width",
// "confusables", "diacritics", "junk-words". Full-width forms are normal in
// Japanese and are not reported as obfuscation.
std::vector<std::string> ObfuscationNames(const NormalizedText& n);

}  // namespace extortrace::text
