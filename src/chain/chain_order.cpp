#include "chain/chain_order.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>

#include "chain/block.h"

namespace extortrace::chain {

namespace {
struct HashKey {
  size_t operator()(const Hash256& h) const {
    size_t v;
    std::memcpy(&v, h.data(), sizeof v);  // hashes are uniformly distributed
    return v;
  }
};
constexpr uint32_t kNone = 0xffffffffu;
}  // namespace

ChainOrder OrderChain(std::span<const HeaderEntry> headers, const Hash256& root_parent,
                      int64_t root_parent_height) {
  ChainOrder out;
  out.first_height = root_parent_height + 1;
  const uint32_t n = static_cast<uint32_t>(headers.size());
  std::unordered_map<Hash256, uint32_t, HashKey> by_hash;
  by_hash.reserve(n);
  std::vector<bool> unique(n, false);
  for (uint32_t i = 0; i < n; ++i) {
    if (by_hash.emplace(headers[i].hash, i).second) {
      unique[i] = true;
    } else {
      out.duplicates.push_back(i);
    }
  }
  // Children as linked lists through first_child/next_sibling, built by
  // prepending, so each list is in reverse file order; pushed onto the DFS
  // stack in that order, the child seen first in the files is explored first.
  std::vector<uint32_t> first_child(n, kNone), next_sibling(n, kNone);
  std::vector<uint32_t> roots;
  for (uint32_t i = 0; i < n; ++i) {
    if (!unique[i]) continue;
    if (headers[i].prev_hash == root_parent) {
      roots.push_back(i);
      continue;
    }
    auto it = by_hash.find(headers[i].prev_hash);
    if (it == by_hash.end()) continue;
    next_sibling[i] = first_child[it->second];
    first_child[it->second] = i;
  }
  // Depth-first walk from the roots; cumulative work per block.
  std::vector<double> work(n, 0.0);
  std::vector<uint32_t> parent(n, kNone);
  std::vector<bool> reached(n, false);
  uint32_t best_tip = kNone;
  std::vector<uint32_t> stack(roots.rbegin(), roots.rend());
  for (uint32_t r : roots) {
    work[r] = WorkFromBits(headers[r].bits);
    reached[r] = true;
  }
  while (!stack.empty()) {
    uint32_t b = stack.back();
    stack.pop_back();
    if (best_tip == kNone || work[b] > work[best_tip]) {
      best_tip = b;
    }
    for (uint32_t c = first_child[b]; c != kNone; c = next_sibling[c]) {
      if (reached[c]) continue;  // cannot happen with unique hashes; guards cycles
      reached[c] = true;
      parent[c] = b;
      work[c] = work[b] + WorkFromBits(headers[c].bits);
      stack.push_back(c);
    }
  }
  std::vector<bool> on_best(n, false);
  for (uint32_t b = best_tip; b != kNone; b = parent[b]) {
    out.best.push_back(b);
    on_best[b] = true;
  }
  std::reverse(out.best.begin(), out.best.end());
  for (uint32_t i = 0; i < n; ++i) {
    if (!unique[i] || on_best[i]) continue;
    (reached[i] ? out.stale : out.orphans).push_back(i);
  }
  return out;
}

}  // namespace extortrace::chain
