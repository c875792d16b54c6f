// Matches every lexicon pattern against folded text: a Hyperscan pass selects
// the patterns that can match, then RE2 finds each candidate's matches and
// offsets. The Hyperscan pass runs a database of the whole patterns in
// prefilter mode, compiled at build time and embedded (decision 0013); if it
// is missing or does not load, a pass over the literal atoms RE2's
// FilteredRE2 derives from the patterns does the selecting instead (more
// candidates, same hits).
//
// Patterns are compiled once, on first use (thread-safe static), from
// AllLexicons(); RE2 objects are safe to share between threads and Hyperscan
// scratch space is per thread. Match()
// never throws; if a pattern failed to compile (a bug caught by the tests),
// it returns nothing and CompileError() says why.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "detect/lexicon.h"

namespace extortrace::detect {

struct Hit {
  uint32_t entry;  // index into Entries()
  uint32_t from;   // byte offsets into the scanned text
  uint32_t to;
};

struct EntryInfo {
  const LexEntry* entry;
  const char* lang;
};

// Every lexicon entry, flattened; Hit::entry indexes this.
const std::vector<EntryInfo>& Entries();

// All matches, sorted by start offset; at most `max_hits_per_entry` per entry
// (the earliest ones), so repeated boilerplate cannot blow up the result.
//
// `need`: when given and no pattern of that family can match (none of its
// literal atoms occurs), returns no hits at all and sets *gated: the cheap
// exit for the bulk of mail that never mentions crypto. With `need` =
// kCrypto the gate also stays open when a threat word occurs
// (detail::ThreatWords()): letters that name no currency yet threaten.
std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry = 4,
                       const Family* need = nullptr, bool* gated = nullptr);

// Match() with the literal-atom selection only, whether or not the pattern
// database is there: the reference the database path is tested against.
std::vector<Hit> MatchWithLiteralPrefilter(std::string_view folded, uint32_t max_hits_per_entry = 4,
                                           const Family* need = nullptr, bool* gated = nullptr);

// Empty when the database compiled; otherwise the Hyperscan error and pattern.
const std::string& CompileError();

// Empty when the embedded pattern database is in use; otherwise why not
// ("not built", "built from other patterns", "does not load on this machine",
// or the Hyperscan error from the build).
const std::string& PatternDatabaseError();

// Entries without literal atoms, which the prefilter cannot skip (they run on
// every message; keep this list short).
std::vector<uint32_t> UnfilteredEntries();

}  // namespace extortrace::detect
