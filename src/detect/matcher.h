// Matches every lexicon pattern against folded text: a Hyperscan pass selects
// the patterns that can match, then RE2 finds each candidate's matches and
// offsets. The Hyperscan pass runs the patterns in prefilter mode, in three
// databases compiled at build time and embedded (decision 0013;
// detail::PatternGroups()); if they are missing or do not load, a pass over
// the literal atoms RE2's
// FilteredRE2 derives from the patterns does the selecting instead (more
// candidates, same hits).
//
// Each pattern's RE2 object is compiled the first time a message needs it
// (thread-safe), so a short run compiles only what its messages reach; RE2
// objects are shared between threads and Hyperscan scratch space is per
// thread. Match() never throws; a pattern that does not compile (a bug
// caught by the tests through CompileError()) matches nothing.
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

// Which messages Match() may answer with no hits at all, cheaply.
enum class Gate : uint8_t {
  kNone,
  // The detector's gate for mail without a wallet: every verdict it gives
  // then needs a crypto word or a threat word (detail::CryptoWords(),
  // detail::ThreatWords(): letters that name no currency yet), and a crypto
  // pattern (a payment named in crypto) or a pattern that can make an
  // explicit threat (detail::kThreatGroup: exposure, violence) to match.
  // Without them, no hits.
  kDemand,
};

// All matches, sorted by start offset; at most `max_hits_per_entry` per entry
// (the earliest ones), so repeated boilerplate cannot blow up the result.
// With a gate that holds, returns no hits and sets *gated: the bulk of mail,
// which never names a currency, costs one literal scan, and mail that names
// one in passing a scan of the crypto patterns.
std::vector<Hit> Match(std::string_view folded, uint32_t max_hits_per_entry = 4,
                       Gate gate = Gate::kNone, bool* gated = nullptr);

// Match() with the literal-atom selection only, whether or not the pattern
// database is there: the reference the database path is tested against.
std::vector<Hit> MatchWithLiteralPrefilter(std::string_view folded, uint32_t max_hits_per_entry = 4,
                                           Gate gate = Gate::kNone, bool* gated = nullptr);

// Empty when every pattern compiles (compiles them all); otherwise the first
// error.
const std::string& CompileError();

// Compiles every pattern now, so that no message pays for it later: for
// long-running processes (the server, the milter) at start-up.
void CompileAll();

// Empty when the embedded pattern database is in use; otherwise why not
// ("not built", "built from other patterns", "does not load on this machine",
// or the Hyperscan error from the build).
const std::string& PatternDatabaseError();

// Entries without literal atoms, which the prefilter cannot skip (they run on
// every message; keep this list short).
std::vector<uint32_t> UnfilteredEntries();

}  // namespace extortrace::detect
