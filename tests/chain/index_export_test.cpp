// ExportGraph on real blocks 0..589: row counts match the index, money is
// conserved row by row, and Satoshi -> Hal Finney (block 170) is exported as
// it is on the chain.
#include "chain/index_export.h"

#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <sstream>

#include "index_test_util.h"
#include "test_util.h"

namespace extortrace::chain {
namespace {

using Rows = std::vector<std::vector<std::string>>;

Rows ReadCsv(const std::string& path, std::string* header) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, *header);
  Rows rows;
  while (std::getline(in, line)) {
    std::vector<std::string> f;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) f.push_back(cell);
    if (!line.empty() && line.back() == ',') f.push_back("");
    rows.push_back(std::move(f));
  }
  return rows;
}

constexpr const char* kHalTx = "f4184fc596403b9d638783cf57adfe4c75c605f6356fbc91338530e9831e9e16";
constexpr const char* kBlock9Coinbase =
    "0437cd7f8525ceed2324359c2d0ba26006d92d856a9c20fa0241106ee5a597c9";

class IndexExport : public ::testing::Test {
 protected:
  void SetUp() override {
    ET_REQUIRE_SHARED("hadoopcryptoledger/firstblocks.blk");
    auto src = BlockSource::Open(testing::SharedChainPath("hadoopcryptoledger/firstblocks.blk"));
    ASSERT_TRUE(src.has_value());
    auto built = Index::Build(*src, dir.path() + "/idx");
    ASSERT_TRUE(built.has_value());
    index_.emplace(std::move(*built));
  }
  testing::IndexDir dir;
  std::optional<Index> index_;
};

TEST_F(IndexExport, FirstBlocksGraph) {
  const Index* idx = &*index_;
  GraphExportStats st;
  ASSERT_TRUE(ExportGraph(*idx, dir.path() + "/csv", {}, &st).has_value());
  EXPECT_EQ(st.blocks, 590u);
  EXPECT_EQ(st.txs, 605u);
  std::string h;
  Rows blocks = ReadCsv(dir.path() + "/csv/blocks.csv", &h);
  EXPECT_EQ(h, "height,block_hash,timestamp,no_transactions");
  Rows txs = ReadCsv(dir.path() + "/csv/transactions.csv", &h);
  EXPECT_EQ(h,
            "tx_id,txid,height,timestamp,coinbase,no_inputs,no_outputs,total_input,total_output");
  Rows outs = ReadCsv(dir.path() + "/csv/outputs.csv", &h);
  Rows ins = ReadCsv(dir.path() + "/csv/inputs.csv", &h);
  EXPECT_EQ(h, "tx_id,txid,input_index,spent_txid,spent_vout,value,address_id");
  Rows addrs = ReadCsv(dir.path() + "/csv/addresses.csv", &h);
  EXPECT_EQ(blocks.size(), idx->block_count());
  EXPECT_EQ(txs.size(), idx->tx_count());
  EXPECT_EQ(outs.size(), idx->output_count());
  EXPECT_EQ(ins.size(), idx->input_count());
  EXPECT_EQ(addrs.size(), idx->address_count());
  EXPECT_EQ(blocks[0][1], "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");

  // Per tx: outputs and inputs add up to the tx row's totals.
  std::map<std::string, int64_t> out_sum, in_sum;
  for (const auto& r : outs) out_sum[r[0]] += std::stoll(r[3]);
  for (const auto& r : ins) {
    if (!r[5].empty()) in_sum[r[0]] += std::stoll(r[5]);
  }
  size_t coinbases = 0;
  for (const auto& r : txs) {
    ASSERT_EQ(r.size(), 9u);
    EXPECT_EQ(std::stoll(r[8]), out_sum[r[0]]) << r[1];
    EXPECT_EQ(std::stoll(r[7]), in_sum[r[0]]) << r[1];
    coinbases += r[4] == "1";
  }
  EXPECT_EQ(coinbases, 590u);

  // Satoshi -> Hal Finney.
  auto hal = std::find_if(txs.begin(), txs.end(), [](const auto& r) { return r[1] == kHalTx; });
  ASSERT_NE(hal, txs.end());
  EXPECT_EQ(*hal, (std::vector<std::string>{(*hal)[0], kHalTx, "170", "1231731025", "0", "1", "2",
                                            "5000000000", "5000000000"}));
  std::vector<std::vector<std::string>> hal_outs, hal_ins;
  for (const auto& r : outs) {
    if (r[1] == kHalTx) hal_outs.push_back({r[2], r[3], r[5]});
  }
  for (const auto& r : ins) {
    if (r[1] == kHalTx) hal_ins.push_back({r[2], r[3], r[4], r[5]});
  }
  EXPECT_EQ(hal_outs, (std::vector<std::vector<std::string>>{
                          {"0", "1000000000", "1Q2TWHE3GMdB6BZKafqwxXtWAWgFt5Jvm3"},
                          {"1", "4000000000", "12cbQLTFMXRnSzktFkuoG3eHoMeFtpTu3S"}}));
  EXPECT_EQ(hal_ins,
            (std::vector<std::vector<std::string>>{{"0", kBlock9Coinbase, "0", "5000000000"}}));
}

TEST_F(IndexExport, HeightRangeIsAPartition) {
  const Index* idx = &*index_;
  GraphExportStats a, b;
  ASSERT_TRUE(ExportGraph(*idx, dir.path() + "/a", {0, 170}, &a).has_value());
  ASSERT_TRUE(ExportGraph(*idx, dir.path() + "/b", {171, -1}, &b).has_value());
  EXPECT_EQ(a.blocks, 171u);
  EXPECT_EQ(a.txs, 172u);  // 171 coinbases + Satoshi -> Hal Finney
  EXPECT_EQ(a.blocks + b.blocks, idx->block_count());
  EXPECT_EQ(a.txs + b.txs, idx->tx_count());
  EXPECT_EQ(a.outputs + b.outputs, idx->output_count());
  EXPECT_EQ(a.inputs + b.inputs, idx->input_count());
  EXPECT_EQ(a.addresses, idx->address_count());  // addresses.csv is always complete
}

}  // namespace
}  // namespace extortrace::chain
