// Block sources: blocks directory iteration, xor.dat obfuscation, zero padding,
// and corrupt input (bad magic, garbage, truncation, giant sizes) reported with
// file and offset while iteration continues.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "chain/block_builder.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

namespace fs = std::filesystem;

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() / ("et_chain_" + std::to_string(rd()) + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  std::string File(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  fs::path path_;
};

void WriteBytes(const std::string& path, const Bytes& data) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(data.data()), static_cast<std::streamsize>(data.size()));
}

// Collects every block (hash) and error from a source.
struct Scan {
  std::vector<Hash256> hashes;
  std::vector<BlockLocation> locations;
  std::vector<Error> errors;
};
Scan ScanAll(BlockSource& src) {
  Scan s;
  BlockRecord rec;
  for (int guard = 0; guard < 100000; ++guard) {
    auto r = src.Next(&rec);
    if (!r) {
      s.errors.push_back(r.error());
      continue;
    }
    if (!*r) break;
    s.hashes.push_back(BlockHashOf(rec.data));
    s.locations.push_back(rec.location);
  }
  return s;
}

// Three small synthetic blocks.
std::vector<Bytes> ThreeBlocks() {
  ChainBuilder chain;
  Bytes miner = P2pkhScript(Bytes(20, 1));
  return {chain.AddBlock({}, miner), chain.AddBlock({}, miner), chain.AddBlock({}, miner)};
}

Bytes Concat(std::initializer_list<Bytes> parts) {
  Bytes out;
  for (const Bytes& p : parts) out.insert(out.end(), p.begin(), p.end());
  return out;
}

TEST(BlkSource, DirectoryInNumericOrderWithPadding) {
  TempDir dir;
  auto blocks = ThreeBlocks();
  // blk00001.dat must come after blk00000.dat; padding at the end of each file.
  WriteBytes(dir.File("blk00001.dat"), Concat({FrameBlock(blocks[2]), Bytes(4096, 0)}));
  WriteBytes(dir.File("blk00000.dat"),
             Concat({FrameBlock(blocks[0]), FrameBlock(blocks[1]), Bytes(100, 0)}));
  WriteBytes(dir.File("rev00000.dat"), Bytes(10, 7));  // ignored
  auto src = BlockSource::Open(dir.path());
  ASSERT_TRUE(src.has_value()) << src.error().ToString();
  ASSERT_EQ(src->files().size(), 2u);
  Scan s = ScanAll(*src);
  EXPECT_TRUE(s.errors.empty()) << s.errors[0].ToString();
  ASSERT_EQ(s.hashes.size(), 3u);
  for (int i = 0; i < 3; ++i) EXPECT_EQ(s.hashes[i], BlockHashOf(blocks[i]));
  EXPECT_EQ(s.locations[1].file_index, 0u);
  EXPECT_EQ(s.locations[1].offset, 8 + blocks[0].size() + 8);
  EXPECT_EQ(s.locations[2].file_index, 1u);
  // Random access by location.
  auto again = src->ReadBlock(s.locations[1]);
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(BlockHashOf(*again), s.hashes[1]);
}

TEST(BlkSource, XorObfuscatedRealFileReadsBackIdentically) {
  ET_REQUIRE_SHARED("hadoopcryptoledger/multiblock.blk");
  Bytes plain = testing::ReadShared("hadoopcryptoledger/multiblock.blk");
  ASSERT_FALSE(plain.empty());
  auto plain_src = BlockSource::Open(testing::SharedChainPath("hadoopcryptoledger/multiblock.blk"));
  ASSERT_TRUE(plain_src.has_value());
  Scan want = ScanAll(*plain_src);
  ASSERT_EQ(want.hashes.size(), 3u);

  // The second key stores the first magic byte (0xf9) of the file as 0x00,
  // which must not be mistaken for padding.
  for (XorKey key : {XorKey{{0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0}},
                     XorKey{{0xf9, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x00}}}) {
    SCOPED_TRACE(HexEncode(key.bytes));
    TempDir dir;
    WriteBytes(dir.File("xor.dat"), Bytes(key.bytes.begin(), key.bytes.end()));
    Bytes obf = plain;
    ApplyXor(obf, key, 0);
    ASSERT_NE(obf, plain);
    obf.insert(obf.end(), 1000, 0);  // preallocated padding stays raw zeros on disk
    WriteBytes(dir.File("blk00000.dat"), obf);

    auto src = BlockSource::Open(dir.path());
    ASSERT_TRUE(src.has_value()) << src.error().ToString();
    EXPECT_EQ(src->xor_key().bytes, key.bytes);
    Scan got = ScanAll(*src);
    EXPECT_TRUE(got.errors.empty()) << got.errors[0].ToString();
    EXPECT_EQ(got.hashes, want.hashes);
    // Block bytes identical to the plain file's.
    for (const BlockLocation& loc : got.locations) {
      auto b = src->ReadBlock(loc);
      ASSERT_TRUE(b.has_value());
      EXPECT_TRUE(std::equal(b->begin(), b->end(), plain.begin() + static_cast<long>(loc.offset)));
      Block parsed;
      EXPECT_TRUE(ParseBlock(*b, &parsed).has_value());
    }
    // Reading the same file without the key fails with bad magic.
    auto raw_src = BlockSource::FromFiles(
        {{dir.File("blk00000.dat"), BlockSource::FileKind::kFramed}}, XorKey{});
    Scan bad = ScanAll(raw_src);
    EXPECT_TRUE(bad.hashes.empty());
    ASSERT_FALSE(bad.errors.empty());
    EXPECT_NE(bad.errors[0].context().find("bad magic"), std::string::npos);
  }
}

