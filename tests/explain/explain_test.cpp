#include "explain/explain.h"

#include <gtest/gtest.h>

namespace extortrace::explain {
namespace {

bool Has(const std::vector<std::string>& v, std::string_view needle) {
  for (const std::string& s : v) {
    if (s.find(needle) != std::string::npos) return true;
  }
  return false;
}

record::ScanRecord Corporate() {
  record::ScanRecord r;
  r.verdict = record::Verdict::kExtortion;
  r.category = record::Category::kCorporate;
  r.score = 0.97;
  r.language = "ja";
  record::WalletFinding w;
  w.currency = "BTC";
  w.address = "bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h";
  w.kind = "p2wpkh";
  r.wallets.push_back(w);
  r.demand = record::Demand{2500, "USD", "2,500米ドル"};
  r.deadline_hours = 72;
  r.sender.self_sent = true;
  r.sender.auth = "spf=softfail dmarc=fail";
  r.obfuscation = {"zero-width"};
  r.reasons.push_back(record::Reason{"corporate_target", "貴社のデータベースとメールボックス", 10});
  r.reasons.push_back(record::Reason{"exposure_threat", "すべての情報を公開します", 80});
  r.reasons.push_back(record::Reason{"payment_demand", "2,500米ドルを支払ってください", 120});
  return r;
}

TEST(Explain, JapaneseCorporateScam) {
  record::ScanRecord r = Corporate();
  Context ctx;
  ctx.wallet_messages = {{"bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", 41}};
  ctx.campaign_messages = 42;
  Explanation e = Explain(r, {"", "info@example.co.jp"}, ctx, DefaultLang(r));
  EXPECT_EQ(e.lang, Lang::kJa);
  EXPECT_TRUE(e.scam);
  EXPECT_NE(e.headline.find("詐欺"), std::string::npos);
  EXPECT_NE(e.summary.find("データベース"), std::string::npos);
  EXPECT_TRUE(Has(e.evidence, "「貴社のデータベースとメールボックス」"));
  EXPECT_TRUE(Has(e.evidence, "他の41通"));
  EXPECT_TRUE(Has(e.evidence, "2,500 USD"));
  EXPECT_TRUE(Has(e.evidence, "72時間"));
  EXPECT_TRUE(Has(e.evidence, "info@example.co.jp"));
  EXPECT_TRUE(Has(e.evidence, "spf=softfail dmarc=fail"));
  EXPECT_TRUE(Has(e.evidence, "見えない文字"));
  EXPECT_TRUE(Has(e.evidence, "何ひとつ引用されていません"));
  EXPECT_TRUE(Has(e.advice, "払わないで"));
  EXPECT_TRUE(Has(e.report_to, "IPA"));
  EXPECT_TRUE(Has(e.report_to, "JPCERT"));
  std::string text = RenderText(e);
  EXPECT_NE(text.find("そう判断した理由"), std::string::npos);
  EXPECT_NE(text.find("・"), std::string::npos);
}

TEST(Explain, EnglishSextortionWithAPassword) {
  record::ScanRecord r;
  r.verdict = record::Verdict::kExtortion;
  r.category = record::Category::kSextortion;
  r.language = "en";
  std::string visible =
      "Hello. I know that hunter2 is your password. I recorded you through your webcam. "
      "Pay 1200 USD in bitcoin.";
  r.reasons.push_back({"proof", "hunter2 is your password", 17});
  r.reasons.push_back({"recording", "recorded you through your webcam", 45});
  Explanation e = Explain(r, {visible, ""}, {}, Lang::kEn);
  EXPECT_EQ(e.quoted_password, "hunter2");
  EXPECT_TRUE(Has(e.evidence, "\u201chunter2\u201d"));
  EXPECT_TRUE(Has(e.evidence, "old data breach"));
  EXPECT_TRUE(Has(e.advice, "Change that password everywhere"));
  EXPECT_TRUE(Has(e.report_to, "ic3.gov"));
  EXPECT_FALSE(Has(e.evidence, "quotes none of your real data"));
  std::string json = RenderJson(e);
  EXPECT_NE(json.find("\"quoted_password\":\"hunter2\""), std::string::npos);
}

TEST(Explain, ThreatOfViolenceIsKeptForThePolice) {
  record::ScanRecord r;
  r.verdict = record::Verdict::kExtortion;
  r.category = record::Category::kThreat;
  r.deadline_at = "2022-06-17T23:59:59+09:00";
  std::string visible = "A device was planted in your office. Send 1 BTC by Friday.";
  r.reasons.push_back({"violence", "A device was planted in your office", 0});
  for (Lang lang : {Lang::kEn, Lang::kJa}) {
    Explanation e = Explain(r, {visible, ""}, {}, lang);
    EXPECT_TRUE(Has(e.evidence, "2022-06-17")) << static_cast<int>(lang);
    EXPECT_TRUE(Has(e.advice, lang == Lang::kEn ? "report it to the police" : "警察に相談"));
    EXPECT_FALSE(Has(e.advice, lang == Lang::kEn ? "Delete the message" : "削除してかまいません"));
    EXPECT_FALSE(Has(e.advice, lang == Lang::kEn ? "antivirus" : "ウイルス対策"));
    EXPECT_TRUE(Has(e.evidence, lang == Lang::kEn ? "threatens violence" : "暴力"));
  }
}

TEST(Explain, CleanMessageIsNotCalledAScam) {
  record::ScanRecord r;
  Explanation e = Explain(r, {"Your password is: abc12345", ""}, {}, Lang::kEn);
  EXPECT_FALSE(e.scam);
  EXPECT_TRUE(e.evidence.empty());
  EXPECT_TRUE(e.quoted_password.empty());
  EXPECT_NE(e.headline.find("no sign"), std::string::npos);
}

TEST(FindQuotedPassword, Forms) {
  EXPECT_EQ(FindQuotedPassword("Your password is: qwerty123. I know it.", 0), "qwerty123");
  EXPECT_EQ(FindQuotedPassword("your password was \"Summer2019!\" and", 0), "Summer2019!");
  EXPECT_EQ(FindQuotedPassword("あなたのパスワードは「abc123」です。", 0), "abc123");
  EXPECT_EQ(FindQuotedPassword("I know pa55word is one of your passwords", 0), "pa55word");
  EXPECT_EQ(FindQuotedPassword("your password is one of many", 0), "");
  EXPECT_EQ(FindQuotedPassword("I know \"hunter2\" is your password.", 0), "hunter2");
  EXPECT_EQ(FindQuotedPassword("nothing here", 0), "");
  EXPECT_EQ(FindQuotedPassword("short", 999), "");
}

TEST(Lang, Parse) {
  EXPECT_EQ(ParseLang("ja"), Lang::kJa);
  EXPECT_EQ(ParseLang("en"), Lang::kEn);
  EXPECT_FALSE(ParseLang("fr").has_value());
  record::ScanRecord r;
  r.language = "de";
  EXPECT_EQ(DefaultLang(r), Lang::kEn);
}

}  // namespace
}  // namespace extortrace::explain
