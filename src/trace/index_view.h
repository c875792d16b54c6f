// ChainView over the local memory-mapped chain::Index (blocks:DIR).
#pragma once

#include <memory>
#include <string>

#include "chain/index.h"
#include "trace/chain_view.h"

namespace extortrace::trace {

class IndexView : public ChainView {
 public:
  IndexView(chain::Index index, std::string description)
      : index_(std::move(index)), description_(std::move(description)) {}

  std::string Describe() const override;
  Result<std::vector<AddressOutput>> OutputsOf(std::string_view address) override;
  Result<TxInfo> GetTx(std::string_view txid) override;
  Result<std::optional<SpendRef>> SpenderOf(std::string_view txid, uint32_t vout) override;

  const chain::Index& index() const { return index_; }
  // The tx at dense position `tx` of the index.
  TxInfo TxAt(uint32_t tx) const;

 private:
  chain::Index index_;
  std::string description_;
};

// The cache directory of the index of the blocks at `path`:
// `cache_dir`/index-<key>, the key hashing the canonical path and the root
// options (not the files' sizes: a grown chain is appended to the same index).
// An empty `cache_dir` means DefaultCacheDir().
Result<std::string> BlocksIndexDir(const std::string& path, const std::string& cache_dir,
                                   const chain::IndexOptions& options = {});

// Brings the index in `dir` up to date with the blocks at `path` (a blocks
// directory or a framed file): nothing when the block files are unchanged
// since the last run (size and mtime of each, kept in `dir`/stamp), else
// chain::Index::Update (build, append, or rebuild after a reorganisation).
// When another process is writing the index, opens what it has committed
// (stats->problems says so). `stats` may be null.
Result<chain::Index> UpdateBlocksIndex(const std::string& path, const std::string& dir,
                                       const chain::IndexOptions& options,
                                       chain::IndexBuildStats* stats);

// UpdateBlocksIndex into BlocksIndexDir(path, cache_dir, options), as a view.
// `options` (root_parent) lets a partial download start after genesis.
Result<std::unique_ptr<IndexView>> OpenBlocksView(const std::string& path,
                                                  const std::string& cache_dir,
                                                  const chain::IndexOptions& options = {});

}  // namespace extortrace::trace
