// Campaign clustering over a real store, on SQLite and PostgreSQL: template
// near-duplicates join, a shared wallet joins, different campaigns stay
// apart, and later runs add to the campaigns already there without
// renumbering them.
#include "campaign/cluster.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "../store/store_fixture.h"
#include "campaign/stats.h"
#include "text/minhash.h"

namespace extortrace::campaign {
namespace {

using store::testing::BackendTest;
using store::testing::Record;
using store::testing::Wallet;

// Two templates as bulk senders vary them: the victim's name, the amount
// and the wallet change from copy to copy.
std::string Webcam(const std::string& name, int amount) {
  return "hello " + name +
         ". i have to share bad news with you. a few months ago i gained "
         "access to your devices through a trojan virus and recorded you through your webcam "
         "while you were watching adult videos. transfer " +
         std::to_string(amount) +
         " usd in bitcoin to my wallet within 48 hours or i will send the video to all your "
         "contacts and colleagues. do not reply to this email, it was sent from your own "
         "account. the timer started the moment you opened this letter.";
}

std::string Corporate(const std::string& company, int amount) {
  return "attention " + company +
         " management. we have hacked your company website, the "
         "customer database and every mailbox on your server. all data has been downloaded "
         "to our servers. pay " +
         std::to_string(amount) +
         " dollars in btc within 72 hours "
         "or we will publish everything and inform your customers, partners and the press "
         "about the breach. any attempt to contact the police will double the price.";
}

std::string Signature(const std::string& text) {
  return text::MinHashToHex(text::TemplateSignature(text));
}

class Clustering : public BackendTest {
 protected:
  // Stores one extortion message with the template signature of `text`.
  int64_t Put(const std::string& text, const std::string& wallet, const std::string& date = "") {
    record::ScanRecord r = Record("spam.mbox", next_index_++, record::Verdict::kExtortion, text);
    r.wallets = {Wallet(wallet)};
    r.date = date;
    auto id = s().PutScan(r, Signature(text));
    EXPECT_TRUE(id) << id.error().ToString();
    return id ? *id : -1;
  }
  int64_t CampaignOf(int64_t message) {
    auto c = s().CampaignOfMessage(message);
    EXPECT_TRUE(c && *c) << "message " << message << " has no campaign";
    return c && *c ? **c : -1;
  }
  ClusterResult Run() {
    auto r = AssignCampaigns(s(), {}, 1718000000);
    EXPECT_TRUE(r) << r.error().ToString();
    return r ? *r : ClusterResult{};
  }
  uint32_t next_index_ = 0;
};

TEST(ClusterTemplates, AreSimilarWithinAndDissimilarAcross) {
  text::MinHash a = text::TemplateSignature(Webcam("john", 1200));
  text::MinHash b = text::TemplateSignature(Webcam("maria", 950));
  text::MinHash c = text::TemplateSignature(Corporate("acme", 2500));
  EXPECT_GE(text::EstimatedJaccard(a, b), 0.5);
  EXPECT_LT(text::EstimatedJaccard(a, c), 0.2);
}

TEST_P(Clustering, TemplateNearDuplicatesJoinOneCampaign) {
  int64_t a = Put(Webcam("john", 1200), "bc1q-one");
  int64_t b = Put(Webcam("maria", 950), "bc1q-two");
  int64_t c = Put(Webcam("kenji", 2000), "bc1q-three");
  ClusterResult r = Run();
  EXPECT_EQ(r.assigned, 3u);
  EXPECT_EQ(r.new_campaigns, 1u);
  EXPECT_EQ(CampaignOf(a), CampaignOf(b));
  EXPECT_EQ(CampaignOf(a), CampaignOf(c));
}

TEST_P(Clustering, ASharedWalletJoinsDifferentTexts) {
  int64_t a = Put(Webcam("john", 1200), "bc1q-shared");
  int64_t b = Put(Corporate("acme", 2500), "bc1q-shared");
  ClusterResult r = Run();
  EXPECT_EQ(r.new_campaigns, 1u);
  EXPECT_EQ(CampaignOf(a), CampaignOf(b));
}

TEST_P(Clustering, DifferentCampaignsStayApart) {
  int64_t a = Put(Webcam("john", 1200), "bc1q-one");
  int64_t b = Put(Corporate("acme", 2500), "bc1q-two");
  int64_t c = Put(Corporate("globex", 3000), "bc1q-three");
  ClusterResult r = Run();
  EXPECT_EQ(r.assigned, 3u);
  EXPECT_EQ(r.new_campaigns, 2u);
  EXPECT_NE(CampaignOf(a), CampaignOf(b));
  EXPECT_EQ(CampaignOf(b), CampaignOf(c));
  auto stats = ComputeCampaignStats(s());
  ASSERT_TRUE(stats);
  ASSERT_EQ(stats->size(), 2u);
  EXPECT_EQ((*stats)[0].messages, 1);
  EXPECT_EQ((*stats)[1].messages, 2);
}

TEST_P(Clustering, LaterRunsJoinExistingCampaignsAndKeepTheirIds) {
  int64_t w1 = Put(Webcam("john", 1200), "bc1q-w1");
  int64_t c1 = Put(Corporate("acme", 2500), "bc1q-c1");
  ClusterResult first = Run();
  EXPECT_EQ(first.new_campaigns, 2u);
  int64_t webcam = CampaignOf(w1), corporate = CampaignOf(c1);

  int64_t w2 = Put(Webcam("maria", 800), "bc1q-w2");
  int64_t c2 = Put(Corporate("initech", 4000), "bc1q-c2");
  int64_t x =
      Put("a completely different letter about a parcel waiting at customs, pay the "
          "fee in bitcoin to release it to you before it is sent back to the sender "
          "and destroyed by the warehouse",
          "bc1q-x");
  ClusterResult second = Run();
  EXPECT_EQ(second.assigned, 3u);
  EXPECT_EQ(second.new_campaigns, 1u);
  EXPECT_EQ(second.merges, 0u);
  EXPECT_EQ(CampaignOf(w1), webcam) << "ids given earlier stay";
  EXPECT_EQ(CampaignOf(c1), corporate);
  EXPECT_EQ(CampaignOf(w2), webcam);
  EXPECT_EQ(CampaignOf(c2), corporate);
  EXPECT_NE(CampaignOf(x), webcam);
  EXPECT_NE(CampaignOf(x), corporate);

  ClusterResult third = Run();
  EXPECT_EQ(third.assigned, 0u) << "nothing new, nothing done";
  EXPECT_EQ(third.new_campaigns, 0u);
}

TEST_P(Clustering, AMessageBridgingTwoCampaignsMergesThemIntoTheOlder) {
  int64_t w = Put(Webcam("john", 1200), "bc1q-w");
  int64_t c = Put(Corporate("acme", 2500), "bc1q-c");
  Run();
  int64_t older = CampaignOf(w), younger = CampaignOf(c);
  ASSERT_LT(older, younger);
  int64_t bridge = Put(Corporate("globex", 100), "bc1q-w");  // corporate text, webcam wallet
  ClusterResult r = Run();
  EXPECT_EQ(r.merges, 1u);
  EXPECT_EQ(CampaignOf(bridge), older);
  EXPECT_EQ(CampaignOf(c), older);
  auto live = s().Campaigns();
  ASSERT_TRUE(live);
  ASSERT_EQ(live->size(), 1u);
  EXPECT_EQ((*live)[0].id, older);
  auto all = s().Campaigns(/*include_merged=*/true);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[1].merged_into, older);
}

TEST_P(Clustering, ManyCopiesOfOneTemplateCrossPagesIntoOneCampaign) {
  // More pending messages than one page (256) of the clusterer.
  ASSERT_TRUE(s().Begin());
  for (int i = 0; i < 300; ++i)
    Put(Webcam("victim" + std::to_string(i), 500 + i), "w" + std::to_string(i));
  ASSERT_TRUE(s().Commit());
  ClusterResult r = Run();
  EXPECT_EQ(r.assigned, 300u);
  EXPECT_EQ(r.new_campaigns, 1u);
  auto live = s().Campaigns();
  ASSERT_TRUE(live);
  ASSERT_EQ(live->size(), 1u);
  auto one = ComputeStatsOfCampaign(s(), (*live)[0]);
  ASSERT_TRUE(one);
  EXPECT_EQ(one->messages, 300);
  EXPECT_EQ(one->members.size(), 300u);
  auto overall = ComputeOverallStats(s());
  ASSERT_TRUE(overall);
  EXPECT_EQ(overall->messages, 300);
}

ET_INSTANTIATE_BACKENDS(Clustering);

}  // namespace
}  // namespace extortrace::campaign
