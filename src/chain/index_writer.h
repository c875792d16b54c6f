// IndexWriter: the record-appending core shared by Index::Build and
// Index::Append (internal to et_chain; index.h is the public contract).
//
// Records at positions >= the base counts (outputs, addresses) belong to the
// work in progress and are written straight into the mapped columns, past the
// committed counts where a crash cannot hurt. Updates of records below the
// base counts ("spent by" of an old output, the list head of an old address)
// are staged in RAM and written by ApplyStaged() during a commit, after their
// old values went to the undo file (index_append.cpp). A build has base
// counts 0, so it stages nothing.
//
// Prevouts resolve through `unspent` (txs since the last commit; during a
// build, the whole unspent set) and then through `committed` (the txid lookup
// of the last commit), if set. Not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "chain/address_table.h"
#include "chain/block.h"
#include "chain/index.h"
#include "chain/index_txid.h"

namespace extortrace::chain::detail {

struct TxidHash {
  size_t operator()(const Hash256& h) const {
    size_t v;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
  }
};

// A tx with unspent outputs: its number and how many outputs remain unspent.
struct Unspent {
  uint32_t tx;
  uint32_t remaining;
};

class IndexWriter {
 public:
  explicit IndexWriter(IndexBuildStats& stats) : stats_(stats) {}

  Status Create(const std::string& dir);  // empty columns and table
  // Opens the columns of `m` for appending (truncating uncommitted records;
  // with drop_uncommitted also clearing their address-table slots, a full
  // pass over the table, needed only after an interrupted append).
  Status OpenAppend(const std::string& dir, const IndexManifest& m, bool drop_uncommitted = false);
  void set_committed(const TxidLookup* lookup) { committed_ = lookup; }

  Status AddBlock(const Block& b, uint32_t height);
  // ReadChainBlock into *block, then AddBlock.
  Status AddBlockAt(BlockSource& src, const BlockLocation& loc, uint32_t height, Block* block);

  size_t blocks() const { return blocks_.size(); }
  size_t txs() const { return txs_.size(); }
  size_t outputs() const { return outputs_.size(); }
  size_t inputs() const { return inputs_.size(); }
  size_t addresses() const { return addresses_.size(); }
  size_t staged() const { return staged_outputs_.size() + staged_addresses_.size(); }
  // txids added since the last Rebase(), for the lookup.
  std::vector<LookupRecordCol>& new_lookup() { return new_lookup_; }
  const std::unordered_map<uint64_t, OutputRecordCol>& staged_outputs() const {
    return staged_outputs_;
  }
  const std::unordered_map<uint32_t, AddressRecordCol>& staged_addresses() const {
    return staged_addresses_;
  }
  OutputRecordCol CommittedOutput(uint64_t id) const { return outputs_.Get(id); }
  AddressRecordCol CommittedAddress(uint32_t id) const { return addresses_.Get(id); }

  // Sets the counts and the address table file of `m` to what was written.
  void SetCounts(IndexManifest* m) const;

  void ApplyStaged();
  Status Sync();
  // After a commit: everything written so far becomes "old".
  void Rebase();
  Status Close();

 private:
  Status AddTx(const Block& b, const Tx& tx, bool coinbase);
  OutputRecordCol GetOutput(uint64_t id) const;
  void SetOutput(uint64_t id, const OutputRecordCol& r);
  AddressRecordCol GetAddress(uint32_t id) const;
  void SetAddress(uint32_t id, const AddressRecordCol& r);

  IndexBuildStats& stats_;
  MappedColumn<BlockRecordCol> blocks_;
  MappedColumn<TxRecordCol> txs_;
  MappedColumn<OutputRecordCol> outputs_;
  MappedColumn<InputRecordCol> inputs_;
  MappedColumn<AddressRecordCol> addresses_;
  AddressTable address_ids_;
  uint64_t base_outputs_ = 0;
  uint32_t base_addresses_ = 0;
  std::unordered_map<uint64_t, OutputRecordCol> staged_outputs_;
  std::unordered_map<uint32_t, AddressRecordCol> staged_addresses_;
  std::unordered_map<Hash256, Unspent, TxidHash> unspent_;
  const TxidLookup* committed_ = nullptr;
  std::vector<LookupRecordCol> new_lookup_;
  std::vector<uint8_t> scratch_;
};

// Exclusive flock on <dir>/LOCK for one writer; released on destruction.
class DirLock {
 public:
  DirLock() = default;
  DirLock(const DirLock&) = delete;
  DirLock& operator=(const DirLock&) = delete;
  ~DirLock();
  Status Acquire(const std::string& dir);

 private:
  int fd_ = -1;
};

// Pass 1 over a source: every block parsed (corrupt ones recorded in
// stats.problems with file and offset), headers of the new ones kept.
struct ScannedBlocks {
  std::vector<HeaderEntry> headers;
  std::vector<BlockLocation> locations;  // file indices of the caller's source
  bool any_frame = false;                // then end_* says where reading stopped
  uint32_t end_file = 0;
  uint64_t end_offset = 0;
  bool any_block = false;  // then last_* is the last block that parsed
  Hash256 last_hash{};
  BlockLocation last_location;
};
// Reads `src` from file `first_file`, skipping frames of that file that start
// before `skip_until`; keeps blocks for which keep(hash) is true.
Status ScanBlocks(BlockSource& src, const Network& net, uint32_t first_file, uint64_t skip_until,
                  const std::function<bool(const Hash256&)>& keep, IndexBuildStats& stats,
                  ScannedBlocks* out);
// Reads and parses the block at `loc` (on the best chain at `height`); an
// error names the file and height: a best-chain block that does not parse
// breaks the chain.
Status ReadChainBlock(BlockSource& src, const BlockLocation& loc, uint32_t height, Block* block);
// The scan position fields of a manifest from a scan.
void SetScanPosition(const BlockSource& src, const ScannedBlocks& scan, IndexManifest* m);
std::string BaseName(const std::string& path);
// fsync of an existing file.
Status SyncFile(const std::string& path);

}  // namespace extortrace::chain::detail
