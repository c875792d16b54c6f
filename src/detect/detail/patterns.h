// The lexicon patterns exactly as the matcher compiles them. Shared by the
// matcher and by the build-time generator of the Hyperscan pattern database
// (gen/prefilter_gen.cpp), so that both see the same strings in the same
// order; PatternSetHash() lets the matcher refuse a database built from
// other patterns.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::detect::detail {

// `pattern` with \w widened to every non-ASCII code point (RE2's and
// Hyperscan's \w are ASCII; a word like "przejął" must be one \w+ run).
std::string Widen(std::string_view pattern);

// Every lexicon entry's pattern, widened, in Entries() order (AllLexicons(),
// each lexicon's entries in order): index i is entry i.
std::vector<std::string> RuntimePatterns();

// FNV-1a (64-bit) over the patterns, each followed by a NUL byte.
uint64_t PatternSetHash(const std::vector<std::string>& patterns);

// Hyperscan flags of every pattern in the prefilter database: UTF-8,
// caseless, dot matches newline, prefilter mode; every end offset is
// reported (the matcher bounds each RE2 search by the last one). They mirror
// the RE2 options the matcher confirms candidates with.
unsigned PrefilterFlags();

}  // namespace extortrace::detect::detail
