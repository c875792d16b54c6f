#include "trace/cluster.h"

#include <algorithm>
#include <deque>
#include <set>
#include <unordered_set>

namespace extortrace::trace {

size_t UnionFind::Add() {
  parent_.push_back(parent_.size());
  size_.push_back(1);
  return parent_.size() - 1;
}

size_t UnionFind::Find(size_t x) {
  while (parent_[x] != x) {
    parent_[x] = parent_[parent_[x]];  // path halving
    x = parent_[x];
  }
  return x;
}

bool UnionFind::Union(size_t a, size_t b) {
  a = Find(a);
  b = Find(b);
  if (a == b) return false;
  if (size_[a] < size_[b]) std::swap(a, b);
  parent_[b] = a;
  size_[a] += size_[b];
  return true;
}

size_t AddressClusters::IdOf(std::string_view address) {
  auto [it, fresh] = ids_.try_emplace(std::string(address), 0);
  if (fresh) {
    it->second = uf_.Add();
    names_.emplace_back(address);
  }
  return it->second;
}

bool AddressClusters::Same(std::string_view a, std::string_view b) {
  if (!Contains(a) || !Contains(b)) return a == b;
  return uf_.Find(IdOf(a)) == uf_.Find(IdOf(b));
}

size_t AddressClusters::ClusterSize(std::string_view address) {
  if (!Contains(address)) return 1;
  return uf_.SizeOf(IdOf(address));
}

std::vector<std::string> AddressClusters::Members(std::string_view address) {
  std::vector<std::string> out;
  if (!Contains(address)) {
    out.emplace_back(address);
    return out;
  }
  size_t root = uf_.Find(IdOf(address));
  for (size_t i = 0; i < names_.size(); ++i)
    if (uf_.Find(i) == root) out.push_back(names_[i]);
  std::sort(out.begin(), out.end());
  return out;
}

bool AddressClusters::AddMultiInput(const TxInfo& tx) {
  bool merged = false;
  const std::string* first = nullptr;
  for (const TxInput& in : tx.inputs) {
    if (in.address.empty()) continue;
    if (first == nullptr) {
      first = &in.address;
      IdOf(*first);
    } else {
      merged = Union(*first, in.address) || merged;
    }
  }
  return merged;
}

namespace {

// Height of the first output ever paying `address` (nullopt: none).
Result<std::optional<std::pair<int64_t, std::string>>> FirstSeen(ChainView& view,
                                                                 const std::string& address) {
  auto outs = view.OutputsOf(address);
  if (!outs) return Fail(outs.error());
  if (outs->empty()) return std::optional<std::pair<int64_t, std::string>>{};
  const AddressOutput* best = &(*outs)[0];
  for (const AddressOutput& o : *outs)
    if (o.height >= 0 && (best->height < 0 || o.height < best->height)) best = &o;
  return std::optional<std::pair<int64_t, std::string>>({best->height, best->txid});
}

}  // namespace

Result<bool> IsLikelyChange(ChainView& view, const TxInfo& tx, uint32_t vout) {
  if (tx.outputs.size() != 2 || tx.IsCoinbase() || vout > 1) return false;
  const TxOutput& mine = tx.outputs[vout];
  const TxOutput& other = tx.outputs[1 - vout];
  if (mine.address.empty() || other.address.empty() || mine.address == other.address) return false;
  if (mine.value == other.value) return false;
  for (const TxInput& in : tx.inputs)
    if (in.address == mine.address || in.address == other.address) return false;
  auto a = FirstSeen(view, mine.address);
  if (!a) return Fail(a.error());
  auto b = FirstSeen(view, other.address);
  if (!b) return Fail(b.error());
  bool mine_fresh = *a && (*a)->second == tx.txid;
  bool other_fresh = *b && (*b)->second == tx.txid;
  return mine_fresh && !other_fresh;
}

Result<Cluster> ClusterOf(ChainView& view, const std::string& seed, const ClusterOptions& options) {
  Cluster c;
  c.seed = seed;
  std::set<std::string> members{seed};
  std::deque<std::string> queue{seed};
  std::unordered_set<std::string> seen_txs;
  while (!queue.empty()) {
    std::string a = std::move(queue.front());
    queue.pop_front();
    auto outs = view.OutputsOf(a);
    if (!outs) return Fail(outs.error());
    for (const AddressOutput& o : *outs) {
      auto sp = view.SpenderOf(o.txid, o.vout);
      if (!sp) return Fail(sp.error());
      if (!*sp || !seen_txs.insert((*sp)->txid).second) continue;
      if (seen_txs.size() > options.max_txs) {
        c.truncated = true;
        break;
      }
      auto tx = view.GetTx((*sp)->txid);
      if (!tx) return Fail(tx.error());
      auto join = [&](const std::string& addr, const char* rule) {
        if (addr.empty() || members.count(addr)) return;
        if (members.size() >= options.max_addresses) {
          c.truncated = true;
          return;
        }
        members.insert(addr);
        queue.push_back(addr);
        c.evidence.push_back({a, addr, tx->txid, rule});
      };
      for (const TxInput& in : tx->inputs) join(in.address, "multi-input");
      if (options.change_heuristic) {
        for (uint32_t v = 0; v < tx->outputs.size() && v < 2; ++v) {
          auto ch = IsLikelyChange(view, *tx, v);
          if (!ch) return Fail(ch.error());
          if (*ch) join(tx->outputs[v].address, "change");
        }
      }
    }
  }
  c.members.assign(members.begin(), members.end());
  return c;
}

}  // namespace extortrace::trace
