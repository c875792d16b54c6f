// Orders blocks found in file order into the best chain.
//
// Bitcoin Core stores blocks as they arrive, so blk files hold them out of
// height order and also hold stale blocks (lost forks) and, after a partial
// sync, blocks whose parent is missing. OrderChain() links headers by their
// prev hash, starting from a root (by default the all-zero parent of the
// genesis block), follows every branch, and picks the tip with the most
// cumulative work (ties: the branch seen first). Complexity O(n) expected.
//
// Pure function over its input; thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

#include "chain/tx.h"

namespace extortrace::chain {

struct HeaderEntry {
  Hash256 hash{};
  Hash256 prev_hash{};
  uint32_t bits = 0;
};

struct ChainOrder {
  // Indices into the input, in height order; best[i] has height first_height + i.
  std::vector<uint32_t> best;
  int64_t first_height = 0;
  std::vector<uint32_t> stale;       // linked to the root, not on the best chain
  std::vector<uint32_t> orphans;     // parent never seen (unreachable from the root)
  std::vector<uint32_t> duplicates;  // same hash seen again (later copies)
};

// `root_parent`: the prev hash of the first block to accept, at height
// `root_parent_height` + 1 (defaults: genesis at height 0).
ChainOrder OrderChain(std::span<const HeaderEntry> headers, const Hash256& root_parent = {},
                      int64_t root_parent_height = -1);

}  // namespace extortrace::chain
