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

// Builds (or reopens, when the files are unchanged) the index of the blocks
// at `path` (a blocks directory or a framed file) under
// `cache_dir`/index-<key>, where the key hashes the path and each block
// file's size and modification time.
// `options` (root_parent) lets a partial download start after genesis.
Result<std::unique_ptr<IndexView>> OpenBlocksView(const std::string& path,
                                                  const std::string& cache_dir,
                                                  const chain::IndexOptions& options = {});

}  // namespace extortrace::trace
