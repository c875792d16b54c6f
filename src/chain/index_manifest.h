// IndexManifest: the small text file (`<dir>/MANIFEST`) that commits an index.
//
// Column files only grow, and an append writes its new records past the
// counts named here before it rewrites this file (temp file + fsync + rename
// + directory fsync). A reader or an interrupted append therefore sees
// exactly the records of the last commit: Index::Open maps `count` records of
// each column and ignores the rest, and the next append truncates it away
// (index_append.cpp). The manifest also names the txid lookup files of the
// generation, the chain tip, where the block source was read up to, and the
// blocks seen but not (yet) on the indexed chain.
//
// Format (one `key value...` per line, first line `extortrace-index 1`); see
// docs/chain.md "Index files". Pure data + two functions; thread-compatible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "chain/tx.h"
#include "core/result.h"

namespace extortrace::chain {

// A block read from the source but not on the indexed chain: an orphan
// (parent not seen yet, e.g. blocks stored out of order during a sync) or a
// stale branch. Kept so that a later append can connect it.
struct PendingBlock {
  Hash256 hash{};
  Hash256 prev{};
  uint32_t bits = 0;
  std::string file;  // base name of the block file
  uint64_t offset = 0;
  uint32_t size = 0;
};

struct IndexManifest {
  uint64_t generation = 0;
  uint64_t blocks = 0, txs = 0, outputs = 0, inputs = 0, addresses = 0;
  Hash256 root_parent{};
  int64_t root_parent_height = -1;
  Hash256 tip{};  // last indexed block (root_parent when the index is empty)
  int64_t tip_height = -1;
  std::string txid_main;  // file name inside the index directory
  uint64_t txid_main_count = 0;
  std::string txid_delta;  // "" when there is no delta segment
  uint64_t txid_delta_count = 0;
  std::string table_file;  // the address table (address_table.h)
  uint64_t table_slots = 0;
  // Where reading the source stopped: end of the last frame read in `scan_file`
  // (base name), and a block there (hash, offset, size) that must still read
  // back with that hash for the next append to resume instead of rescanning.
  std::string scan_file;
  uint64_t scan_offset = 0;
  Hash256 scan_check_hash{};
  uint64_t scan_check_offset = 0;
  uint32_t scan_check_size = 0;
  std::vector<PendingBlock> pending;
};

inline constexpr const char* kManifestName = "MANIFEST";
// Most pending blocks kept (oldest dropped): Bitcoin Core downloads at most
// 1,024 blocks ahead of the tip, so orphans from a sync stay well below this.
inline constexpr size_t kMaxPendingBlocks = 10000;

// The text form, and back (`name` is used in error messages). Parsing never
// trusts the text: every line is checked, unknown keys are errors.
std::string FormatManifest(const IndexManifest& m);
Result<IndexManifest> ParseManifest(std::string_view text, const std::string& name);

// kNotFound when `dir` has no manifest (no index, or a build that never finished).
Result<IndexManifest> ReadManifest(const std::string& dir);
// Atomic replace: `<dir>/MANIFEST.tmp`, fsync, rename, fsync of `dir`.
Status WriteManifest(const std::string& dir, const IndexManifest& m);

}  // namespace extortrace::chain
