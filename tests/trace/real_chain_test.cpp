// Tracing on real mainnet blocks 0..589 (hadoopcryptoledger/firstblocks.blk):
// multi-input clustering in blocks 496 and 586, the flow from block 9's
// coinbase (Satoshi -> Hal Finney in block 170) reaching block 496 at hop 6,
// and the flow from that coinbase's address, whose change returns to it.
#include <gtest/gtest.h>

#include <algorithm>

#include "trace/cluster.h"
#include "trace/flow.h"
#include "trace/payments.h"
#include "trace_util.h"

namespace extortrace::trace {
namespace {

class FirstBlocks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::SharedExists("hadoopcryptoledger/firstblocks.blk")) return;
    auto v = OpenBlocksView(testing::SharedChainPath("hadoopcryptoledger/firstblocks.blk"),
                            testing::TempDir("firstblocks"));
    ASSERT_TRUE(v.has_value()) << v.error().ToString();
    view_ = std::move(*v);
  }
  static void TearDownTestSuite() {
    view_.reset();
    std::error_code ec;
    std::filesystem::remove_all(testing::TempDir("firstblocks"), ec);
  }
  void SetUp() override { ET_TRACE_REQUIRE_SHARED("hadoopcryptoledger/firstblocks.blk"); }

  // The non-coinbase tx of `height` whose txid starts with `prefix`.
  static TxInfo TxOfBlock(uint32_t height, const std::string& prefix) {
    const chain::Index& idx = view_->index();
    for (uint32_t n = 0; n < idx.tx_count(); ++n) {
      if (idx.HeightOfTx(n) != height) continue;
      TxInfo t = view_->TxAt(n);
      if (t.txid.rfind(prefix, 0) == 0) return t;
    }
    ADD_FAILURE() << "no tx " << prefix << " in block " << height;
    return {};
  }
  static inline std::unique_ptr<IndexView> view_;
};

TEST_F(FirstBlocks, ViewResolvesInputsAndHeights) {
  TxInfo t = TxOfBlock(170, "f4184fc596403b9d");
  EXPECT_EQ(t.height, 170);
  ASSERT_EQ(t.inputs.size(), 1u);
  EXPECT_FALSE(t.inputs[0].coinbase);
  EXPECT_EQ(t.inputs[0].value, 50'0000'0000);
  EXPECT_EQ(t.outputs.size(), 2u);
  EXPECT_EQ(t.outputs[0].value, 10'0000'0000);  // to Hal Finney
  EXPECT_EQ(t.time, 1231731025);                // 2009-01-12 03:30:25 UTC
  auto again = view_->GetTx(t.txid);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->outputs[1].address, t.outputs[1].address);
}

TEST_F(FirstBlocks, MultiInputClustersBlock496) {
  TxInfo t = TxOfBlock(496, "a3b0e9e7cddbbe78");
  ASSERT_EQ(t.inputs.size(), 3u);
  AddressClusters uf;
  EXPECT_TRUE(uf.AddMultiInput(t));
  EXPECT_TRUE(uf.Same(t.inputs[0].address, t.inputs[1].address));
  EXPECT_TRUE(uf.Same(t.inputs[0].address, t.inputs[2].address));
  EXPECT_EQ(uf.ClusterSize(t.inputs[0].address), 3u);
  // Expanding from one input address through the chain finds the other two.
  auto c = ClusterOf(*view_, t.inputs[2].address);
  ASSERT_TRUE(c.has_value()) << c.error().ToString();
  for (const TxInput& in : t.inputs)
    EXPECT_TRUE(std::binary_search(c->members.begin(), c->members.end(), in.address)) << in.address;
  ASSERT_FALSE(c->evidence.empty());
  EXPECT_EQ(c->evidence[0].rule, "multi-input");
  EXPECT_EQ(c->evidence[0].txid, t.txid);
}

TEST_F(FirstBlocks, MultiInputClustersBlock586IntoFiveAddresses) {
  TxInfo t = TxOfBlock(586, "4d6edbeb62735d45");
  ASSERT_EQ(t.inputs.size(), 5u);
  std::vector<int64_t> heights;
  for (const TxInput& in : t.inputs) {
    auto prev = view_->GetTx(in.prev_txid);
    ASSERT_TRUE(prev.has_value());
    EXPECT_TRUE(prev->IsCoinbase());
    heights.push_back(prev->height);
  }
  std::sort(heights.begin(), heights.end());
  EXPECT_EQ(heights, (std::vector<int64_t>{268, 417, 431, 442, 450}));
  auto c = ClusterOf(*view_, t.inputs[0].address);
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->members.size(), 5u);
  // The whole-index union-find agrees.
  AddressClusters all;
  const chain::Index& idx = view_->index();
  size_t merged = 0;
  for (uint32_t n = 0; n < idx.tx_count(); ++n) merged += all.AddMultiInput(view_->TxAt(n));
  EXPECT_EQ(all.ClusterSize(t.inputs[0].address), 5u);
  EXPECT_GE(merged, 2u);
}

