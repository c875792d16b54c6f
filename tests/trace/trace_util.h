// Helpers shared by the trace tests: shared data paths, a cached index of
// firstblocks.blk (blocks 0..589) and an in-memory ChainView for synthetic
// cases.
#pragma once

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "trace/chain_view.h"
#include "trace/flow.h"
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

// Allowed rounding for sums of doubles around `v` satoshis.
inline double Slack(double v) { return 1e-9 * std::abs(v) + 1e-6; }

// What holds for every tx of any flow: taint within value, taint in = taint
// out + the fee's share (T / V * fee); and for the flow: the taint moving at
// each hop never grows, from at most the start's taint, itself at most
// `start_sum` (the sum of the sources given). `where` names the case.
inline void ExpectTaintWithinValue(const FlowResult& f, double start_sum,
                                   const std::string& where) {
  for (const FlowTx& t : f.txs) {
    int64_t out = 0;
    for (const FlowOutput& o : t.outputs) {
      EXPECT_LE(o.tainted_sat, o.value + Slack(o.value)) << where << " " << t.txid << ":" << o.vout;
      out += o.value;
    }
    const double v = static_cast<double>(t.input_sat);
    EXPECT_LE(t.tainted_in_sat, v + Slack(v)) << where << " " << t.txid;
    EXPECT_LE(t.TaintedOut(), t.tainted_in_sat + Slack(v)) << where << " " << t.txid;
    if (v > 0) {
      EXPECT_NEAR(t.tainted_in_sat - t.TaintedOut(), t.tainted_in_sat * (v - out) / v, Slack(v))
          << where << " " << t.txid;
    }
  }
  EXPECT_LE(f.start_taint_sat, start_sum + Slack(start_sum)) << where;
  double before = f.start_taint_sat;
  for (size_t h = 0; h < f.hop_taint_sat.size(); ++h) {
    EXPECT_LE(f.hop_taint_sat[h], before + Slack(before)) << where << " hop " << h + 1;
    before = f.hop_taint_sat[h];
  }
}

// A ChainView from hand-written txs (SYNTHETIC): outputs by address and
// spenders are derived from the txs.
class FakeView : public ChainView {
 public:
  void Add(TxInfo tx) {
    for (uint32_t i = 0; i < tx.inputs.size(); ++i)
      if (!tx.inputs[i].coinbase)
        spenders_[{tx.inputs[i].prev_txid, tx.inputs[i].prev_vout}] = {tx.txid, i};
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
    return std::optional<SpendRef>(it->second);
  }

 private:
  std::map<std::string, TxInfo> txs_;
  std::map<std::pair<std::string, uint32_t>, SpendRef> spenders_;
  std::map<std::string, std::vector<AddressOutput>> by_address_;
};

}  // namespace extortrace::trace::testing
