// The matcher's inputs exactly as it compiles them: the lexicon patterns,
// the RE2 options, the crypto words of the gate and the literal databases.
// Shared by the matcher and by the build-time generator of its Hyperscan
// databases (gen/prefilter_gen.cpp), so that both see the same strings in
// the same order; StringSetHash() lets the matcher refuse a database built
// from other strings.
#pragma once

#include <hs/hs.h>
#include <re2/re2.h>

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "detect/lexicon.h"

namespace extortrace::detect::detail {

// `pattern` with \w widened to every non-ASCII code point (RE2's and
// Hyperscan's \w are ASCII; a word like "przejął" must be one \w+ run).
std::string Widen(std::string_view pattern);

// Every lexicon entry's pattern, widened, in Entries() order (AllLexicons(),
// each lexicon's entries in order): index i is entry i.
std::vector<std::string> RuntimePatterns();

// The prefilter's pattern groups, one Hyperscan database each, as entry
// indices in Entries() order; they partition the entries by family. The
// matcher's demand gate (Gate::kDemand) scans the crypto group first, then
// the threat group, and the claims group only for a message one of them
// opened; most mail that names a currency or a threat word in passing costs
// a scan of the small groups alone. (One database per language was tried
// and scans slower in all than one of every language: docs/performance.md.)
inline constexpr size_t kCryptoGroup = 0;  // kCrypto
inline constexpr size_t kThreatGroup = 1;  // what can make an explicit threat
inline constexpr size_t kClaimsGroup = 2;  // every other pattern
inline constexpr size_t kPatternGroups = 3;
size_t GroupOf(const LexEntry& e);

// The detector's explicit threat (the only verdict of a letter without a
// wallet or crypto pattern): a family strength of kExplicitExposure or
// kExplicitViolence, where three hits or more add kRepeatBoost to the best
// weight. The threat group holds the patterns that can reach it.
inline constexpr float kRepeatBoost = 0.15f;
inline constexpr float kExplicitExposure = 0.95f;
inline constexpr float kExplicitViolence = 0.9f;

struct PatternGroup {
  std::string name;
  std::vector<uint32_t> entries;
};
std::vector<PatternGroup> PatternGroups();

// The patterns of `group`, in its order (what its database is built from).
std::vector<std::string> GroupPatterns(const std::vector<std::string>& runtime_patterns,
                                       const PatternGroup& group);

// FNV-1a (64-bit) over the strings, each followed by a NUL byte.
uint64_t StringSetHash(const std::vector<std::string>& strings);

// The RE2 options every pattern is compiled with: UTF-8, case-insensitive,
// dot matches newline.
RE2::Options MatcherOptions();

// Every word a kCrypto pattern can match contains one of these (a superset,
// checked by the CryptoGate test): if none occurs, no crypto evidence can.
// The first kShortCryptoCodes need non-alphanumeric neighbours, but for a
// digit before them ("btc" and "0.05btc", not "abtcd").
std::span<const char* const> CryptoWords();
inline constexpr size_t kShortCryptoCodes = 5;

// Words of letters that threaten without naming a currency (first-contact
// letters: "write back within 24 hours or the videos go to your contacts";
// bomb threats). When one occurs the whole lexicon runs even without a
// crypto word, so that a wallet-less letter can still be judged. Kept short
// and specific: each one makes the detector read the message in full.
std::span<const char* const> ThreatWords();

// Literals for a Hyperscan literal database, id = index.
struct LiteralSet {
  std::vector<std::string> words;
  std::vector<unsigned> flags;
};
// FilteredRE2's atoms: one report each.
LiteralSet AtomLiterals(const std::vector<std::string>& atoms);
// CryptoWords() then ThreatWords() (ids from CryptoWords().size()): every
// occurrence of a short code (its neighbours are checked), one report for the
// others.
LiteralSet GateLiterals();

// Compiles a block-mode literal database for `platform` (nullptr: this
// machine); nullptr and *error on failure.
hs_database_t* CompileLiterals(const LiteralSet& set, const hs_platform_info_t* platform,
                               std::string* error);

// Hyperscan flags of every pattern in the prefilter database: UTF-8,
// caseless, dot matches newline, prefilter mode; every end offset is
// reported (the matcher bounds each RE2 search by the last one). They mirror
// the RE2 options the matcher confirms candidates with.
unsigned PrefilterFlags();

}  // namespace extortrace::detect::detail
