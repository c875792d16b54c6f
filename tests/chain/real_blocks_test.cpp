// Parses every real mainnet block in ../shared/data/chain and checks the facts
// recorded in its SOURCES.md: hashes, tx counts, merkle roots, BIP-34 heights.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

using testing::ReadShared;
using testing::SharedChainPath;

struct Expected {
  size_t tx_count;
  int64_t height;    // -1: no BIP-34 height to check
  const char* hash;  // nullptr: not recorded
};

struct FileCase {
  const char* rel;
  std::vector<Expected> blocks;
};

// Parses a block and checks everything that holds for any valid block.
void CheckValidBlock(ByteSpan data, const Expected& e, const std::string& where) {
  Block b;
  Status s = ParseBlock(data, &b);
  ASSERT_TRUE(s.has_value()) << where << ": " << s.error().ToString();
  EXPECT_EQ(b.txs().size(), e.tx_count) << where;
  EXPECT_TRUE(CheckProofOfWork(b.hash, b.header.bits)) << where << " " << HashToHex(b.hash);
  std::vector<Hash256> txids;
  EXPECT_TRUE(CheckMerkleRoot(b, &txids)) << where;
  ASSERT_FALSE(b.txs().empty());
  EXPECT_TRUE(b.arena.IsCoinbase(b.txs()[0])) << where;
  for (size_t i = 1; i < b.txs().size(); ++i) {
    ASSERT_FALSE(b.arena.IsCoinbase(b.txs()[i])) << where << " tx " << i;
  }
  if (b.header.version < 2) {
    EXPECT_FALSE(Bip34Height(b).has_value()) << where;
  }
  if (e.height >= 0) {
    EXPECT_EQ(Bip34Height(b), std::optional<int64_t>(e.height)) << where;
  }
  if (e.hash != nullptr) {
    EXPECT_EQ(HashToHex(b.hash), e.hash) << where;
  }
  // Segwit blocks with a commitment must verify it (checks every wtxid).
  if (auto wc = CheckWitnessCommitment(b)) {
    EXPECT_TRUE(*wc) << where;
  }
}

void CheckFramedFile(const FileCase& c) {
  auto src = BlockSource::Open(SharedChainPath(c.rel));
  ASSERT_TRUE(src.has_value()) << src.error().ToString();
  BlockRecord rec;
  size_t i = 0;
  for (;;) {
    auto r = src->Next(&rec);
    ASSERT_TRUE(r.has_value()) << r.error().ToString();
    if (!*r) break;
    ASSERT_LT(i, c.blocks.size()) << c.rel << ": more blocks than expected";
    CheckValidBlock(rec.data, c.blocks[i], std::string(c.rel) + " #" + std::to_string(i));
    ++i;
  }
  EXPECT_EQ(i, c.blocks.size()) << c.rel;
}

const char kGenesis[] = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

