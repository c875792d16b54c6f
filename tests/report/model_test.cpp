#include "report/model.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace extortrace::report {
namespace {

using testing::ReportStoreTest;

const CampaignReport* WithWallet(const ReportModel& m, const std::string& address) {
  for (const CampaignReport& c : m.campaigns) {
    for (const campaign::WalletStat& w : c.stats.wallets) {
      if (w.address == address) return &c;
    }
  }
  return nullptr;
}

TEST_F(ReportStoreTest, ModelHasThreeCampaignsFromTheStore) {
  ReportModel m = Model();
  EXPECT_EQ(m.scanned_messages, 22);
  EXPECT_EQ(m.overall.messages, 20);
  ASSERT_EQ(m.campaigns.size(), 3u);
  const CampaignReport* a = WithWallet(m, testing::kWalletA);
  const CampaignReport* b = WithWallet(m, testing::kWalletB);
  const CampaignReport* c = WithWallet(m, testing::kWalletXmr);
  ASSERT_TRUE(a && b && c);
  EXPECT_EQ(a->stats.messages, 10);
  EXPECT_EQ(b->stats.messages, 6);
  EXPECT_EQ(c->stats.messages, 4);
  EXPECT_EQ(a->category, "sextortion");
  EXPECT_EQ(b->category, "corporate");
  EXPECT_EQ(a->messages.size(), 10u);
  EXPECT_EQ(a->messages[0].source, "corpus/a.mbox");
  EXPECT_EQ(a->messages[0].demand_currency, "USD");
  EXPECT_DOUBLE_EQ(a->messages[0].demand_amount, 1500);
  EXPECT_EQ(c->messages[2].member, "m2.eml");
  // The id seed carries the founding message's hash, not only the label.
  EXPECT_EQ(a->id_seed, a->stats.label + ":" + a->messages[0].sha256);
}

TEST_F(ReportStoreTest, WalletListSpansCampaigns) {
  ReportModel m = Model();
  ASSERT_EQ(m.wallets.size(), 4u);
  EXPECT_EQ(m.wallets[0].address, testing::kWalletA);  // most messages first
  EXPECT_EQ(m.wallets[0].messages, 10);
  EXPECT_EQ(m.wallets[0].first_seen, "2024-03-01T10:00:00+00:00");
  EXPECT_EQ(m.wallets[0].last_seen, "2024-03-10T10:00:00+00:00");
  const CampaignReport* c = WithWallet(m, testing::kWalletXmr);
  ASSERT_TRUE(c);
  for (const WalletRow& w : m.wallets) {
    if (w.address == testing::kWalletEth) {
      EXPECT_EQ(w.currency, "ETH");
      EXPECT_EQ(w.messages, 2);
      ASSERT_EQ(w.campaigns.size(), 1u);
      EXPECT_EQ(w.campaigns[0], c->stats.label);
    }
  }
}

TEST_F(ReportStoreTest, RebuildingIsStable) {
  ReportModel m1 = Model();
  ReportModel m2 = Model();
  ASSERT_EQ(m1.campaigns.size(), m2.campaigns.size());
  for (size_t i = 0; i < m1.campaigns.size(); ++i) {
    EXPECT_EQ(m1.campaigns[i].stats.label, m2.campaigns[i].stats.label);
    EXPECT_EQ(m1.campaigns[i].id_seed, m2.campaigns[i].id_seed);
  }
}

TEST_F(ReportStoreTest, RejectsUnknownTlp) {
  BuildOptions o;
  o.tlp = "purple";
  EXPECT_FALSE(BuildReportModel(*store_, o));
}

TEST(ReportModelTest, RedactsPostgresPassword) {
  EXPECT_EQ(RedactUrl("postgresql://et:s3cret@db.example/et"), "postgresql://et:***@db.example/et");
  EXPECT_EQ(RedactUrl("postgresql://et@db.example/et"), "postgresql://et@db.example/et");
  EXPECT_EQ(RedactUrl("/tmp/x.db"), "/tmp/x.db");
}

TEST(ReportModelTest, FormatsAmounts) {
  EXPECT_EQ(FormatAmount(2500, "USD"), "$2,500");
  EXPECT_EQ(FormatAmount(1234567, "JPY"), "1,234,567 JPY");
  EXPECT_EQ(FormatAmount(0.05, "BTC"), "0.05 BTC");
  EXPECT_EQ(FormatAmount(999, "EUR"), "\u20ac999");
}

}  // namespace
}  // namespace extortrace::report
