// Taint never exceeds value. SYNTHETIC: a wallet whose change returns to
// itself, in real wire format (block_builder.h). Real: every tx of every
// real mainnet block in ../shared/data/chain split by the haircut rule, and
// the flow from every address those blocks pay.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "chain/block_builder.h"
#include "trace/flow.h"
#include "trace_util.h"

namespace extortrace::trace {
namespace {

using chain::Hash256;

constexpr double kBtc = 1e8;

void WriteFramed(const std::string& path, const std::vector<Bytes>& blocks) {
  Bytes file;
  for (const Bytes& b : blocks) {
    Bytes f = chain::FrameBlock(b);
    file.insert(file.end(), f.begin(), f.end());
  }
  FILE* fp = std::fopen(path.c_str(), "wb");
  ASSERT_NE(fp, nullptr) << path;
  std::fwrite(file.data(), 1, file.size(), fp);
  std::fclose(fp);
}

TEST(TaintBounds, WalletWhoseChangeReturnsToItself) {
  // A victim pays the wallet A 10 BTC; A pays H1, H2, H3, H4 in four txs,
  // each sending its change back to A; the third adds 50 BTC of the
  // operator's own (U, a coinbase).
  const Bytes victim = chain::P2pkhScript(Bytes(20, 1)), a = chain::P2pkhScript(Bytes(20, 2)),
              u = chain::P2pkhScript(Bytes(20, 3)), miner = chain::P2pkhScript(Bytes(20, 4));
  auto h = [](int k) { return chain::P2pkhScript(Bytes(20, static_cast<uint8_t>(10 + k))); };
  auto spend = [](const chain::TxSpec& tx, uint32_t vout) {
    return chain::TxInSpec{chain::TxidOf(tx), vout, Bytes{0x51}, 0xffffffff, {}};
  };
  chain::ChainBuilder chain;
  std::vector<Bytes> blocks;
  blocks.push_back(chain.AddBlock({}, victim));
  chain::TxSpec pay;
  pay.inputs.push_back({chain.last_coinbase_txid(), 0, Bytes{0x51}, 0xffffffff, {}});
  pay.outputs = {{10'0000'0000, a}, {39'9900'0000, victim}};
  blocks.push_back(chain.AddBlock({pay}, u));
  const Hash256 own = chain.last_coinbase_txid();  // 50 BTC to U
  chain::TxSpec s1, s2, s3, s4;
  s1.inputs = {spend(pay, 0)};
  s1.outputs = {{2'0000'0000, h(1)}, {7'9900'0000, a}};
  s2.inputs = {spend(s1, 1)};
  s2.outputs = {{3'0000'0000, h(2)}, {4'9800'0000, a}};
  s3.inputs = {spend(s2, 1), {own, 0, Bytes{0x51}, 0xffffffff, {}}};
  s3.outputs = {{30'0000'0000, h(3)}, {24'9700'0000, a}};
  s4.inputs = {spend(s3, 1)};
  s4.outputs = {{24'9600'0000, h(4)}};
  for (const chain::TxSpec* t : {&s1, &s2, &s3, &s4}) blocks.push_back(chain.AddBlock({*t}, miner));
  const std::string dir = testing::TempDir("change-to-start");
  WriteFramed(dir + "/blocks.blk", blocks);
  auto view = OpenBlocksView(dir + "/blocks.blk", dir + "/cache");
  ASSERT_TRUE(view.has_value()) << view.error().ToString();

  auto id = [](const chain::TxSpec& t) { return chain::HashToHex(chain::TxidOf(t)); };
  auto paid = (*view)->GetTx(id(pay));
  ASSERT_TRUE(paid.has_value());
  const std::string wallet = paid->outputs[0].address;
  auto src = SourcesOfAddress(**view, wallet);
  ASSERT_TRUE(src.has_value());
  ASSERT_EQ(src->size(), 4u);  // the payment and three change outputs
  auto f = TraceFlow(**view, *src, nullptr, {wallet}, {});
  ASSERT_TRUE(f.has_value()) << f.error().ToString();
  double start_sum = 0;
  for (const TaintSource& s : *src) start_sum += static_cast<double>(s.taint_sat);
  testing::ExpectTaintWithinValue(*f, start_sum, "built");

  EXPECT_DOUBLE_EQ(f->start_taint_sat, 10 * kBtc);  // what A received; its change is no payment
  ASSERT_EQ(f->txs.size(), 4u);
  std::map<std::string, const FlowTx*> by;
  for (const FlowTx& t : f->txs) {
    EXPECT_EQ(t.hop, 1) << t.txid;  // the wallet's own spends, however long its change chain
    by[t.txid] = &t;
  }
  EXPECT_DOUBLE_EQ(by.at(id(s1))->tainted_in_sat, 10 * kBtc);
  EXPECT_DOUBLE_EQ(by.at(id(s2))->tainted_in_sat, 7.99 * kBtc);  // not 15.98
  const double t3 = 4.98 * kBtc, v3 = 54.98 * kBtc;              // s3: A's 4.98 of 54.98
  EXPECT_DOUBLE_EQ(by.at(id(s3))->tainted_in_sat, t3);
  EXPECT_NEAR(by.at(id(s3))->outputs[0].tainted_sat, t3 / v3 * 30 * kBtc, 1e-3);
  EXPECT_NEAR(by.at(id(s4))->tainted_in_sat, t3 / v3 * 24.97 * kBtc, 1e-3);
  EXPECT_LT(by.at(id(s4))->tainted_in_sat, by.at(id(s4))->input_sat);
  // All of A's 10 BTC left it: to H1..H4 and the fees' shares.
  double out = 0, fees = 0;
  for (const FlowTx& t : f->txs) {
    fees += t.tainted_in_sat - t.TaintedOut();
    for (const FlowOutput& o : t.outputs)
      if (o.address != wallet) out += o.tainted_sat;
  }
  EXPECT_NEAR(out + fees, 10 * kBtc, 1e-3);
  EXPECT_NEAR(fees, 0.01 * kBtc * (1 + 1 + t3 / v3 + t3 / v3), 1e-3);
  ASSERT_EQ(f->hop_taint_sat.size(), 1u);
  EXPECT_DOUBLE_EQ(f->hop_taint_sat[0], 10 * kBtc);
  view->reset();
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
}

// The real blocks of ../shared/data/chain in runs the index can take: each
// block's parent is the one before it, the first one's is the run's root. A
// block met again (the same blocks are in several files) is kept once.
struct BlockRun {
  std::string file;
  std::vector<Bytes> blocks;
};

std::vector<BlockRun> RealRuns() {
  std::vector<BlockRun> runs;
  std::set<Hash256> seen;
  Hash256 last{};
  for (const char* dir : {"hadoopcryptoledger", "btcd"}) {
    std::vector<std::string> files;
    for (const auto& e : std::filesystem::directory_iterator(testing::SharedChainPath(dir))) {
      const std::string ext = e.path().extension().string();
      if (ext == ".blk" || ext == ".dat" || ext == ".raw") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    for (const std::string& path : files) {
      auto src = chain::BlockSource::Open(path);
      if (!src) {
        ADD_FAILURE() << path << ": " << src.error().ToString();
        continue;
      }
      bool joined = false;
      chain::BlockRecord rec;
      while (src->Next(&rec).value_or(false)) {
        const Hash256 hash = chain::BlockHashOf(rec.data);
        if (!seen.insert(hash).second) {
          joined = false;
          continue;
        }
        auto header = chain::ParseHeader(rec.data);
        if (!header) continue;
        if (!joined || header->prev_hash != last) runs.push_back({path, {}});
        runs.back().blocks.emplace_back(rec.data.begin(), rec.data.end());
        last = hash;
        joined = true;
      }
    }
  }
  return runs;
}

class RealBlocks : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    if (!testing::SharedExists("hadoopcryptoledger/firstblocks.blk")) return;
    const std::string dir = testing::TempDir("taint-bounds");
    size_t n = 0;
    for (BlockRun& run : RealRuns()) {
      const std::string path = dir + "/run" + std::to_string(n++) + ".blk";
      WriteFramed(path, run.blocks);
      chain::IndexOptions io;
      auto header = chain::ParseHeader(run.blocks[0]);
      ASSERT_TRUE(header.has_value());
      if (header->prev_hash != Hash256{}) {
        io.root_parent = header->prev_hash;
        chain::Block b;
        io.root_parent_height = 0;
        if (chain::ParseBlock(run.blocks[0], &b).has_value())
          io.root_parent_height = chain::Bip34Height(b).value_or(1) - 1;
      }
      auto v = OpenBlocksView(path, dir + "/cache", io);
      ASSERT_TRUE(v.has_value()) << run.file << ": " << v.error().ToString();
      views_.push_back({run.file, std::move(*v)});
    }
  }
  static void TearDownTestSuite() {
    views_.clear();
    std::error_code ec;
    std::filesystem::remove_all(testing::TempDir("taint-bounds"), ec);
  }
  void SetUp() override { ET_TRACE_REQUIRE_SHARED("hadoopcryptoledger/firstblocks.blk"); }

