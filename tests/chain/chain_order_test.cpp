// Ordering blocks from file order into the best chain: real contiguous files,
// shuffled input, stale forks and orphans.
#include "chain/chain_order.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "chain/block_builder.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

std::vector<HeaderEntry> HeadersOf(const std::string& rel) {
  std::vector<HeaderEntry> out;
  auto src = BlockSource::Open(testing::SharedChainPath(rel));
  EXPECT_TRUE(src.has_value());
  if (!src) return out;
  BlockRecord rec;
  while (src->Next(&rec).value_or(false)) {
    auto h = ParseHeader(rec.data);
    EXPECT_TRUE(h.has_value());
    out.push_back({BlockHashOf(rec.data), h->prev_hash, h->bits});
  }
  return out;
}

const char kGenesis[] = "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f";

TEST(ChainOrder, FirstBlocksAreContiguous0To589) {
  ET_REQUIRE_SHARED("hadoopcryptoledger/firstblocks.blk");
  auto headers = HeadersOf("hadoopcryptoledger/firstblocks.blk");
  ASSERT_EQ(headers.size(), 590u);
  // Shuffle to simulate out-of-order blk files; ordering must undo it.
  std::vector<HeaderEntry> shuffled = headers;
  std::mt19937 rng(42);
  std::shuffle(shuffled.begin(), shuffled.end(), rng);
  ChainOrder o = OrderChain(shuffled);
  ASSERT_EQ(o.best.size(), 590u);
  EXPECT_EQ(o.first_height, 0);
  EXPECT_TRUE(o.stale.empty() && o.orphans.empty() && o.duplicates.empty());
  for (size_t h = 0; h < 590; ++h) EXPECT_EQ(shuffled[o.best[h]].hash, headers[h].hash) << h;
  EXPECT_EQ(HashToHex(shuffled[o.best[0]].hash), kGenesis);
  std::string tip = HashToHex(shuffled[o.best.back()].hash);
  // SOURCES.md abbreviates it as 0000000b96305605…3935 (one leading zero short).
  EXPECT_EQ(tip.substr(0, 17), "00000000b96305605");
  EXPECT_EQ(tip.substr(60), "3935");
}

TEST(ChainOrder, Btcd1To255FromGenesisParent) {
  ET_REQUIRE_SHARED("btcd/blocks1-255.dat");
  auto headers = HeadersOf("btcd/blocks1-255.dat");
  std::reverse(headers.begin(), headers.end());
  // Without the genesis block, everything is an orphan...
  ChainOrder none = OrderChain(headers);
  EXPECT_TRUE(none.best.empty());
  EXPECT_EQ(none.orphans.size(), 255u);
  // ...and rooted at the genesis hash the chain is heights 1..255.
  ChainOrder o = OrderChain(headers, *HashFromHex(kGenesis), 0);
  ASSERT_EQ(o.best.size(), 255u);
  EXPECT_EQ(o.first_height, 1);
  EXPECT_EQ(o.best.front(), 254u);
  EXPECT_EQ(o.best.back(), 0u);
}

TEST(ChainOrder, StaleForkOrphanAndDuplicate) {
  // main: g - a1 - a2 - a3 ; fork: a1 - b2 (stale) ; orphan: child of unknown.
  Bytes miner = P2pkhScript(Bytes(20, 9));
  ChainBuilder main_chain;
  std::vector<Bytes> blocks;
  for (int i = 0; i < 4; ++i) blocks.push_back(main_chain.AddBlock({}, miner));
  ChainBuilder fork(2, BlockHashOf(blocks[1]), /*time=*/7);
  Bytes b2 = fork.AddBlock({}, P2pkhScript(Bytes(20, 8)));
  ChainBuilder lost(100, Hash256{1});
  Bytes orphan = lost.AddBlock({}, miner);

  std::vector<Bytes> file_order = {blocks[2], b2, orphan, blocks[0], blocks[3], blocks[1], b2};
  std::vector<HeaderEntry> headers;
  for (const Bytes& b : file_order) {
    auto h = ParseHeader(b);
    headers.push_back({BlockHashOf(b), h->prev_hash, h->bits});
  }
  ChainOrder o = OrderChain(headers);
  ASSERT_EQ(o.best.size(), 4u);
  EXPECT_EQ(o.best, (std::vector<uint32_t>{3, 5, 0, 4}));
  EXPECT_EQ(o.stale, (std::vector<uint32_t>{1}));
  EXPECT_EQ(o.orphans, (std::vector<uint32_t>{2}));
  EXPECT_EQ(o.duplicates, (std::vector<uint32_t>{6}));
}

TEST(ChainOrder, EqualWorkTieGoesToFirstSeen) {
  Bytes miner = P2pkhScript(Bytes(20, 9));
  ChainBuilder base;
  Bytes g = base.AddBlock({}, miner);
  ChainBuilder x(1, BlockHashOf(g), 11), y(1, BlockHashOf(g), 22);
  Bytes bx = x.AddBlock({}, miner), by = y.AddBlock({}, miner);
  for (bool x_first : {true, false}) {
    std::vector<Bytes> order =
        x_first ? std::vector<Bytes>{g, bx, by} : std::vector<Bytes>{g, by, bx};
    std::vector<HeaderEntry> headers;
    for (const Bytes& b : order)
      headers.push_back({BlockHashOf(b), ParseHeader(b)->prev_hash, kRegtestBits});
    ChainOrder o = OrderChain(headers);
    ASSERT_EQ(o.best.size(), 2u);
    EXPECT_EQ(o.best[1], 1u) << x_first;
  }
}

TEST(ChainOrder, WorkFromBits) {
  // Difficulty-1 target 0x1d00ffff: work = 2^256 / (0xffff * 2^208) ~= 2^32.
  EXPECT_NEAR(WorkFromBits(0x1d00ffff) / 4295032833.0, 1.0, 1e-4);
  EXPECT_EQ(WorkFromBits(0), 0.0);
  EXPECT_EQ(WorkFromBits(0x1d800000), 0.0);  // negative
  EXPECT_GT(WorkFromBits(0x17053894), WorkFromBits(0x1d00ffff));
}

}  // namespace
}  // namespace extortrace::chain
