// Helpers for index tests: temp dirs, blk files from block lists, and the
// "same index" assertions (files byte for byte, every lookup).
#pragma once

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "chain/blk_file.h"
#include "chain/block_builder.h"
#include "chain/index.h"
#include "core/bytes.h"

namespace extortrace::chain::testing {

class IndexDir {
 public:
  IndexDir() {
    std::random_device rd;
    path_ = (std::filesystem::temp_directory_path() / ("et_idx_" + std::to_string(rd()))).string();
    std::filesystem::create_directories(path_);
  }
  ~IndexDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

// The raw blocks of a framed file, in file order.
inline std::vector<Bytes> FramesOf(const std::string& path) {
  std::vector<Bytes> out;
  auto src = BlockSource::Open(path);
  EXPECT_TRUE(src.has_value()) << path;
  if (!src) return out;
  BlockRecord rec;
  while (true) {
    auto r = src->Next(&rec);
    if (!r || !*r) break;
    out.emplace_back(rec.data.begin(), rec.data.end());
  }
  return out;
}

// Writes blocks [from, to) framed into `path` (parent dirs created).
inline void WriteBlk(const std::string& path, const std::vector<Bytes>& blocks, size_t from,
                     size_t to) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  Bytes file;
  for (size_t i = from; i < to; ++i) {
    Bytes f = FrameBlock(blocks[i]);
    file.insert(file.end(), f.begin(), f.end());
  }
  FILE* fp = std::fopen(path.c_str(), "wb");
  ASSERT_NE(fp, nullptr) << path;
  if (!file.empty()) std::fwrite(file.data(), 1, file.size(), fp);
  std::fclose(fp);
}

// Same counts and same answer to every lookup.
inline void ExpectSameAnswers(const Index& a, const Index& b) {
  ASSERT_EQ(a.block_count(), b.block_count());
  ASSERT_EQ(a.tx_count(), b.tx_count());
  ASSERT_EQ(a.output_count(), b.output_count());
  ASSERT_EQ(a.input_count(), b.input_count());
  ASSERT_EQ(a.address_count(), b.address_count());
  for (uint32_t t = 0; t < b.tx_count(); ++t) {
    IndexedTx x = a.Tx(t), y = b.Tx(t);
    ASSERT_EQ(x.txid, y.txid);
    ASSERT_EQ(x.height, y.height);
    ASSERT_EQ(a.FindTx(y.txid), b.FindTx(y.txid)) << t;
    for (uint32_t i = 0; i < y.input_count; ++i)
      ASSERT_EQ(a.SpentOutput(t, i), b.SpentOutput(t, i));
  }
  for (uint64_t o = 0; o < b.output_count(); ++o) {
    ASSERT_EQ(a.Output(o).spent_by_tx, b.Output(o).spent_by_tx) << o;
    auto x = a.SpenderOf(o), y = b.SpenderOf(o);
    ASSERT_EQ(x.has_value(), y.has_value()) << o;
    if (x) {
      ASSERT_EQ(x->input_index, y->input_index);
    }
  }
  for (uint32_t ad = 0; ad < b.address_count(); ++ad) {
    ASSERT_EQ(a.AddressString(ad), b.AddressString(ad));
    ASSERT_EQ(a.OutputsOf(ad), b.OutputsOf(ad)) << b.AddressString(ad);
    ASSERT_EQ(a.FindAddress(b.AddressString(ad)), std::optional<uint32_t>(ad));
  }
}

// Column files and address table byte-identical (and the txid lookup file
// too when `same_lookup_files`), plus ExpectSameAnswers.
inline void ExpectSameIndex(const std::string& dir_a, const std::string& dir_b,
                            bool same_lookup_files) {
  auto a = Index::Open(dir_a), b = Index::Open(dir_b);
  ASSERT_TRUE(a.has_value()) << a.error().ToString();
  ASSERT_TRUE(b.has_value()) << b.error().ToString();
  ASSERT_EQ(a->manifest().table_file, b->manifest().table_file);
  for (const std::string f : {"blocks.col", "txs.col", "outputs.col", "inputs.col", "addresses.col",
                              a->manifest().table_file.c_str()}) {
    auto x = ReadFile(dir_a + "/" + f), y = ReadFile(dir_b + "/" + f);
    ASSERT_TRUE(x.has_value() && y.has_value()) << f;
    EXPECT_TRUE(*x == *y) << f << " differs (" << x->size() << " vs " << y->size() << " bytes)";
  }
  if (same_lookup_files) {
    auto x = ReadFile(dir_a + "/" + a->manifest().txid_main);
    auto y = ReadFile(dir_b + "/" + b->manifest().txid_main);
    ASSERT_TRUE(x.has_value() && y.has_value());
    EXPECT_TRUE(*x == *y) << "txid lookup differs";
  }
  EXPECT_EQ(a->manifest().tip, b->manifest().tip);
  EXPECT_EQ(a->manifest().tip_height, b->manifest().tip_height);
  ExpectSameAnswers(*a, *b);
}

}  // namespace extortrace::chain::testing
