// Index: an on-disk, memory-mapped index of a block chain for following money:
//   tx -> block height/time, outputs and inputs
//   outpoint (txid:vout) -> output (value, address) -> spending tx and input
//   address -> all outputs paying it (newest first)
//   input -> the output it spends
//
// Layout: a directory of append-only fixed-record column files (see
// docs/chain.md "Index" for the byte arithmetic): blocks.col, txs.col,
// outputs.col, inputs.col, addresses.col, plus the txid lookup (index_txid.h:
// fingerprint-sorted main and delta segments) and addr.table (mmap'd hash
// table, address_table.h), committed by MANIFEST (index_manifest.h). Numbers
// (tx, output, input, address ids) are dense positions in those columns, in
// chain order.
//
// Build() reads the blocks twice: a first pass that parses every block
// (skipping, and recording in IndexBuildStats::problems, frames and blocks
// that are corrupt, with file and offset) and orders them into the best chain
// (chain_order.h), then a block pass in height order.
// RAM during the build: the unspent-outputs map (keyed by full txid, entries
// removed when all outputs are spent) and the txid lookup entries (12 bytes a
// tx, sorted once at the end); the address dictionary is on disk.
//
// Append() adds the blocks that extend the indexed tip (see its comment);
// Update() builds or appends, whichever applies. Both commit by rewriting
// MANIFEST last, so a process killed at any point leaves the previous index
// intact, and the next Append()/Update() recovers it before going on.
// One writer at a time per directory (an flock on <dir>/LOCK; a second
// writer gets an error, not a wait).
//
// Thread-safety: an opened Index is immutable; all const methods may be
// called concurrently. An Index opened while another process appends, or
// after an append was killed, answers exactly for the commit it opened
// (counts from that MANIFEST; spent-by fields and address-table slots naming
// later records are ignored, and a moved address head is followed back
// through the uncommitted records); reopen to see new blocks. Lifetime: the
// mappings live as long as the Index.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chain/address_key.h"
#include "chain/address_table.h"
#include "chain/blk_file.h"
#include "chain/chain_order.h"
#include "chain/index_manifest.h"
#include "chain/index_txid.h"
#include "chain/mapped_column.h"
#include "core/result.h"

namespace extortrace::chain {

inline constexpr uint32_t kNoAddress = 0xffffffffu;
inline constexpr uint32_t kUnspent = 0xffffffffu;
inline constexpr uint64_t kNoOutput = ~uint64_t{0};

// On-disk records (packed, little-endian hosts only).
#pragma pack(push, 1)
struct BlockRecordCol {
  Hash256 hash;
  uint32_t height;
  uint32_t time;
  uint64_t first_tx;
};
struct TxRecordCol {
  Hash256 txid;
  uint64_t first_output;
  uint64_t first_input;
};
struct OutputRecordCol {
  int64_t value;
  uint32_t address;            // kNoAddress for nulldata / non-standard
  uint32_t spent_by_tx;        // kUnspent
  uint64_t prev_same_address;  // kNoOutput ends the address's list
};
struct InputRecordCol {
  uint64_t spent_output;  // kNoOutput: coinbase or prevout not in the index
};
struct AddressRecordCol {
  AddressKey key;
  uint64_t last_output;
  uint32_t output_count;
};
#pragma pack(pop)

struct IndexOptions {
  Network net = kMainnet;
  // First block accepted: the one whose parent is root_parent, at height
  // root_parent_height + 1 (defaults: start at genesis).
  Hash256 root_parent{};
  int64_t root_parent_height = -1;
  // Append commits after this many blocks or txs (bounds its RAM: staged
  // updates of earlier records and the new txids are held until the commit).
  uint32_t commit_blocks = 2000;
  size_t commit_txs = 4'000'000;
  // Largest txid delta segment before it is merged into the main one
  // (0: automatic, index_txid.h).
  size_t txid_delta_limit = 0;
  // Fault injection for tests: Append returns an error right before writing
  // the manifest of commit number N (0-based), leaving the files as a kill at
  // that point would. -1: never.
  int test_fail_before_commit = -1;
};

struct IndexedTx {
  Hash256 txid{};
  uint32_t tx = 0;
  uint32_t height = 0;
  uint32_t time = 0;
  uint64_t first_output = 0, output_count = 0;
  uint64_t first_input = 0, input_count = 0;
};

struct IndexedOutput {
  uint64_t id = 0;
  uint32_t tx = 0;
  uint32_t vout = 0;
  int64_t value = 0;
  uint32_t address = kNoAddress;
  uint32_t spent_by_tx = kUnspent;
};

struct Spender {
  uint32_t tx;
  uint32_t input_index;
};

// What a Build/Append/Update did. Counts are of records added by this call.
struct IndexBuildStats {
  size_t blocks = 0, stale = 0, orphans = 0, txs = 0, outputs = 0, inputs = 0, addresses = 0;
  size_t unresolved_inputs = 0;  // prevout not found (should be 0 from genesis)
  std::vector<Error> problems;   // source / parse errors that were skipped
  bool built = false;            // a full build (Build, or Update without an index)
  bool resumed = false;          // the source was read from where the last run stopped
  bool recovered = false;        // an interrupted append was rolled back first
  size_t blocks_read = 0;        // blocks parsed in the source pass
  int64_t reorg_height = -1;     // Append: a better branch forks at this height
  int64_t tip_height = -1;       // after the call
};

class Index {
 public:
  // Builds into `dir` (created; existing column files are overwritten) and
  // opens the result.
  static Result<Index> Build(BlockSource& blocks, const std::string& dir,
                             const IndexOptions& options = {}, IndexBuildStats* stats = nullptr);
  // Adds to the index in `dir` the blocks of `blocks` that extend its tip
  // (ordered by chain_order.h from the tip, with blocks seen earlier but not
  // yet connected), then opens it. Reads the source from where the previous
  // run stopped when that file is still there unchanged, else all of it
  // (skipping indexed blocks). Tip unchanged: nothing is written. A branch
  // forking below the tip that is longer than the new tip: kUnsupported with
  // stats->reorg_height set, index untouched (rebuild; Update() does).
  // Stale branches that are not longer are ignored (counted in stats).
  // Resolves prevouts through the txid lookup instead of an unspent map.
  static Result<Index> Append(BlockSource& blocks, const std::string& dir,
                              const IndexOptions& options = {}, IndexBuildStats* stats = nullptr);
  // Append() when `dir` holds an index built with the same root, else
  // Build(); also Build() after a reorganisation (stats->reorg_height >= 0).
  static Result<Index> Update(BlockSource& blocks, const std::string& dir,
                              const IndexOptions& options = {}, IndexBuildStats* stats = nullptr);
  static Result<Index> Open(const std::string& dir, const Network& net = kMainnet);

