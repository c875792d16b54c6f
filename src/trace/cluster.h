// Address clustering: which addresses are probably controlled by one entity.
//
// Multi-input heuristic: all addresses spent together as inputs of one tx
// belong to one wallet (whoever signs a tx holds every input's key). It is
// the backbone of Bitcoin forensics, and it breaks on CoinJoin (Wasabi,
// Whirlpool, JoinMarket), PayJoin and shared custodial hot wallets, which
// merge unrelated people into one cluster; see docs/chain.md.
//
// Change heuristic (optional, probabilistic): in a 2-output tx spending
// from the cluster, an output whose address appears for the first time in
// this tx, while the other output's address had already received before,
// is taken as the change going back to the spender. Not applied when an
// output address is also an input address (that output is the change
// already, and the multi-input rule has merged it), when the two outputs are
// equal (CoinJoin-like) or when either output has no address.
//
// UnionFind: path compression (halving) and union by size; not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/result.h"
#include "trace/chain_view.h"

namespace extortrace::trace {

class UnionFind {
 public:
  size_t Add();  // a new singleton; returns its id
  size_t Find(size_t x);
  // Merges the sets of a and b; false if already one set.
  bool Union(size_t a, size_t b);
  size_t SizeOf(size_t x) { return size_[Find(x)]; }
  size_t size() const { return parent_.size(); }

 private:
  std::vector<size_t> parent_, size_;
};

// Union-find keyed by address strings.
class AddressClusters {
 public:
  size_t IdOf(std::string_view address);
  bool Contains(std::string_view address) const { return ids_.count(std::string(address)) > 0; }
  bool Union(std::string_view a, std::string_view b) { return uf_.Union(IdOf(a), IdOf(b)); }
  bool Same(std::string_view a, std::string_view b);
  size_t ClusterSize(std::string_view address);
  // Members of `address`'s cluster, sorted.
  std::vector<std::string> Members(std::string_view address);
  // Applies the multi-input heuristic to one tx; returns true if it merged.
  bool AddMultiInput(const TxInfo& tx);

 private:
  UnionFind uf_;
  std::unordered_map<std::string, size_t> ids_;
  std::vector<std::string> names_;
};

struct ClusterOptions {
  bool change_heuristic = false;
  size_t max_addresses = 5000;  // stop expanding (cluster marked truncated)
  size_t max_txs = 50000;
};

struct ClusterLink {
  std::string a, b, txid;
  std::string rule;  // "multi-input" or "change"
};

struct Cluster {
  std::string seed;
  std::vector<std::string> members;   // sorted, includes seed
  std::vector<ClusterLink> evidence;  // why members joined (one link each)
  bool truncated = false;
};

// True if output `vout` of `tx` is change by the heuristic above
// (looks up each output address's first appearance through `view`).
Result<bool> IsLikelyChange(ChainView& view, const TxInfo& tx, uint32_t vout);

// Expands `seed`'s cluster by following every tx that spends from a member
// (multi-input, and change if enabled).
Result<Cluster> ClusterOf(ChainView& view, const std::string& seed,
                          const ClusterOptions& options = {});

}  // namespace extortrace::trace
