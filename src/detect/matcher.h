// Matches every lexicon pattern against folded text (RE2: one RE2::Set pass
// finds which patterns occur, then each of those is searched for offsets).
//
// Patterns are compiled once, on first use (thread-safe static), from
// AllLexicons(); RE2 objects are safe to share between threads. Match()
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
std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry = 4);

// Empty when the database compiled; otherwise the Hyperscan error and pattern.
const std::string& CompileError();


}  // namespace extortrace::detect
