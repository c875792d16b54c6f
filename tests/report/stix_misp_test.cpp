#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "fixture.h"
#include "report/ids.h"
#include "report/misp.h"
#include "report/stix.h"

namespace extortrace::report {
namespace {

using testing::ReportStoreTest;

std::vector<nlohmann::json> OfType(const nlohmann::json& bundle, const std::string& type) {
  std::vector<nlohmann::json> out;
  for (const auto& o : bundle["objects"]) {
    if (o["type"] == type) out.push_back(o);
  }
  return out;
}

TEST_F(ReportStoreTest, StixBundleHasCampaignsIndicatorsAndRelationships) {
  ReportModel m = Model();
  auto b = nlohmann::json::parse(RenderStix(m));
  EXPECT_EQ(b["type"], "bundle");
  EXPECT_EQ(OfType(b, "identity").size(), 1u);
  EXPECT_EQ(OfType(b, "campaign").size(), 3u);
  auto indicators = OfType(b, "indicator");
  ASSERT_EQ(indicators.size(), 4u);
  auto rels = OfType(b, "relationship");
  EXPECT_EQ(rels.size(), 4u);  // each wallet indicates its one campaign
  std::set<std::string> ids;
  for (const auto& o : b["objects"]) {
    EXPECT_TRUE(ids.insert(o["id"].get<std::string>()).second) << "duplicate id " << o["id"];
  }
  for (const auto& r : rels) {
    EXPECT_EQ(r["relationship_type"], "indicates");
    EXPECT_TRUE(ids.count(r["source_ref"].get<std::string>()));
    EXPECT_TRUE(ids.count(r["target_ref"].get<std::string>()));
  }
  const auto& ind = indicators[0];
  EXPECT_EQ(ind["pattern"],
            std::string("[cryptocurrency-wallet:value = '") + testing::kWalletA + "']");
  EXPECT_EQ(ind["pattern_type"], "stix");
  EXPECT_EQ(ind["spec_version"], "2.1");
  EXPECT_EQ(ind["valid_from"], "2024-03-01T10:00:00.000Z");
  EXPECT_EQ(ind["modified"], StixTimestamp(testing::kNow));
  EXPECT_EQ(ind["id"], StixIndicatorId(testing::kWalletA));
  auto campaigns = OfType(b, "campaign");
  EXPECT_EQ(campaigns[1]["first_seen"], "2024-04-06T00:00:00.000Z");  // 09:00+09:00
  EXPECT_NE(campaigns[1]["description"].get<std::string>().find("corporate"), std::string::npos);
  EXPECT_EQ(OfType(b, "report").size(), 1u);
  auto marking = OfType(b, "marking-definition");
  ASSERT_EQ(marking.size(), 1u);
  EXPECT_EQ(marking[0]["name"], "TLP:AMBER");
}

TEST_F(ReportStoreTest, StixIdsAreDeterministic) {
  ReportModel m1 = Model();
  std::string first = RenderStix(m1);
  ReportModel m2 = Model();
  EXPECT_EQ(RenderStix(m2), first);  // same store, same time: byte-identical
  m2.generated_unix += 86400;
  auto b1 = nlohmann::json::parse(first), b2 = nlohmann::json::parse(RenderStix(m2));
  ASSERT_EQ(b1["objects"].size(), b2["objects"].size());
  for (size_t i = 0; i < b1["objects"].size(); ++i) {
    if (b1["objects"][i]["type"] == "report") continue;
    EXPECT_EQ(b1["objects"][i]["id"], b2["objects"][i]["id"]);
  }
  EXPECT_EQ(
      StixIndicatorId("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"),
      "indicator--" + UuidV5(kExtortraceNamespace, "indicator:1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2"));
}

TEST_F(ReportStoreTest, StixEscapesQuotesInPatterns) {
  ReportModel m;
  m.wallets.push_back({"BTC", "1abc'] OR [x:y = '", "p2pkh", {}, 1, "", ""});
  auto b = nlohmann::json::parse(RenderStix(m));
  auto ind = OfType(b, "indicator");
  ASSERT_EQ(ind.size(), 1u);
  EXPECT_EQ(ind[0]["pattern"], "[cryptocurrency-wallet:value = '1abc\\'] OR [x:y = \\'']");
}

TEST_F(ReportStoreTest, MispEventHasWalletAttributes) {
  ReportModel m = Model();
  auto j = nlohmann::json::parse(RenderMisp(m));
  const auto& e = j["Event"];
  EXPECT_EQ(e["date"], "2024-06-10");
  EXPECT_EQ(e["threat_level_id"], "3");
  EXPECT_EQ(e["analysis"], "2");
  EXPECT_EQ(e["distribution"], "0");
  EXPECT_EQ(e["published"], false);
  std::map<std::string, nlohmann::json> by_value;
  int campaign_names = 0;
  for (const auto& a : e["Attribute"]) {
    if (a["type"] == "campaign-name") {
      ++campaign_names;
      EXPECT_EQ(a["category"], "Attribution");
      continue;
    }
    EXPECT_EQ(a["category"], "Financial fraud");
    EXPECT_EQ(a["to_ids"], true);
    by_value[a["value"]] = a;
  }
  EXPECT_EQ(campaign_names, 3);
  ASSERT_EQ(by_value.size(), 4u);
  EXPECT_EQ(by_value[testing::kWalletA]["type"], "btc");
  EXPECT_EQ(by_value[testing::kWalletB]["type"], "btc");
  EXPECT_EQ(by_value[testing::kWalletXmr]["type"], "xmr");
  EXPECT_EQ(by_value[testing::kWalletEth]["type"], "text");
  const auto& a = by_value[testing::kWalletA];
  EXPECT_NE(a["comment"].get<std::string>().find(m.campaigns[0].stats.label), std::string::npos);
  EXPECT_EQ(a["Tag"][0]["name"], "extortrace:campaign=\"" + m.campaigns[0].stats.label + "\"");
  bool tlp = false;
  for (const auto& t : e["Tag"]) tlp = tlp || t["name"] == "tlp:amber";
  EXPECT_TRUE(tlp);
  ASSERT_EQ(e["Object"].size(), 4u);
  EXPECT_EQ(e["Object"][0]["name"], "coin-address");
  // Deterministic UUIDs.
  auto again = nlohmann::json::parse(RenderMisp(Model()));
  EXPECT_EQ(again["Event"]["uuid"], e["uuid"]);
  EXPECT_EQ(again["Event"]["Attribute"][3]["uuid"], e["Attribute"][3]["uuid"]);
}

}  // namespace
}  // namespace extortrace::report
