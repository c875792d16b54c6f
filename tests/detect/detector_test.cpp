// Detector tests on hand-folded text (what text::Normalize produces:
// lowercase, no diacritics). The multilingual synthetic corpus is checked
// end to end by tests/e2e/detect_eval_test.sh.
#include "detect/detector.h"

#include <gtest/gtest.h>

namespace extortrace::detect {
namespace {

record::WalletFinding Wallet(const std::string& addr, uint32_t offset) {
  record::WalletFinding w;
  w.currency = "BTC";
  w.address = addr;
  w.kind = "p2pkh";
  w.offset = offset;
  return w;
}

Verdict DetectText(const std::string& folded, bool with_wallet = true) {
  static std::vector<record::WalletFinding> wallets;
  wallets.clear();
  if (with_wallet) {
    size_t pos = folded.find("1a1zp1");
    wallets.push_back(Wallet("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
                             pos == std::string::npos ? 0 : static_cast<uint32_t>(pos)));
  }
  Input in;
  in.text = folded;
  in.folded = folded;
  in.wallets = &wallets;
  return Detect(in);
}

const char kSextortion[] =
    "i have infected your computer with a trojan when you visited an adult website. "
    "i recorded you while you were masturbating. if you do not pay, i will send the video to "
    "all your contacts and colleagues. transfer $1,250 in bitcoin to my wallet: "
    "1a1zp1ep5qgefi2dmptftl5slmv7divfna. you have 48 hours. do not reply to this email.";

TEST(Detector, EnglishSextortion) {
  Verdict v = DetectText(kSextortion);
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(v.category, record::Category::kSextortion);
  ASSERT_TRUE(v.demand);
  EXPECT_EQ(v.demand->amount, 1250);
  EXPECT_EQ(v.demand->currency, "USD");
  ASSERT_TRUE(v.deadline_hours);
  EXPECT_EQ(*v.deadline_hours, 48);
  bool has_recording = false;
  for (const record::Reason& r : v.reasons) {
    if (r.family == "recording") {
      has_recording = true;
      EXPECT_EQ(std::string(kSextortion).substr(r.offset, r.evidence.size()), r.evidence);
    }
  }
  EXPECT_TRUE(has_recording);
}

TEST(Detector, WalletAloneIsClean) {
  Verdict v =
      DetectText("your deposit of 0.5 btc to 1a1zp1ep5qgefi2dmptftl5slmv7divfna is confirmed.");
  EXPECT_FALSE(v.extortion);
  EXPECT_EQ(v.category, record::Category::kNone);
  EXPECT_FALSE(v.demand);
}

TEST(Detector, ClaimsWithoutPaymentAreClean) {
  Verdict v = DetectText(
      "i recorded you through your webcam and i will send the video to all your contacts.", false);
  EXPECT_FALSE(v.extortion);
}

TEST(Detector, ExchangeReceiptMentioningPasswordIsClean) {
  Verdict v = DetectText(
      "your withdrawal of 0.02 btc to 1a1zp1ep5qgefi2dmptftl5slmv7divfna was sent. transaction "
      "id 4a5e1e. if this was not you, your password is compromised: reset it within 24 hours. "
      "we will never ask for your password.");
  EXPECT_FALSE(v.extortion);
}

TEST(Detector, CorporateJapanese) {
  const std::string t =
      "私たちは御社のウェブサイトのデータベースとメールボックスを乗っ取りました。その証拠として、"
      "このメールは御社のサーバーから送信されています。支払いがない場合、データベースは顧客、"
      "取引先、パートナーに漏洩し、検索エンジンからインデックス削除します。料金は2,500米ドル"
      "相当のビットコインです。1a1zp1ep5qgefi2dmptftl5slmv7divfna 猶予は72時間です。";
  Verdict v = DetectText(t);
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(v.category, record::Category::kCorporate);
  ASSERT_TRUE(v.demand);
  EXPECT_EQ(v.demand->amount, 2500);
  EXPECT_EQ(v.demand->currency, "USD");
  ASSERT_TRUE(v.deadline_hours);
  EXPECT_EQ(*v.deadline_hours, 72);
}

TEST(Detector, TestnetWalletDoesNotCount) {
  std::vector<record::WalletFinding> wallets = {Wallet("tb1qexample", 0)};
  wallets[0].testnet = true;
  Input in;
  std::string t = "i recorded you. i will send the video to all your contacts. you have 48 hours.";
  in.text = in.folded = t;
  in.wallets = &wallets;
  EXPECT_FALSE(Detect(in).extortion);
}

TEST(Detector, FeaturesMatchNames) {
  Verdict v = DetectText(kSextortion);
  EXPECT_EQ(v.features.size(), FeatureNames().size());
}

TEST(Detector, RandomLookingSender) {
  EXPECT_TRUE(RandomLookingLocalPart("FMx91ZPe"));
  EXPECT_TRUE(RandomLookingLocalPart("xkqzrtwplm"));
  EXPECT_FALSE(RandomLookingLocalPart("john.smith"));
  EXPECT_FALSE(RandomLookingLocalPart("maintainers"));
  EXPECT_FALSE(RandomLookingLocalPart("bob"));
}

TEST(Detector, EmptyInput) {
  Input in;
  Verdict v = Detect(in);
  EXPECT_FALSE(v.extortion);
  EXPECT_TRUE(v.reasons.empty());
}

}  // namespace
}  // namespace extortrace::detect
