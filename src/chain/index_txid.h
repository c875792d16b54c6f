// TxidLookup: txid -> tx number for the index, as two fingerprint-sorted
// arrays of (first 8 bytes of the txid, tx): a main segment and a small delta
// segment holding the txs of recent appends.
//
// Appending n txs rewrites the delta (its size D plus n records) into a new
// file; once the delta would reach TxidDeltaLimit(main) (max(2^16, 64·sqrt(main))
// records, ≈ 2.1 M at the full chain's 1.1 G txs), main and delta are merged
// into a new main (one sequential pass over both). Amortised, a block of 3,000
// txs then costs ~30 MB of sequential writes at the full chain's size instead
// of rewriting the 13 GB main array; lookups pay one more binary search.
// Files are never modified in place: every write is a new file named after
// the manifest generation that commits it (index_manifest.h).
//
// Ownership: owns its read-only mappings; thread-safe for concurrent lookups.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "chain/index_manifest.h"
#include "chain/mapped_column.h"
#include "chain/tx.h"
#include "core/result.h"

namespace extortrace::chain {

#pragma pack(push, 1)
struct LookupRecordCol {
  uint64_t fingerprint;
  uint32_t id;
};
#pragma pack(pop)

uint64_t TxidFingerprint(const Hash256& txid);
// Sort order of both segments: fingerprint, then tx number.
bool LookupLess(const LookupRecordCol& a, const LookupRecordCol& b);

class TxidLookup {
 public:
  using TxidAt = std::function<Hash256(uint32_t tx)>;

  // Maps the segments the manifest names (counts from the manifest).
  Status Open(const std::string& dir, const IndexManifest& m);
  size_t size() const { return main_.size() + delta_.size(); }
  // The tx with this txid; of BIP-30 duplicates, the later one.
  std::optional<uint32_t> Find(const Hash256& txid, const TxidAt& txid_at) const;

 private:
  MappedColumn<LookupRecordCol> main_, delta_;
};

size_t TxidDeltaLimit(uint64_t main_count);

// Writes the lookup files for manifest generation `next.generation`, adding
// `added` (any order; sorted here) to the segments `old` names, and sets the
// txid_* fields of `next`. `delta_limit` 0 means TxidDeltaLimit(main).
// Old files are left for the caller to delete once `next` is committed.
Status WriteTxidLookup(const std::string& dir, const IndexManifest& old,
                       std::vector<LookupRecordCol> added, size_t delta_limit, IndexManifest* next);

}  // namespace extortrace::chain
