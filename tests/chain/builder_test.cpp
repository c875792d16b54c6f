// Synthetic block builder: build -> parse -> same txids, valid merkle root,
// witness commitment, BIP-34 height and synthetic marking.
#include <gtest/gtest.h>

#include "chain/block.h"
#include "chain/block_builder.h"
#include "chain/script.h"

namespace extortrace::chain {
namespace {

Bytes Script(const char* addr) {
  auto s = ScriptForAddress(addr);
  EXPECT_TRUE(s.has_value()) << addr;
  return s.value_or(Bytes{});
}

TEST(BlockBuilder, RoundTripLegacyAndSegwit) {
  ChainBuilder chain(/*first_height=*/500000);
  Bytes b0 = chain.AddBlock({}, Script("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
  Hash256 cb0 = chain.last_coinbase_txid();

  TxSpec legacy;
  legacy.inputs.push_back({cb0, 0, Bytes{0x51}, 0xfffffffe, {}});
  legacy.outputs.push_back({10'000, Script("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4")});
  legacy.outputs.push_back({20'000, Script("3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC")});
  TxSpec segwit;
  segwit.inputs.push_back({TxidOf(legacy), 0, {}, 0xffffffff, {Bytes(71, 0x30), Bytes(33, 2)}});
  segwit.outputs.push_back(
      {9'000, Script("bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr")});
  std::vector<Hash256> want = {TxidOf(legacy), TxidOf(segwit)};
  Bytes b1 = chain.AddBlock({legacy, segwit}, Script("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));

  Block b;
  ASSERT_TRUE(ParseBlock(b1, &b).has_value());
  ASSERT_EQ(b.txs().size(), 3u);
  std::vector<Hash256> txids;
  EXPECT_TRUE(CheckMerkleRoot(b, &txids));
  EXPECT_EQ(txids[1], want[0]);
  EXPECT_EQ(txids[2], want[1]);
  EXPECT_EQ(txids[0], chain.last_coinbase_txid());
  EXPECT_TRUE(b.txs()[2].has_witness);
  EXPECT_NE(ComputeWtxid(b.txs()[2]), txids[2]);
  EXPECT_EQ(CheckWitnessCommitment(b), std::optional<bool>(true));
  EXPECT_EQ(Bip34Height(b), std::optional<int64_t>(500001));
  EXPECT_TRUE(CheckProofOfWork(b.hash, b.header.bits));
  EXPECT_EQ(b.header.prev_hash, BlockHashOf(b0));
  EXPECT_EQ(b.hash, chain.tip());
  // Marked synthetic in the coinbase.
  ByteSpan sig = b.arena.inputs[0].script_sig;
  std::string_view text(reinterpret_cast<const char*>(sig.data()), sig.size());
  EXPECT_NE(text.find(kSyntheticTag), std::string_view::npos);
  // Outputs decode back to the addresses paid.
  auto outs = b.arena.Outputs(b.txs()[1]);
  EXPECT_EQ(ScriptToAddress(outs[0].script_pubkey), "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
  EXPECT_EQ(ScriptToAddress(outs[1].script_pubkey), "3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC");
  EXPECT_EQ(outs[1].value, 20'000);
  // Spends are linked.
  EXPECT_EQ(b.arena.Inputs(b.txs()[1])[0].PrevTxid(), cb0);
  EXPECT_EQ(b.arena.Inputs(b.txs()[2])[0].PrevTxid(), txids[1]);
  EXPECT_EQ(b.arena.Witness(b.arena.Inputs(b.txs()[2])[0]).size(), 2u);
}

TEST(BlockBuilder, SerializedTxParsesBack) {
  TxSpec tx;
  tx.version = 1;
  tx.lock_time = 123;
  for (int i = 0; i < 300; ++i) {  // > 252 outputs: 3-byte CompactSize
    tx.outputs.push_back({i, P2pkhScript(Bytes(20, static_cast<uint8_t>(i)))});
  }
  tx.inputs.push_back({Hash256{}, 7, Bytes(300, 0xab), 5, {}});
  Bytes raw = SerializeTx(tx);
  TxArena a;
  ASSERT_TRUE(ParseTx(raw, &a).has_value());
  EXPECT_EQ(a.txs[0].output_count, 300u);
  EXPECT_EQ(a.txs[0].lock_time, 123u);
  EXPECT_EQ(a.Inputs(a.txs[0])[0].script_sig.size(), 300u);
  EXPECT_EQ(ComputeTxid(a.txs[0]), TxidOf(tx));
}

TEST(BlockBuilder, ScriptForAddressRejectsOtherNetworks) {
  EXPECT_FALSE(ScriptForAddress("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx").has_value());
  EXPECT_TRUE(ScriptForAddress("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", kTestnet).has_value());
  EXPECT_FALSE(ScriptForAddress("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb").has_value());  // checksum
}

}  // namespace
}  // namespace extortrace::chain
