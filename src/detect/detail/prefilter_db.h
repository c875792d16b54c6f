// The matcher's Hyperscan databases, compiled and serialized at build time by
// gen/prefilter_gen.cpp and linked in as a generated source: the prefilter
// database of every lexicon pattern (compiling it takes ~10 s, too long for a
// process start) and the two literal databases (FilteredRE2's atoms and the
// crypto gate words: ~0.1 s, a third of a short scan's run).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace extortrace::detect::detail {

// One serialized database (hs_serialize_database output; empty if the build
// could not make it) and StringSetHash of the strings it was built from.
struct EmbeddedDb {
  std::string_view bytes;
  uint64_t hash = 0;
};

struct EmbeddedDbs {
  EmbeddedDb patterns;           // RuntimePatterns(), prefilter mode
  EmbeddedDb atoms;              // AtomLiterals(FilteredRE2's atoms)
  EmbeddedDb gate;               // GateLiterals()
  std::string_view build_error;  // why a database is empty
};

EmbeddedDbs EmbeddedDatabases();

}  // namespace extortrace::detect::detail
