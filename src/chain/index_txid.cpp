#include "chain/index_txid.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace extortrace::chain {

uint64_t TxidFingerprint(const Hash256& h) {
  uint64_t v;
  std::memcpy(&v, h.data(), sizeof v);
  return v;
}

bool LookupLess(const LookupRecordCol& a, const LookupRecordCol& b) {
  return a.fingerprint != b.fingerprint ? a.fingerprint < b.fingerprint : a.id < b.id;
}

size_t TxidDeltaLimit(uint64_t main_count) {
  return std::max<size_t>(size_t{1} << 16,
                          static_cast<size_t>(64.0 * std::sqrt(static_cast<double>(main_count))));
}

Status TxidLookup::Open(const std::string& dir, const IndexManifest& m) {
  if (Status s = main_.OpenRead(dir + "/" + m.txid_main, m.txid_main_count); !s) return s;
  if (!m.txid_delta.empty()) {
    if (Status s = delta_.OpenRead(dir + "/" + m.txid_delta, m.txid_delta_count); !s) return s;
  }
  return {};
}

namespace {
// Ids whose fingerprint equals fp, via binary search over a sorted segment;
// fn(id) returns true to stop.
template <typename Fn>
void ForEachCandidate(const MappedColumn<LookupRecordCol>& lookup, uint64_t fp, Fn fn) {
  size_t lo = 0, hi = lookup.size();
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (lookup.Get(mid).fingerprint < fp) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  for (size_t i = lo; i < lookup.size(); ++i) {
    LookupRecordCol r = lookup.Get(i);
    if (r.fingerprint != fp || fn(r.id)) break;
  }
}
}  // namespace

std::optional<uint32_t> TxidLookup::Find(const Hash256& txid, const TxidAt& txid_at) const {
  std::optional<uint32_t> found;
  const uint64_t fp = TxidFingerprint(txid);
  auto match = [&](uint32_t id) {
    if (txid_at(id) == txid) found = id;  // ascending ids: the last match wins
    return false;
  };
  ForEachCandidate(main_, fp, match);
  ForEachCandidate(delta_, fp, match);  // delta ids are all larger than main's
  return found;
}

Status WriteTxidLookup(const std::string& dir, const IndexManifest& old,
                       std::vector<LookupRecordCol> added, size_t delta_limit,
                       IndexManifest* next) {
  std::sort(added.begin(), added.end(), LookupLess);
  MappedColumn<LookupRecordCol> main, delta;
  if (!old.txid_main.empty()) {
    if (Status s = main.OpenRead(dir + "/" + old.txid_main, old.txid_main_count); !s) return s;
  }
  if (!old.txid_delta.empty()) {
    if (Status s = delta.OpenRead(dir + "/" + old.txid_delta, old.txid_delta_count); !s) return s;
  }
  if (delta_limit == 0) delta_limit = TxidDeltaLimit(main.size());
  const bool merge_main = old.txid_main.empty() || delta.size() + added.size() >= delta_limit;
  const std::string name =
      fmt::format("txid.{}.{}", merge_main ? "main" : "delta", next->generation);
  MappedColumn<LookupRecordCol> out;
  if (Status s = out.Create(dir + "/" + name); !s) return s;
  // Three-way merge of sorted runs (main only when merging into a new main).
  size_t i = merge_main ? 0 : main.size(), j = 0, k = 0;
  while (i < main.size() || j < delta.size() || k < added.size()) {
    LookupRecordCol best{};
    int from = -1;
    if (i < main.size()) {
      best = main.Get(i);
      from = 0;
    }
    if (j < delta.size()) {
      LookupRecordCol b = delta.Get(j);
      if (from < 0 || LookupLess(b, best)) {
        best = b;
        from = 1;
      }
    }
    if (k < added.size() && (from < 0 || LookupLess(added[k], best))) {
      best = added[k];
      from = 2;
    }
    if (Status s = out.Append(best); !s) return s;
    (from == 0 ? i : from == 1 ? j : k)++;
  }
  const size_t written = out.size();
  if (Status s = out.Sync(); !s) return s;
  if (Status s = out.Close(); !s) return s;
  if (merge_main) {
    next->txid_main = name;
    next->txid_main_count = written;
    next->txid_delta.clear();
    next->txid_delta_count = 0;
  } else {
    next->txid_main = old.txid_main;
    next->txid_main_count = old.txid_main_count;
    next->txid_delta = name;
    next->txid_delta_count = written;
  }
  return {};
}

}  // namespace extortrace::chain
