// The Hyperscan prefilter database of every lexicon pattern, compiled and
// serialized at build time by gen/prefilter_gen.cpp (compiling it takes
// ~10 s, too long for a process start) and linked in as a generated source.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace extortrace::detect::detail {

struct EmbeddedDb {
  std::string_view bytes;     // hs_serialize_database output; empty if the build could not make it
  uint64_t pattern_hash = 0;  // PatternSetHash of the patterns it was built from
  size_t patterns = 0;
  std::string_view build_error;  // why `bytes` is empty
};

EmbeddedDb EmbeddedPrefilterDb();

}  // namespace extortrace::detect::detail