  static inline std::vector<std::pair<std::string, std::unique_ptr<IndexView>>> views_;
};

TEST_F(RealBlocks, EveryTxSplitsTaintWithinItsValue) {
  size_t txs = 0, resolved = 0;
  for (const auto& [file, view] : views_) {
    const chain::Index& idx = view->index();
    for (uint32_t n = 0; n < idx.tx_count(); ++n) {
      const TxInfo t = view->TxAt(n);
      bool known = !t.IsCoinbase();
      for (const TxInput& in : t.inputs) known = known && in.value > 0;
      ++txs;
      resolved += known;
      // Whole, every other input, half, and more than the inputs hold.
      for (int pattern = 0; pattern < 4; ++pattern) {
        std::vector<double> taint;
        for (size_t i = 0; i < t.inputs.size(); ++i) {
          const double v = t.inputs[i].value > 0 ? t.inputs[i].value : kBtc;  // unknown: 1 BTC
          taint.push_back(pattern == 0   ? v
                          : pattern == 1 ? (i % 2 ? 0 : v)
                          : pattern == 2 ? v / 2
                                         : 2 * v + 1);
        }
        const TaintSplit s = SplitTaint(t, taint);
        const std::string where = file + " " + t.txid + " pattern " + std::to_string(pattern);
        const double v = static_cast<double>(s.value_in);
        ASSERT_GE(s.value_in, t.InputValue()) << where;
        ASSERT_GE(s.value_in, t.OutputValue()) << where;
        // Tainted in <= value in, each input within what it spends.
        EXPECT_GE(s.tainted_in, 0) << where;
        EXPECT_LE(s.tainted_in, v + testing::Slack(v)) << where;
        double in = 0;
        for (size_t i = 0; i < t.inputs.size(); ++i) {
          EXPECT_LE(s.inputs[i], taint[i] + testing::Slack(taint[i])) << where << " in " << i;
          if (t.inputs[i].value > 0) {
            EXPECT_LE(s.inputs[i], t.inputs[i].value + testing::Slack(v)) << where << " in " << i;
          }
          in += s.inputs[i];
        }
        EXPECT_NEAR(in, s.tainted_in, testing::Slack(v)) << where;
        // Tainted out <= value out, output by output.
        double out = 0;
        for (size_t k = 0; k < t.outputs.size(); ++k) {
          EXPECT_LE(s.outputs[k], t.outputs[k].value + testing::Slack(v)) << where << " out " << k;
          out += s.outputs[k];
        }
        // Conserved minus the fee, which takes T / V of itself.
        EXPECT_LE(out, s.tainted_in + testing::Slack(v)) << where;
        EXPECT_NEAR(out + s.fee, s.tainted_in, testing::Slack(v)) << where;
        if (v > 0) {
          EXPECT_NEAR(s.fee, s.tainted_in * (v - t.OutputValue()) / v, testing::Slack(v)) << where;
        }
        if (pattern == 0 && known) {  // all inputs tainted: so is every output
          EXPECT_DOUBLE_EQ(s.tainted_in, v) << where;
          for (size_t k = 0; k < t.outputs.size(); ++k)
            EXPECT_NEAR(s.outputs[k], t.outputs[k].value, testing::Slack(v))
                << where << " out " << k;
        }
      }
    }
  }
  std::printf("%zu txs in %zu runs of real blocks, %zu with every input value known\n", txs,
              views_.size(), resolved);
  EXPECT_EQ(txs, 15465u);     // every tx of each distinct block SOURCES.md lists
  EXPECT_GE(resolved, 100u);  // the spends of blocks 0..589 and those inside a block
}

TEST_F(RealBlocks, FlowFromEveryPaidAddressStaysWithinItsStart) {
  size_t flows = 0, moved = 0;
  FlowOptions o;
  o.max_hops = 6;
  for (const auto& [file, view] : views_) {
    std::set<std::string> addresses;
    const chain::Index& idx = view->index();
    for (uint32_t n = 0; n < idx.tx_count(); ++n)
      for (const TxOutput& out : view->TxAt(n).outputs)
        if (!out.address.empty()) addresses.insert(out.address);
    for (const std::string& a : addresses) {
      auto src = SourcesOfAddress(*view, a);
      ASSERT_TRUE(src.has_value()) << a;
      double start_sum = 0;
      for (const TaintSource& s : *src) start_sum += static_cast<double>(s.taint_sat);
      auto f = TraceFlow(*view, *src, nullptr, {a}, o);
      ASSERT_TRUE(f.has_value()) << a << ": " << f.error().ToString();
      testing::ExpectTaintWithinValue(*f, start_sum, file + " " + a);
      ++flows;
      moved += !f->txs.empty();
    }
  }
  std::printf("%zu flows, %zu of them reaching a tx\n", flows, moved);
  EXPECT_GT(flows, 10000u);
  EXPECT_GT(moved, 1000u);
}

}  // namespace
}  // namespace extortrace::trace