  size_t block_count() const { return blocks_.size(); }
  size_t tx_count() const { return txs_.size(); }
  size_t output_count() const { return outputs_.size(); }
  size_t input_count() const { return inputs_.size(); }
  size_t address_count() const { return addresses_.size(); }

  std::optional<uint32_t> FindTx(const Hash256& txid) const;
  IndexedTx Tx(uint32_t tx) const;          // tx < tx_count()
  IndexedOutput Output(uint64_t id) const;  // id < output_count()
  std::optional<uint64_t> OutputId(const Hash256& txid, uint32_t vout) const;
  std::optional<Spender> SpenderOf(uint64_t output_id) const;
  // The output spent by input `input_index` of `tx` (nullopt: coinbase).
  std::optional<uint64_t> SpentOutput(uint32_t tx, uint32_t input_index) const;
  std::optional<uint32_t> FindAddress(std::string_view address) const;
  std::optional<uint32_t> FindAddressKey(const AddressKey& key) const;
  std::vector<uint64_t> OutputsOf(uint32_t address) const;  // newest first
  std::string AddressString(uint32_t address) const;
  AddressKey AddressKeyAt(uint32_t address) const { return addresses_.Get(address).key; }
  // Outputs paying the address (its list length, as OutputsOf() gives them).
  size_t OutputCountOf(uint32_t address) const;
  const Network& network() const { return net_; }
  uint32_t HeightOfTx(uint32_t tx) const;
  // The committed state (counts, tip, files) this Index was opened at.
  const IndexManifest& manifest() const { return manifest_; }
  // Bytes of all files of the committed state.
  uint64_t DiskBytes() const;
  // Block at dense position `i` (< block_count()).
  BlockRecordCol BlockAt(size_t i) const { return blocks_.Get(i); }

 private:
  std::string dir_;
  IndexManifest manifest_;
  Network net_ = kMainnet;
  MappedColumn<BlockRecordCol> blocks_;
  MappedColumn<TxRecordCol> txs_;
  MappedColumn<OutputRecordCol> outputs_;
  MappedColumn<InputRecordCol> inputs_;
  MappedColumn<AddressRecordCol> addresses_;
  TxidLookup txid_lookup_;
  AddressTable addr_table_;
};

}  // namespace extortrace::chain
