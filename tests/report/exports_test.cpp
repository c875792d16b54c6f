#include "report/exports.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "fixture.h"
#include "report/escape.h"

namespace extortrace::report {
namespace {

using testing::ReportStoreTest;

std::vector<std::string> Lines(const std::string& s, const std::string& sep) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < s.size()) {
    size_t end = s.find(sep, pos);
    if (end == std::string::npos) end = s.size();
    out.push_back(s.substr(pos, end - pos));
    pos = end + sep.size();
  }
  return out;
}

TEST_F(ReportStoreTest, JsonHasEveryCampaignWithMembersBySource) {
  ReportModel m = Model();
  auto j = nlohmann::json::parse(RenderJson(m));
  EXPECT_EQ(j["summary"]["extortion_messages"], 20);
  EXPECT_EQ(j["summary"]["campaigns"], 3);
  EXPECT_EQ(j["summary"]["wallets"], 4);
  EXPECT_EQ(j["report"]["scanned_messages"], 22);
  ASSERT_EQ(j["campaigns"].size(), 3u);
  int64_t total = 0;
  for (const auto& c : j["campaigns"]) {
    EXPECT_TRUE(c["id"].get<std::string>().rfind("c-", 0) == 0) << c["id"];
    EXPECT_TRUE(c["stix_id"].get<std::string>().rfind("campaign--", 0) == 0);
    EXPECT_FALSE(c["wallets"].empty());
    EXPECT_TRUE(c["statistics"].contains("per_weekday"));
    int64_t members = 0;
    for (const auto& src : c["sources"]) members += static_cast<int64_t>(src["messages"].size());
    EXPECT_EQ(members, c["messages"].get<int64_t>());
    total += members;
  }
  EXPECT_EQ(total, 20);
  // Campaign A lives in one mbox: one source with ten messages.
  const auto& a = j["campaigns"][0];
  ASSERT_EQ(a["sources"].size(), 1u);
  EXPECT_EQ(a["sources"][0]["source"], "corpus/a.mbox");
  EXPECT_EQ(a["sources"][0]["messages"].size(), 10u);
  EXPECT_EQ(a["sources"][0]["messages"][3]["subject"], testing::kHostileSubject);
  EXPECT_EQ(a["statistics"]["per_weekday"]["Sat"], 2);
  EXPECT_EQ(a["statistics"]["demands"][0]["currency"], "USD");
  EXPECT_TRUE(j["money"].is_null());
}

TEST_F(ReportStoreTest, CampaignCsvHasOneRowPerCampaign) {
  ReportModel m = Model();
  std::string csv = RenderCampaignCsv(m);
  auto lines = Lines(csv, "\r\n");
  ASSERT_EQ(lines.size(), 4u) << csv;
  EXPECT_EQ(lines[0].substr(0, 28), "campaign,messages,first_seen");
  EXPECT_NE(lines[1].find(",10,2024-03-01T10:00:00+00:00,2024-03-10T10:00:00+00:00,en fr,"),
            std::string::npos)
      << lines[1];
  EXPECT_NE(lines[1].find(testing::kWalletA), std::string::npos);
  EXPECT_NE(lines[2].find(",corporate,"), std::string::npos) << lines[2];
  EXPECT_NE(lines[3].find(std::string(testing::kWalletXmr) + " " + testing::kWalletEth),
            std::string::npos)
      << lines[3];
}

TEST_F(ReportStoreTest, WalletCsv) {
  ReportModel m = Model();
  auto lines = Lines(RenderWalletCsv(m), "\r\n");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[0], "address,currency,kind,campaigns,messages,first_seen,last_seen");
  EXPECT_EQ(lines[1].substr(0, std::string(testing::kWalletA).size()), testing::kWalletA);
  EXPECT_NE(lines[1].find(",BTC,p2wpkh,"), std::string::npos);
}

TEST_F(ReportStoreTest, TerminalTableAlignsWideSubjects) {
  ReportModel m = Model();
  std::string t = RenderCampaignTable(m, 100);
  auto lines = Lines(t, "\n");
  ASSERT_GE(lines.size(), 5u) << t;
  EXPECT_EQ(lines[0].rfind("CAMPAIGN", 0), 0u);
  for (size_t i = 0; i < 4; ++i) EXPECT_LE(DisplayWidth(lines[i]), 100u) << lines[i];
  // Columns line up: "TOP SUBJECT" starts at the same display column as
  // each row's subject.
  size_t col = DisplayWidth(lines[0].substr(0, lines[0].find("TOP SUBJECT")));
  size_t ja = lines[2].find("\u3042");
  ASSERT_NE(ja, std::string::npos) << lines[2];
  EXPECT_EQ(DisplayWidth(lines[2].substr(0, ja)), col);
  EXPECT_NE(t.find("3 campaigns, 20 extortion messages, 4 wallets"), std::string::npos);
  EXPECT_EQ(t.find('\x1b'), std::string::npos);
}

TEST(ReportEmptyTest, EmptyModelRenders) {
  ReportModel m;
  auto j = nlohmann::json::parse(RenderJson(m));
  EXPECT_TRUE(j["campaigns"].empty());
  EXPECT_EQ(Lines(RenderCampaignCsv(m), "\r\n").size(), 1u);
  EXPECT_NE(RenderCampaignTable(m).find("0 campaigns"), std::string::npos);
}

}  // namespace
}  // namespace extortrace::report
