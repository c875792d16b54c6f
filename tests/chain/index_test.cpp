// The memory-mapped index on real blocks 0..589 (firstblocks.blk), whose
// spend graph SOURCES.md lists, and on a synthetic chain with out-of-order
// files, a stale fork and address reuse.
#include "chain/index.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>

#include "chain/block.h"
#include "chain/block_builder.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

namespace fs = std::filesystem;

class IndexDir {
 public:
  IndexDir() {
    std::random_device rd;
    path_ = (fs::temp_directory_path() / ("et_index_" + std::to_string(rd()))).string();
  }
  ~IndexDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// Tx number of the only tx in `idx` whose hex txid starts with `prefix`.
std::optional<uint32_t> TxByPrefix(const Index& idx, const std::string& prefix) {
  std::optional<uint32_t> found;
  for (uint32_t t = 0; t < idx.tx_count(); ++t) {
    if (HashToHex(idx.Tx(t).txid).rfind(prefix, 0) == 0) {
      if (found) return std::nullopt;
      found = t;
    }
  }
  return found;
}

class FirstBlocksIndex : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!testing::SharedExists("hadoopcryptoledger/firstblocks.blk")) {
      GTEST_SKIP() << "../shared/data/chain/hadoopcryptoledger/firstblocks.blk absent";
    }
    auto src = BlockSource::Open(testing::SharedChainPath("hadoopcryptoledger/firstblocks.blk"));
    ASSERT_TRUE(src.has_value());
    auto idx = Index::Build(*src, dir_.path(), {}, &stats_);
    ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
    idx_.emplace(std::move(*idx));
  }
  // Height of the block holding the tx that created output `id`.
  uint32_t HeightOfOutput(uint64_t id) { return idx_->Tx(idx_->Output(id).tx).height; }

  IndexDir dir_;
  IndexBuildStats stats_;
  std::optional<Index> idx_;
};

TEST_F(FirstBlocksIndex, Counts) {
  EXPECT_EQ(idx_->block_count(), 590u);
  EXPECT_EQ(idx_->tx_count(), 605u);  // 590 coinbases + 15 others
  EXPECT_EQ(stats_.unresolved_inputs, 0u);
  EXPECT_TRUE(stats_.problems.empty());
  EXPECT_EQ(stats_.stale + stats_.orphans, 0u);
  size_t multi = 0;
  for (uint32_t t = 0; t < idx_->tx_count(); ++t) multi += idx_->Tx(t).input_count > 1;
  EXPECT_EQ(multi, 5u);
}

TEST_F(FirstBlocksIndex, MultiInputTxIn496) {
  auto tx = TxByPrefix(*idx_, "a3b0e9e7cddbbe78");
  ASSERT_TRUE(tx.has_value());
  IndexedTx t = idx_->Tx(*tx);
  EXPECT_EQ(t.height, 496u);
  ASSERT_EQ(t.input_count, 3u);
  std::vector<std::pair<uint32_t, uint32_t>> spent;  // (height, vout) of each prevout
  for (uint32_t i = 0; i < 3; ++i) {
    auto o = idx_->SpentOutput(*tx, i);
    ASSERT_TRUE(o.has_value());
    spent.push_back({HeightOfOutput(*o), idx_->Output(*o).vout});
    auto sp = idx_->SpenderOf(*o);
    ASSERT_TRUE(sp.has_value());
    EXPECT_EQ(sp->tx, *tx);
    EXPECT_EQ(sp->input_index, i);
  }
  std::sort(spent.begin(), spent.end());
  EXPECT_EQ(spent, (std::vector<std::pair<uint32_t, uint32_t>>{{187, 0}, {248, 0}, {360, 0}}));
  // The block-360 input spends a coinbase.
  for (uint32_t i = 0; i < 3; ++i) {
    IndexedOutput o = idx_->Output(*idx_->SpentOutput(*tx, i));
    if (HeightOfOutput(o.id) == 360) {
      EXPECT_FALSE(idx_->SpentOutput(o.tx, 0).has_value());  // coinbase input
    }
  }
}

