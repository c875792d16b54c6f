// The demo chain (samples/chain, SYNTHETIC) is reproducible, and link traces
// the wallets of a store over it into the money section: revenue per
// campaign, payments per day, the consolidation point shared by campaigns
// and the labelled exchange and mixer.
#include "sample_chain.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "campaign/cluster.h"
#include "core/bytes.h"
#include "link/link.h"
#include "trace/index_view.h"

namespace extortrace::link {
namespace {

namespace fs = std::filesystem;

std::string SamplesDir() { return std::string(ET_SOURCE_DIR) + "/samples/chain"; }

TEST(SampleChain, CommittedFilesMatchTheGenerator) {
  testing::SampleChain s = testing::BuildSampleChain();
  const std::string dir = SamplesDir();
  if (std::getenv("ET_REGENERATE_SAMPLES") != nullptr) {
    fs::create_directories(dir + "/blocks");
    fs::create_directories(dir + "/labels");
    std::ofstream(dir + "/blocks/blk00000.dat", std::ios::binary)
        .write(reinterpret_cast<const char*>(s.blk.data()),
               static_cast<std::streamsize>(s.blk.size()));
    std::ofstream(dir + "/prices.csv", std::ios::binary) << s.prices_csv;
    std::ofstream(dir + "/labels/demo-services.yaml", std::ios::binary) << s.tagpack;
  }
  auto blk = ReadFile(dir + "/blocks/blk00000.dat");
  ASSERT_TRUE(blk.has_value()) << "run with ET_REGENERATE_SAMPLES=1 to create samples/chain";
  EXPECT_TRUE(*blk == std::string(s.blk.begin(), s.blk.end())) << "samples/chain/blocks is stale";
  EXPECT_EQ(ReadFile(dir + "/prices.csv").value_or(""), s.prices_csv);
  EXPECT_EQ(ReadFile(dir + "/labels/demo-services.yaml").value_or(""), s.tagpack);
}

struct Msg {
  const char* wallet;
  double amount;
  const char* currency;
  const char* date;
};

TEST(SampleChain, TraceStoreAndMoneySection) {
  testing::SampleChain s = testing::BuildSampleChain();
  std::string tmp =
      (fs::temp_directory_path() / ("et-link-" + std::to_string(::getpid()))).string();
  fs::create_directories(tmp + "/blocks");
  std::ofstream(tmp + "/blocks/blk00000.dat", std::ios::binary)
      .write(reinterpret_cast<const char*>(s.blk.data()),
             static_cast<std::streamsize>(s.blk.size()));
  auto store = store::Store::Open(tmp + "/t.db");
  ASSERT_TRUE(store.has_value()) << store.error().ToString();
  const Msg msgs[] = {
      {"1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE", 1350, "USD", "2024-10-12T09:13:55+02:00"},
      {"bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", 2500, "USD", "2022-06-14T03:12:45+09:00"},
      {"bc1p8hmgaey382whmq3wgk4y4fw2fmccqqujssfce8rhpz6zwpwfz9tsklc800", 1200, "EUR",
       "2025-02-03T11:02:10+01:00"},
      {"14A8r7TcpMewe8TNotM9KvcP2Evp81Cocb", 0.15, "BTC", "2022-10-19T14:22:01+02:00"},
      {"bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh", 900, "USD", "2024-03-14T10:00:00+00:00"},
      {"16edas7Uq1DPAN8ganXqLYVGLCaQ9ZwsND", 500, "EUR", "2025-03-09T06:41:12+01:00"},
  };
  int i = 0;
  for (const Msg& m : msgs) {
    record::ScanRecord r;
    r.source = "msg" + std::to_string(i);
    r.index = 0;
    r.verdict = record::Verdict::kExtortion;
    r.category = record::Category::kSextortion;
    r.date = m.date;
    r.subject = "pay " + std::to_string(i);
    r.content_hash = std::string(64, static_cast<char>('a' + i));
    r.wallets.push_back({"BTC", m.wallet, "p2pkh", false, true, record::Recovery::kNone});
    r.demand = record::Demand{m.amount, m.currency, ""};
    ASSERT_TRUE((*store)->PutScan(r).has_value());
    ++i;
  }
  ASSERT_TRUE(campaign::AssignCampaigns(**store, {}, 1700000000).has_value());
  auto view = trace::OpenBlocksView(tmp + "/blocks", tmp + "/cache");
  ASSERT_TRUE(view.has_value()) << view.error().ToString();
  auto prices = trace::PriceTable::ParseCsv(s.prices_csv);
  ASSERT_TRUE(prices.has_value());
  trace::LabelSet labels;
  ASSERT_TRUE(labels.AddPack(s.tagpack, "demo-services").has_value());
  auto sum = TraceStoredWallets(**store, **view, &*prices, &labels, {}, 1700000000);
  ASSERT_TRUE(sum.has_value()) << sum.error().ToString();
  EXPECT_EQ(sum->wallets, 6);
  EXPECT_EQ(sum->traced, 6);
  EXPECT_EQ(sum->paid, 5);
  EXPECT_EQ(sum->kept, s.payments);
  int64_t paid_sat = 0;
  for (const auto& [w, sat] : s.paid) paid_sat += sat;
  EXPECT_EQ(sum->kept_sat, paid_sat);
  // Re-tracing replaces rows instead of duplicating them.
  ASSERT_TRUE(TraceStoredWallets(**store, **view, &*prices, &labels, {}, 1700000100).has_value());
  auto n = (*store)->db().Query("SELECT COUNT(*) FROM trace_payments");
  EXPECT_EQ(store::AsInt((*n)[0][0]), s.payments);
  auto matched =
      (*store)->db().Query("SELECT COUNT(*) FROM trace_payments WHERE matches_demand = 1");
  EXPECT_EQ(store::AsInt((*matched)[0][0]), 8);  // all but the 1,000 USD partial and the EUR one

  auto money = BuildMoneySection(**store);
  ASSERT_TRUE(money.has_value()) << money.error().ToString();
  ASSERT_TRUE(money->has_value());
  const report::MoneySection& m = **money;
  EXPECT_EQ(m.traced_wallets, 6);
  EXPECT_EQ(m.revenue.size(), 6u);
  int64_t rev_sat = 0, rev_payments = 0;
  double rev_usd = 0;
  for (const report::CampaignRevenue& r : m.revenue) {
    rev_sat += r.satoshi;
    rev_payments += r.payments;
    rev_usd += r.usd;
  }
  EXPECT_EQ(rev_sat, paid_sat);
  EXPECT_EQ(rev_payments, s.payments);
  // 2*2500 + 1000 + 0.15 BTC at the 2022-10-20 close + 3*900 + 2*1350 + 1300 USD.
  double btc_day = testing::SyntheticClose(*DayNumber("2022-10-20"));
  EXPECT_NEAR(rev_usd, 5000 + 1000 + 0.15 * btc_day + 2700 + 2700 + 1300, 1.0);
  EXPECT_EQ(m.per_day.size(), 10u);
  ASSERT_FALSE(m.consolidations.empty());
  EXPECT_EQ(m.consolidations[0].address, s.consolidation);
  EXPECT_EQ(m.consolidations[0].wallets.size(), 5u);
  EXPECT_EQ(m.consolidations[0].campaigns.size(), 5u);
  std::map<std::string, const report::LabelledDestination*> dest;
  for (const auto& d : m.destinations) dest[d.address] = &d;
  ASSERT_TRUE(dest.count(s.exchange));
  ASSERT_TRUE(dest.count(s.mixer));
  ASSERT_TRUE(dest.count(s.exchange2));
  EXPECT_EQ(dest[s.exchange]->category, "exchange");
  EXPECT_EQ(dest[s.exchange]->min_hop, 2);
  EXPECT_EQ(dest[s.mixer]->category, "mixing_service");
  EXPECT_EQ(dest[s.exchange2]->min_hop, 3);
  EXPECT_NEAR(dest[s.exchange]->satoshi + dest[s.mixer]->satoshi + dest[s.exchange2]->satoshi,
              static_cast<double>(paid_sat) - 3 * 10000, 5.0);  // three operator fees
  EXPECT_FALSE(m.edges.empty());
  EXPECT_FALSE(m.nodes.empty());
  // The clusters: all campaign wallets are spent together in the consolidation.
  auto cl = (*store)->db().Query(
      "SELECT COUNT(*) FROM trace_clusters WHERE wallet = '1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE'");
  EXPECT_EQ(store::AsInt((*cl)[0][0]), 5);
  std::error_code ec;
  fs::remove_all(tmp, ec);
}

}  // namespace
}  // namespace extortrace::link