TEST_F(FirstBlocks, FlowFromBlock9CoinbaseReachesBlock496AtHop6) {
  TxInfo cb = view_->TxAt(9);
  ASSERT_EQ(cb.height, 9);
  ASSERT_TRUE(cb.IsCoinbase());
  FlowOptions o;
  o.max_hops = 8;
  auto f =
      TraceFlow(*view_, {{cb.txid, 0, cb.outputs[0].value, cb.outputs[0].address}}, nullptr, {}, o);
  ASSERT_TRUE(f.has_value()) << f.error().ToString();
  ASSERT_FALSE(f->txs.empty());
  EXPECT_EQ(f->txs[0].hop, 1);
  EXPECT_EQ(f->txs[0].txid.substr(0, 16), "f4184fc596403b9d");
  EXPECT_EQ(f->txs[0].height, 170);
  const FlowTx* at496 = nullptr;
  for (const FlowTx& t : f->txs)
    if (t.txid.rfind("a3b0e9e7cddbbe78", 0) == 0) at496 = &t;
  ASSERT_NE(at496, nullptr);
  EXPECT_EQ(at496->hop, 6);
  EXPECT_EQ(at496->height, 496);
  // Haircut: 496 spends coinbase 360 (untainted, 50 BTC) plus 187:0 and 248:0
  // (tainted): its tainted input equals the tainted value of those two outputs.
  EXPECT_GT(at496->tainted_in_sat, 0);
  EXPECT_LT(at496->tainted_in_sat, static_cast<double>(at496->input_sat));
  EXPECT_NEAR(at496->TaintedOut(), at496->tainted_in_sat, 1.0);  // no fee in 2009
  // Tainted value is conserved up to what is still unspent in between.
  for (const FlowTx& t : f->txs) EXPECT_LE(t.TaintedOut(), 50e8 + 1);
}

TEST_F(FirstBlocks, FlowFromSatoshisAddressCountsItsChangeOnce) {
  // Block 9's coinbase pays 50 BTC to the address that pays Hal Finney in
  // block 170 and spends the rest along a chain of change back to itself
  // (181, 182, 183, 248): a flow from the address once reported up to 5x
  // each tx's value.
  TxInfo cb = view_->TxAt(9);
  const std::string satoshi = cb.outputs[0].address;
  auto src = SourcesOfAddress(*view_, satoshi);
  ASSERT_TRUE(src.has_value());
  ASSERT_GT(src->size(), 2u);
  FlowOptions o;
  o.max_hops = 8;
  auto f = TraceFlow(*view_, *src, nullptr, {satoshi}, o);
  ASSERT_TRUE(f.has_value()) << f.error().ToString();
  double start_sum = 0;
  for (const TaintSource& s : *src) start_sum += static_cast<double>(s.taint_sat);
  testing::ExpectTaintWithinValue(*f, start_sum, "satoshi");
  EXPECT_DOUBLE_EQ(f->start_taint_sat, 50e8);  // the coinbase; the rest is change
  int own = 0;
  for (const FlowTx& t : f->txs) {
    bool from_satoshi = !t.tainted_from.empty() && t.MainSource() == satoshi;
    if (from_satoshi) {
      ++own;
      EXPECT_EQ(t.hop, 1) << t.txid;  // its own spends, along the change chain
      EXPECT_NEAR(t.tainted_in_sat, static_cast<double>(t.input_sat), 1e-6) << t.txid;
    }
  }
  EXPECT_EQ(own, 5);  // 170, 181, 182, 183, 248
  ASSERT_FALSE(f->hop_taint_sat.empty());
  EXPECT_DOUBLE_EQ(f->hop_taint_sat[0], 50e8);
}

TEST_F(FirstBlocks, WalletHistoryOfHalFinney) {
  TxInfo t = TxOfBlock(170, "f4184fc596403b9d");
  const std::string hal = t.outputs[0].address;
  auto h = TraceWallet(*view_, hal, {}, {}, nullptr, {});
  ASSERT_TRUE(h.has_value());
  ASSERT_GE(h->payments.size(), 1u);
  EXPECT_EQ(h->payments[0].txid, t.txid);
  EXPECT_EQ(h->payments[0].value_sat, 10'0000'0000);
  EXPECT_GE(h->tx_count, 1);
  EXPECT_LE(h->sent_sat, h->received_sat);
}

}  // namespace
}  // namespace extortrace::trace
