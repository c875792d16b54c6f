#include "report/html.h"

#include <gtest/gtest.h>

#include "fixture.h"

namespace extortrace::report {
namespace {

using testing::ReportStoreTest;

size_t Count(const std::string& s, const std::string& needle) {
  size_t n = 0;
  for (size_t p = s.find(needle); p != std::string::npos; p = s.find(needle, p + 1)) ++n;
  return n;
}

TEST_F(ReportStoreTest, HtmlEscapesHostileSubjects) {
  std::string html = RenderHtml(Model());
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("\u202E"), std::string::npos);  // the bidi override is neutralised
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;you&quot;"),
            std::string::npos);
  EXPECT_EQ(html.find("<iframe"), std::string::npos);
}

TEST_F(ReportStoreTest, HtmlHasSectionsChartsAndTables) {
  ReportModel m = Model();
  std::string html = RenderHtml(m);
  for (const char* id :
       {"summary", "charts", "campaigns", "details", "money", "wallets", "method"}) {
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  }
  for (const char* chart :
       {"volume", "weekday", "languages", "countries", "demands", "categories"}) {
    EXPECT_NE(html.find(std::string("data-chart=\"") + chart + "\""), std::string::npos) << chart;
  }
  EXPECT_GE(Count(html, "<svg class=\"chart\""), 7u + 3u);  // overview + one per campaign
  EXPECT_GE(Count(html, "class=\"bar\""), 30u);
  for (const CampaignReport& c : m.campaigns) {
    EXPECT_NE(html.find("id=\"campaign-" + c.stats.label + "\""), std::string::npos);
  }
  for (const WalletRow& w : m.wallets) EXPECT_NE(html.find(w.address), std::string::npos);
  EXPECT_NE(html.find("TLP:AMBER"), std::string::npos);
  EXPECT_NE(html.find("No payment data is attached"), std::string::npos);
  // Self-contained: no scripts, no remote resources.
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
  EXPECT_EQ(html.find("href=\"http"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST_F(ReportStoreTest, HtmlRendersTheMoneySectionWhenGiven) {
  ReportModel m = Model();
  m.money = MoneySection{{{m.campaigns[0].stats.label, 3, 12'000'000, 7800}}};
  std::string html = RenderHtml(m);
  EXPECT_EQ(html.find("No payment data is attached"), std::string::npos);
  EXPECT_NE(html.find("0.12000000"), std::string::npos);
}

TEST(ReportHtmlTest, EmptyStoreRenders) {
  ReportModel m;
  std::string html = RenderHtml(m);
  EXPECT_NE(html.find("No campaigns"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

}  // namespace
}  // namespace extortrace::report
