// Which store a command uses. Every subcommand with a --db option resolves it
// here, so the environment fallback and the default are written once:
//
//   1. --db URL when given;
//   2. else $EXTORTRACE_DB when set and not empty;
//   3. else, for commands that cannot work without a store (campaigns,
//      report, trace), kDefaultStore in the current directory; commands for
//      which a store is optional (scan, explain, serve, milter) run without one.
#pragma once

#include <string>

namespace extortrace::cli {

inline constexpr const char* kDefaultStore = "extortrace.db";

enum class StoreNeed { kOptional, kRequired };

// The store URL (SQLite file or postgresql:// URL) for `flag` (the --db value,
// empty when not given); "" means no store (only with kOptional).
std::string StoreUrl(const std::string& flag, StoreNeed need);

}  // namespace extortrace::cli