TEST_F(FirstBlocksIndex, SixHopsFromBlock9CoinbaseTo496) {
  // Follow the money from block 9's coinbase: 9 -> 170 -> 181 -> 182 -> 183 -> 187/248 -> 496.
  uint32_t cb9 = static_cast<uint32_t>(9);  // coinbase of block h is tx h (one tx per block)
  ASSERT_EQ(idx_->Tx(cb9).height, 9u);
  std::vector<uint32_t> frontier = {cb9};
  std::vector<bool> seen(idx_->tx_count(), false);
  int hops_to_496 = -1;
  for (int hop = 1; hop <= 10 && hops_to_496 < 0; ++hop) {
    std::vector<uint32_t> next;
    for (uint32_t t : frontier) {
      IndexedTx tx = idx_->Tx(t);
      for (uint64_t o = tx.first_output; o < tx.first_output + tx.output_count; ++o) {
        if (auto sp = idx_->SpenderOf(o); sp && !seen[sp->tx]) {
          seen[sp->tx] = true;
          next.push_back(sp->tx);
          if (HashToHex(idx_->Tx(sp->tx).txid).rfind("a3b0e9e7cddbbe78", 0) == 0) hops_to_496 = hop;
        }
      }
    }
    frontier = std::move(next);
  }
  EXPECT_EQ(hops_to_496, 6);
}

TEST_F(FirstBlocksIndex, AddressAndTxLookups) {
  // Genesis coinbase address; the genesis output is never spendable.
  auto a = idx_->FindAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(idx_->AddressString(*a), "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
  auto outs = idx_->OutputsOf(*a);
  ASSERT_EQ(outs.size(), 1u);
  EXPECT_EQ(idx_->Output(outs[0]).value, 50'0000'0000);
  EXPECT_FALSE(idx_->SpenderOf(outs[0]).has_value());
  EXPECT_FALSE(idx_->FindAddress("1BitcoinEaterAddressDontSendf59kuE").has_value());
  // Satoshi -> Hal Finney: txid f4184fc5...; output 0 pays 10 BTC.
  auto t170 = idx_->FindTx(
      *HashFromHex("f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16"));
  ASSERT_TRUE(t170.has_value());
  EXPECT_EQ(idx_->Tx(*t170).height, 170u);
  EXPECT_EQ(idx_->Tx(*t170).time, 1231731025u);
  auto o = idx_->OutputId(idx_->Tx(*t170).txid, 0);
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(idx_->Output(*o).value, 10'0000'0000);
  EXPECT_FALSE(idx_->OutputId(idx_->Tx(*t170).txid, 2).has_value());
  // Every address's output list links back to it.
  for (uint32_t addr = 0; addr < idx_->address_count(); ++addr) {
    for (uint64_t id : idx_->OutputsOf(addr)) ASSERT_EQ(idx_->Output(id).address, addr);
  }
  // Reopen from disk.
  auto again = Index::Open(dir_.path());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->tx_count(), 605u);
  EXPECT_EQ(again->FindTx(idx_->Tx(*t170).txid), t170);
}

