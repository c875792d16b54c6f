// Template signatures for near-duplicate detection (MinHash over shingles).
//
// Two messages sent from one template differ in the victim's name, the
// wallet, the amount, dates and junk; the signature therefore masks numbers,
// wallet-like tokens, e-mail addresses and URLs, then hashes word 3-shingles
// (Latin, Cyrillic, ...) and character 3-grams (CJK, where words are not
// separated by spaces). The estimated Jaccard similarity of two signatures is
// the share of equal slots. Pure functions; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::text {

inline constexpr size_t kMinHashSize = 64;
inline constexpr size_t kLshBands = 16;  // 16 bands of 4 rows: P(candidate) = 0.5 at J ~ 0.5
using MinHash = std::array<uint32_t, kMinHashSize>;

// `folded` is the lowercased, normalized text (NormalizedText::folded).
// Returns an all-0xFFFFFFFF signature for text with no shingles.
MinHash TemplateSignature(std::string_view folded);

double EstimatedJaccard(const MinHash& a, const MinHash& b);

// Hex encodings for storage, and the per-band bucket keys for LSH.
std::string MinHashToHex(const MinHash& m);
bool MinHashFromHex(std::string_view hex, MinHash* out);
std::vector<std::string> LshBuckets(const MinHash& m);
bool IsEmptySignature(const MinHash& m);

}  // namespace extortrace::text
