// The matcher's Hyperscan databases, compiled and serialized at build time by
// gen/prefilter_gen.cpp and linked in as a generated source: the prefilter
// databases of the lexicon patterns, one per pattern group (compiling them
// takes tens of seconds, far too long for a process start) and the two
// literal databases (FilteredRE2's atoms and the
// crypto gate words: ~0.1 s, a third of a short scan's run).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace extortrace::detect::detail {

// One serialized database (hs_serialize_database output; empty if the build
// could not make it) and StringSetHash of the strings it was built from.
struct EmbeddedDb {
  std::string_view bytes;
  uint64_t hash = 0;
};

struct EmbeddedDbs {
  // One per PatternGroups() group, prefilter mode, hash over GroupPatterns().
  std::vector<EmbeddedDb> patterns;
  EmbeddedDb atoms;              // AtomLiterals(FilteredRE2's atoms)
  EmbeddedDb gate;               // GateLiterals()
  std::string_view build_error;  // why a database is empty
};

EmbeddedDbs EmbeddedDatabases();

}  // namespace extortrace::detect::detail
