// Helpers shared by the trace tests: shared data paths, a cached index of
// firstblocks.blk (blocks 0..589) and an in-memory ChainView for synthetic
// cases.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "trace/chain_view.h"
#include "trace/index_view.h"

namespace extortrace::trace::testing {

inline std::string SharedChainPath(const std::string& rel) {
  return std::string(ET_SHARED_DIR) + "/data/chain/" + rel;
}
inline bool SharedExists(const std::string& rel) {
  std::error_code ec;
  return std::filesystem::exists(SharedChainPath(rel), ec);
}
#define ET_TRACE_REQUIRE_SHARED(rel)                                 \
  do {                                                               \
    if (!::extortrace::trace::testing::SharedExists(rel)) {          \
      GTEST_SKIP() << "../shared/data/chain/" << (rel) << " absent"; \
    }                                                                \
  } while (0)

inline std::string TempDir(const std::string& name) {
  auto p = std::filesystem::temp_directory_path() /
           ("et-trace-" + name + "-" + std::to_string(::getpid()));
  std::filesystem::create_directories(p);
  return p.string();
}

// A ChainView from hand-written txs (SYNTHETIC): outputs by address and
// spenders are derived from the txs.
class FakeView : public ChainView {
 public:
  void Add(TxInfo tx) {
    for (const TxInput& in : tx.inputs)
      if (!in.coinbase) spenders_[{in.prev_txid, in.prev_vout}] = tx.txid;
    for (const TxOutput& o : tx.outputs)
      if (!o.address.empty())
        by_address_[o.address].push_back({tx.txid, o.vout, o.value, tx.height, tx.time});
    txs_[tx.txid] = std::move(tx);
  }
  std::string Describe() const override { return "fake"; }
  Result<std::vector<AddressOutput>> OutputsOf(std::string_view a) override {
    auto it = by_address_.find(std::string(a));
    if (it == by_address_.end()) return std::vector<AddressOutput>{};
    return it->second;
  }
  Result<TxInfo> GetTx(std::string_view id) override {
    auto it = txs_.find(std::string(id));
    if (it == txs_.end()) return Fail(Error::NotFound(std::string(id)));
    return it->second;
  }
  Result<std::optional<SpendRef>> SpenderOf(std::string_view id, uint32_t vout) override {
    auto it = spenders_.find({std::string(id), vout});
    if (it == spenders_.end()) return std::optional<SpendRef>{};
    return std::optional<SpendRef>(SpendRef{it->second, 0});
  }

 private:
  std::map<std::string, TxInfo> txs_;
  std::map<std::pair<std::string, uint32_t>, std::string> spenders_;
  std::map<std::string, std::vector<AddressOutput>> by_address_;
};

}  // namespace extortrace::trace::testing
