// Incremental indexing on SYNTHETIC chains (block_builder.h, regtest target,
// marked coinbases): new blocks spending old outputs and paying old
// addresses, blocks stored before their parent, and reorganisations.
#include <gtest/gtest.h>

#include <filesystem>

#include "chain/block.h"
#include "chain/block_builder.h"
#include "chain/index.h"
#include "index_test_util.h"

namespace extortrace::chain {
namespace {

using testing::ExpectSameIndex;
using testing::IndexDir;
using testing::WriteBlk;

// Indexes `dir`/blocks into `dir`/idx (Build when `build`, else Append).
Result<Index> IndexBlocks(const IndexDir& dir, bool build, IndexBuildStats* st) {
  auto src = BlockSource::Open(dir.path() + "/blocks");
  if (!src) return Fail(src.error());
  return build ? Index::Build(*src, dir.path() + "/idx", {}, st)
               : Index::Append(*src, dir.path() + "/idx", {}, st);
}

// A rebuild of the same blocks dir into `dir`/re, for comparison.
void ExpectSameAsRebuild(const IndexDir& dir) {
  auto src = BlockSource::Open(dir.path() + "/blocks");
  ASSERT_TRUE(src.has_value());
  auto re = Index::Build(*src, dir.path() + "/re");
  ASSERT_TRUE(re.has_value()) << re.error().ToString();
  ExpectSameIndex(dir.path() + "/idx", dir.path() + "/re", false);
}

TEST(IndexAppendSynthetic, NewBlocksSpendOldOutputsAndPayOldAddresses) {
  const char* wallet = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";  // a campaign wallet
  Bytes wallet_script = *ScriptForAddress(wallet);
  Bytes miner = P2pkhScript(Bytes(20, 3));  // every coinbase pays it: reused address
  ChainBuilder chain;
  std::vector<Bytes> blocks;
  blocks.push_back(chain.AddBlock({}, miner));
  const Hash256 cb0 = chain.last_coinbase_txid();
  TxSpec pay1;
  pay1.inputs.push_back({cb0, 0, Bytes{0x51}, 0xffffffff, {}});
  pay1.outputs.push_back({30'000, wallet_script});
  pay1.outputs.push_back({49'0000'0000, miner});
  blocks.push_back(chain.AddBlock({pay1}, miner));
  IndexDir dir;
  WriteBlk(dir.path() + "/blocks/blk00000.dat", blocks, 0, 2);
  ASSERT_TRUE(IndexBlocks(dir, true, nullptr).has_value());

  // Block 2, in a new blk file: the wallet is paid again from an old output
  // and then emptied by a tx spending an old and a new output.
  TxSpec pay2;
  pay2.inputs.push_back({TxidOf(pay1), 1, Bytes{0x51}, 0xffffffff, {}});
  pay2.outputs.push_back({70'000, wallet_script});
  pay2.outputs.push_back({48'0000'0000, miner});
  TxSpec cashout;
  cashout.inputs.push_back({TxidOf(pay1), 0, {}, 0xffffffff, {Bytes(71, 0x30), Bytes(33, 2)}});
  cashout.inputs.push_back({TxidOf(pay2), 0, {}, 0xffffffff, {Bytes(71, 0x30), Bytes(33, 2)}});
  cashout.outputs.push_back({99'000, P2shScript(Bytes(20, 4))});
  blocks.push_back(chain.AddBlock({pay2, cashout}, miner));
  WriteBlk(dir.path() + "/blocks/blk00001.dat", blocks, 2, 3);
  IndexBuildStats st;
  auto idx = IndexBlocks(dir, false, &st);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_TRUE(st.resumed);
  EXPECT_EQ(st.blocks, 1u);
  EXPECT_EQ(st.txs, 3u);
  EXPECT_EQ(st.addresses, 1u);  // only the P2SH is new
  EXPECT_EQ(st.unresolved_inputs, 0u);

  auto cash = idx->FindTx(TxidOf(cashout));
  ASSERT_TRUE(cash.has_value());
  auto old_payment = idx->OutputId(TxidOf(pay1), 0);  // committed before the append
  ASSERT_TRUE(old_payment.has_value());
  auto sp = idx->SpenderOf(*old_payment);
  ASSERT_TRUE(sp.has_value());
  EXPECT_EQ(sp->tx, *cash);
  EXPECT_EQ(sp->input_index, 0u);
  auto w = idx->FindAddress(wallet);
  ASSERT_TRUE(w.has_value());
  auto outs = idx->OutputsOf(*w);
  ASSERT_EQ(outs.size(), 2u);
  EXPECT_EQ(idx->Output(outs[0]).value, 70'000);  // newest first, across the append
  EXPECT_EQ(idx->Output(outs[1]).value, 30'000);
  auto m = idx->FindAddressKey(*AddressKeyOfScript(miner));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(idx->OutputsOf(*m).size(), 5u);  // 3 coinbases + 2 change outputs
  ExpectSameAsRebuild(dir);
}

TEST(IndexAppendSynthetic, BlockStoredBeforeItsParentIsConnectedLater) {
  Bytes miner = P2pkhScript(Bytes(20, 7));
  ChainBuilder chain;
  std::vector<Bytes> blocks;
  for (int i = 0; i < 4; ++i) blocks.push_back(chain.AddBlock({}, miner));
  IndexDir dir;
  std::vector<Bytes> first = {blocks[0], blocks[1], blocks[3]};  // 2 not downloaded yet
  WriteBlk(dir.path() + "/blocks/blk00000.dat", first, 0, 3);
  IndexBuildStats st0;
  auto idx0 = IndexBlocks(dir, true, &st0);
  ASSERT_TRUE(idx0.has_value());
  EXPECT_EQ(idx0->block_count(), 2u);
  EXPECT_EQ(st0.orphans, 1u);
  ASSERT_EQ(idx0->manifest().pending.size(), 1u);
  EXPECT_EQ(idx0->manifest().pending[0].hash, BlockHashOf(blocks[3]));

  WriteBlk(dir.path() + "/blocks/blk00001.dat", blocks, 2, 3);
  IndexBuildStats st;
  auto idx = IndexBlocks(dir, false, &st);
  ASSERT_TRUE(idx.has_value()) << idx.error().ToString();
  EXPECT_EQ(st.blocks_read, 1u);  // only the new file; block 3 came from the manifest
  EXPECT_EQ(st.blocks, 2u);
  EXPECT_EQ(idx->block_count(), 4u);
  EXPECT_TRUE(idx->manifest().pending.empty());
  ExpectSameAsRebuild(dir);
}

TEST(IndexAppendSynthetic, ForkBelowTipIsStaleUntilLongerThenReportedAndRebuilt) {
  Bytes miner = P2pkhScript(Bytes(20, 9));
  ChainBuilder chain;
  std::vector<Bytes> main;
  for (int i = 0; i < 3; ++i) main.push_back(chain.AddBlock({}, miner));
  ChainBuilder fork(1, BlockHashOf(main[0]), 99);  // other times: other blocks
  std::vector<Bytes> branch;
  for (int i = 0; i < 3; ++i) branch.push_back(fork.AddBlock({}, miner));
  IndexDir dir;
  WriteBlk(dir.path() + "/blocks/blk00000.dat", main, 0, 3);
  ASSERT_TRUE(IndexBlocks(dir, true, nullptr).has_value());

  // One block forking at height 1: shorter than the tip (2), stale.
  WriteBlk(dir.path() + "/blocks/blk00001.dat", branch, 0, 1);
  IndexBuildStats st1;
  auto idx1 = IndexBlocks(dir, false, &st1);
  ASSERT_TRUE(idx1.has_value()) << idx1.error().ToString();
  EXPECT_EQ(st1.blocks, 0u);
  EXPECT_EQ(st1.stale, 1u);
  EXPECT_EQ(st1.reorg_height, -1);
  EXPECT_EQ(idx1->manifest().tip, BlockHashOf(main[2]));

  // The branch grows to height 3, past the tip: a reorganisation.
  WriteBlk(dir.path() + "/blocks/blk00002.dat", branch, 1, 3);
  IndexBuildStats st2;
  auto idx2 = IndexBlocks(dir, false, &st2);
  ASSERT_FALSE(idx2.has_value());
  EXPECT_EQ(idx2.error().code(), ErrorCode::kUnsupported);
  EXPECT_EQ(st2.reorg_height, 1);
  auto still = Index::Open(dir.path() + "/idx");
  ASSERT_TRUE(still.has_value());
  EXPECT_EQ(still->manifest().tip, BlockHashOf(main[2]));

  auto src = BlockSource::Open(dir.path() + "/blocks");
  ASSERT_TRUE(src.has_value());
  IndexBuildStats st3;
  auto idx3 = Index::Update(*src, dir.path() + "/idx", {}, &st3);
  ASSERT_TRUE(idx3.has_value()) << idx3.error().ToString();
  EXPECT_TRUE(st3.built);
  EXPECT_EQ(st3.reorg_height, 1);
  EXPECT_EQ(idx3->manifest().tip, BlockHashOf(branch[2]));
  EXPECT_EQ(idx3->manifest().tip_height, 3);
  EXPECT_EQ(idx3->block_count(), 4u);
  EXPECT_EQ(st3.stale, 2u);  // main[1], main[2]
}

}  // namespace
}  // namespace extortrace::chain