TEST(BlkSource, BadXorFileIsAnError) {
  TempDir dir;
  WriteBytes(dir.File("xor.dat"), Bytes(5, 1));
  WriteBytes(dir.File("blk00000.dat"), Bytes{});
  auto src = BlockSource::Open(dir.path());
  ASSERT_FALSE(src.has_value());
  EXPECT_NE(src.error().context().find("xor.dat"), std::string::npos);
}

TEST(BlkSource, CorruptFramesReportFileAndOffsetAndContinue) {
  TempDir dir;
  auto blocks = ThreeBlocks();
  Bytes f0 = FrameBlock(blocks[0]);
  Bytes garbage = {0xde, 0xad, 0xbe, 0xef, 0x01, 0x02, 0x03};
  // giant declared size: magic + 0xffffff00
  Bytes giant = {0xf9, 0xbe, 0xb4, 0xd9, 0x00, 0xff, 0xff, 0xff};
  Bytes f1 = FrameBlock(blocks[1]);
  Bytes truncated = FrameBlock(blocks[2]);
  truncated.resize(truncated.size() - 10);
  Bytes file = Concat({f0, garbage, giant, f1, truncated});
  WriteBytes(dir.File("blk00000.dat"), file);
  WriteBytes(dir.File("blk00001.dat"), FrameBlock(blocks[2]));

  auto src = BlockSource::Open(dir.path());
  ASSERT_TRUE(src.has_value());
  Scan s = ScanAll(*src);
  ASSERT_EQ(s.hashes.size(), 3u);  // blocks 0 and 1 from file 0, block 2 from file 1
  EXPECT_EQ(s.hashes[0], BlockHashOf(blocks[0]));
  EXPECT_EQ(s.hashes[1], BlockHashOf(blocks[1]));
  EXPECT_EQ(s.hashes[2], BlockHashOf(blocks[2]));
  ASSERT_EQ(s.errors.size(), 3u);
  // garbage: bad magic at the first garbage byte
  EXPECT_NE(s.errors[0].context().find("blk00000.dat"), std::string::npos);
  EXPECT_NE(s.errors[0].context().find("bad magic"), std::string::npos);
  EXPECT_EQ(s.errors[0].offset(), f0.size());
  // giant size
  EXPECT_NE(s.errors[1].context().find("impossible block size"), std::string::npos);
  EXPECT_EQ(s.errors[1].offset(), f0.size() + garbage.size() + 4);
  // truncated last block
  EXPECT_NE(s.errors[2].context().find("truncated block"), std::string::npos);
  EXPECT_EQ(s.errors[2].offset(), f0.size() + garbage.size() + giant.size() + f1.size());
  EXPECT_NE(s.errors[2].ToString().find("blk00000.dat"), std::string::npos);
}

TEST(BlkSource, MissingAndTruncatedHeader) {
  auto missing = BlockSource::Open("/nonexistent/et/blocks");
  EXPECT_FALSE(missing.has_value());
  TempDir dir;
  WriteBytes(dir.File("blk00000.dat"), Bytes{0xf9, 0xbe, 0xb4});
  auto src = BlockSource::FromFiles({{dir.File("blk00000.dat"), BlockSource::FileKind::kFramed},
                                     {dir.File("blk00009.dat"), BlockSource::FileKind::kFramed}},
                                    XorKey{});
  Scan s = ScanAll(src);
  EXPECT_TRUE(s.hashes.empty());
  ASSERT_EQ(s.errors.size(), 2u);
  EXPECT_NE(s.errors[0].context().find("truncated frame header"), std::string::npos);
  EXPECT_EQ(s.errors[0].offset(), 0u);
  EXPECT_EQ(s.errors[1].code(), ErrorCode::kNotFound);  // then the missing second file
  EXPECT_NE(s.errors[1].context().find("blk00009.dat"), std::string::npos);
}

TEST(BlkSource, TruncatedBlockBodyFailsParse) {
  auto blocks = ThreeBlocks();
  Block b;
  for (size_t cut : {size_t{0}, size_t{79}, size_t{80}, blocks[1].size() - 1}) {
    Status s = ParseBlock(ByteSpan(blocks[1].data(), cut), &b);
    EXPECT_FALSE(s.has_value()) << cut;
  }
  Bytes extra = blocks[1];
  extra.push_back(0);
  Status s = ParseBlock(extra, &b);
  ASSERT_FALSE(s.has_value());
  EXPECT_EQ(s.error().offset(), blocks[1].size());
}

}  // namespace
}  // namespace extortrace::chain