TEST(RealBlocks, HadoopCryptoLedgerFiles) {
  ET_REQUIRE_SHARED("hadoopcryptoledger/genesis.blk");
  const std::vector<FileCase> cases = {
      {"hadoopcryptoledger/genesis.blk", {{1, -1, kGenesis}}},
      {"hadoopcryptoledger/version1.blk", {{2, -1, nullptr}}},
      {"hadoopcryptoledger/block176149.blk", {{109, -1, nullptr}}},
      {"hadoopcryptoledger/version2.blk", {{343, 332208, nullptr}}},
      {"hadoopcryptoledger/version3.blk", {{1645, 370505, nullptr}}},
      {"hadoopcryptoledger/version4.blk", {{936, 403617, nullptr}}},
      {"hadoopcryptoledger/scriptwitness.blk", {{470, 482300, nullptr}}},
      {"hadoopcryptoledger/scriptwitness2.blk", {{2191, 482253, nullptr}, {2508, 482202, nullptr}}},
      {"hadoopcryptoledger/block2019Jan.blk", {{2898, 556977, nullptr}}},
      {"hadoopcryptoledger/multiblock.blk",
       {{1, -1, kGenesis}, {2, -1, nullptr}, {343, 332208, nullptr}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.rel);
    CheckFramedFile(c);
  }
}

std::vector<Hash256> HashesOf(const std::string& rel) {
  std::vector<Hash256> out;
  auto src = BlockSource::Open(SharedChainPath(rel));
  BlockRecord rec;
  while (src && src->Next(&rec).value_or(false)) out.push_back(BlockHashOf(rec.data));
  return out;
}

TEST(RealBlocks, MultiblockHoldsTheSingleBlockFiles) {
  ET_REQUIRE_SHARED("hadoopcryptoledger/multiblock.blk");
  std::vector<Hash256> want;
  for (const char* f : {"genesis.blk", "version1.blk", "version2.blk"}) {
    auto h = HashesOf(std::string("hadoopcryptoledger/") + f);
    ASSERT_EQ(h.size(), 1u) << f;
    want.push_back(h[0]);
  }
  EXPECT_EQ(HashesOf("hadoopcryptoledger/multiblock.blk"), want);
  EXPECT_EQ(HashToHex(want[1]), "0000000000bef5d742ad3ea3fab0548bf33077a6a91426f37e6ea90bf40205dd");
}

TEST(RealBlocks, Btcd277647) {
  ET_REQUIRE_SHARED("btcd/277647.dat");
  CheckFramedFile(
      {"btcd/277647.dat",
       {{213, 277647, "0000000000000000054a714e580b16c583701712ab91060e92dbde6eb1e052a8"}}});
  // The .bz2 copy decompresses to the same bytes.
  auto plain = ReadShared("btcd/277647.dat");
  auto unz = testing::ReadBz2(SharedChainPath("btcd/277647.dat.bz2"));
  EXPECT_EQ(plain, unz);
}

TEST(RealBlocks, BtcdRawBlocks) {
  ET_REQUIRE_SHARED(
      "btcd/block-574200-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.raw");
  struct Raw {
    const char* rel;
    Expected e;
  };
  const Raw raws[] = {
      {"btcd/block-574200-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.raw",
       {3315, 574200, "0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2"}},
      {"btcd/block-540107-00000000000000000021868c2cefc52a480d173c849412fe81c4e5ab806f94ab.raw",
       {230, 540107, "00000000000000000021868c2cefc52a480d173c849412fe81c4e5ab806f94ab"}},
  };
  for (const Raw& r : raws) {
    // Through BlockSource (raw detection) and directly.
    auto src = BlockSource::Open(SharedChainPath(r.rel));
    ASSERT_TRUE(src.has_value());
    ASSERT_EQ(src->files()[0].kind, BlockSource::FileKind::kRaw);
    BlockRecord rec;
    auto n = src->Next(&rec);
    ASSERT_TRUE(n.has_value() && *n);
    CheckValidBlock(rec.data, r.e, r.rel);
    Block b;
    ASSERT_TRUE(ParseBlock(rec.data, &b).has_value());
    EXPECT_EQ(CheckWitnessCommitment(b), std::optional<bool>(true)) << "segwit-era block";
    size_t witness_txs = 0;
    for (const Tx& tx : b.txs()) witness_txs += tx.has_witness;
    EXPECT_GT(witness_txs, 10u);
    auto end = src->Next(&rec);
    ASSERT_TRUE(end.has_value());
    EXPECT_FALSE(*end);
  }
}

TEST(RealBlocks, Btcd1To255) {
  ET_REQUIRE_SHARED("btcd/blocks1-255.dat");
  auto src = BlockSource::Open(SharedChainPath("btcd/blocks1-255.dat"));
  ASSERT_TRUE(src.has_value());
  BlockRecord rec;
  Block b;
  size_t blocks = 0, txs = 0;
  Hash256 prev = *HashFromHex(kGenesis);
  while (true) {
    auto r = src->Next(&rec);
    ASSERT_TRUE(r.has_value()) << r.error().ToString();
    if (!*r) break;
    ASSERT_TRUE(ParseBlock(rec.data, &b).has_value());
    EXPECT_EQ(b.header.prev_hash, prev) << "block " << blocks + 1;
    prev = b.hash;
    std::vector<Hash256> txids;
    EXPECT_TRUE(CheckMerkleRoot(b, &txids));
    EXPECT_TRUE(CheckProofOfWork(b.hash, b.header.bits));
    if (blocks + 1 == 170) {
      EXPECT_EQ(b.txs().size(), 2u);  // Satoshi -> Hal Finney
    }
    ++blocks;
    txs += b.txs().size();
  }
  EXPECT_EQ(blocks, 255u);
  EXPECT_EQ(txs, 262u);
}

TEST(RealBlocks, MegaTx) {
  ET_REQUIRE_SHARED("btcd/megatx-bb41a757.bin.bz2");
  auto raw = testing::ReadBz2(SharedChainPath("btcd/megatx-bb41a757.bin.bz2"));
  ASSERT_EQ(raw.size(), 999657u);
  TxArena arena;
  Status s = ParseTx(raw, &arena);
  ASSERT_TRUE(s.has_value()) << s.error().ToString();
  ASSERT_EQ(arena.txs.size(), 1u);
  EXPECT_EQ(HashToHex(ComputeTxid(arena.txs[0])),
            "bb41a757f405890fb0f5856228e23b715702d714d59bf2b1feb70d8b2b4e3e08");
  // Truncating it anywhere must fail cleanly.
  for (size_t cut : {size_t{0}, size_t{1}, size_t{5}, raw.size() / 2, raw.size() - 1}) {
    TxArena a2;
    EXPECT_FALSE(ParseTx(ByteSpan(raw.data(), cut), &a2).has_value()) << cut;
    EXPECT_TRUE(a2.txs.empty() && a2.inputs.empty() && a2.outputs.empty());
  }
}

}  // namespace
}  // namespace extortrace::chain