TEST(Index, SyntheticOutOfOrderWithStaleForkAndAddressReuse) {
  const char* victim_wallet = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";  // a campaign wallet
  Bytes wallet_script = *ScriptForAddress(victim_wallet);
  Bytes miner = P2pkhScript(Bytes(20, 3));
  ChainBuilder chain;
  std::vector<Bytes> blocks;
  blocks.push_back(chain.AddBlock({}, miner));
  Hash256 cb0 = chain.last_coinbase_txid();
  TxSpec pay1;  // two payments to the wallet
  pay1.inputs.push_back({cb0, 0, Bytes{0x51}, 0xffffffff, {}});
  pay1.outputs.push_back({30'000, wallet_script});
  pay1.outputs.push_back({49'0000'0000, miner});
  blocks.push_back(chain.AddBlock({pay1}, miner));
  TxSpec pay2;
  pay2.inputs.push_back({TxidOf(pay1), 1, Bytes{0x51}, 0xffffffff, {}});
  pay2.outputs.push_back({70'000, wallet_script});
  TxSpec cashout;  // the wallet consolidates both payments
  cashout.inputs.push_back({TxidOf(pay1), 0, {}, 0xffffffff, {Bytes(71, 0x30), Bytes(33, 2)}});
  cashout.inputs.push_back({TxidOf(pay2), 0, {}, 0xffffffff, {Bytes(71, 0x30), Bytes(33, 2)}});
  cashout.outputs.push_back({99'000, P2shScript(Bytes(20, 4))});
  blocks.push_back(chain.AddBlock({pay2, cashout}, miner));
  ChainBuilder fork(1, BlockHashOf(blocks[0]), 99);
  Bytes stale = fork.AddBlock({}, miner);

  IndexDir dir;
  fs::create_directories(dir.path() + "/blocks");
  auto write = [&](const std::string& name, std::initializer_list<const Bytes*> bs) {
    Bytes file;
    for (const Bytes* b : bs) {
      Bytes f = FrameBlock(*b);
      file.insert(file.end(), f.begin(), f.end());
    }
    FILE* fp = std::fopen((dir.path() + "/blocks/" + name).c_str(), "wb");
    std::fwrite(file.data(), 1, file.size(), fp);
    std::fclose(fp);
  };
  write("blk00000.dat", {&blocks[2], &stale});
  write("blk00001.dat", {&blocks[0], &blocks[1]});
  auto src = BlockSource::Open(dir.path() + "/blocks");
  ASSERT_TRUE(src.has_value());
  IndexBuildStats stats;
  auto idx = Index::Build(*src, dir.path() + "/index", {}, &stats);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_EQ(idx->block_count(), 3u);
  EXPECT_EQ(stats.stale, 1u);
  EXPECT_EQ(stats.unresolved_inputs, 0u);
  auto w = idx->FindAddress(victim_wallet);
  ASSERT_TRUE(w.has_value());
  auto outs = idx->OutputsOf(*w);
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(idx->Output(outs[0]).value, 70'000);  // newest first
  EXPECT_EQ(idx->Output(outs[1]).value, 30'000);
  auto cash = idx->FindTx(TxidOf(cashout));
  ASSERT_TRUE(cash.has_value());
  for (uint64_t o : outs) {
    auto sp = idx->SpenderOf(o);
    ASSERT_TRUE(sp.has_value());
    EXPECT_EQ(sp->tx, *cash);
  }
  EXPECT_EQ(idx->Tx(*cash).height, 2u);
}

TEST(Index, CorruptBlockIsSkippedAndReported) {
  Bytes miner = P2pkhScript(Bytes(20, 5));
  ChainBuilder chain;
  std::vector<Bytes> blocks;
  for (int i = 0; i < 4; ++i) blocks.push_back(chain.AddBlock({}, miner));
  Bytes bad = blocks[2];
  bad[85] = 0xfd;  // the coinbase input count (after header, tx count, version): non-canonical
  IndexDir dir;
  fs::create_directories(dir.path());
  Bytes file;
  for (const Bytes* b : {&blocks[0], &blocks[1], &bad, &blocks[3]}) {
    Bytes f = FrameBlock(*b);
    file.insert(file.end(), f.begin(), f.end());
  }
  const std::string blk = dir.path() + "/blk00000.dat";
  FILE* fp = std::fopen(blk.c_str(), "wb");
  std::fwrite(file.data(), 1, file.size(), fp);
  std::fclose(fp);
  auto src = BlockSource::Open(blk);
  ASSERT_TRUE(src.has_value());
  IndexBuildStats stats;
  auto idx = Index::Build(*src, dir.path() + "/index", {}, &stats);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_EQ(idx->block_count(), 2u);  // 0 and 1; block 3 lost its parent
  EXPECT_EQ(stats.orphans, 1u);
  ASSERT_EQ(stats.problems.size(), 1u);
  const Error& e = stats.problems[0];
  EXPECT_NE(e.context().find("blk00000.dat"), std::string::npos) << e.ToString();
  EXPECT_NE(e.context().find("block skipped"), std::string::npos);
  // The offset points into the bad block (its frame starts after two frames).
  const size_t bad_start = 8 + blocks[0].size() + 8 + blocks[1].size() + 8;
  EXPECT_GE(e.offset(), bad_start);
  EXPECT_LT(e.offset(), bad_start + bad.size());
}

}  // namespace
}  // namespace extortrace::chain
