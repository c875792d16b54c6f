#include "record/record.h"

#include <gtest/gtest.h>

namespace extortrace::record {
namespace {

ScanRecord Full() {
  ScanRecord r;
  r.source = "corpus/a.mbox";
  r.member = "inner/1.eml";
  r.index = 7;
  r.message_id = "abc@example.org";
  r.date = "2024-03-14T09:30:00+01:00";
  r.verdict = Verdict::kExtortion;
  r.category = Category::kCorporate;
  r.score = 0.875;
  r.language = "ja";
  r.subject = "Re: \"your\" account\n\u26a0";
  WalletFinding w;
  w.currency = "BTC";
  w.address = "bc1qexample";
  w.kind = "p2wpkh";
  w.recovered_from = Recovery::kSplitAddress;
  r.wallets.push_back(w);
  WalletFinding eth;
  eth.currency = "ETH";
  eth.address = "0xabc";
  eth.kind = "eth";
  eth.testnet = true;
  eth.checksum_verified = false;
  r.wallets.push_back(eth);
  r.demand = Demand{2500, "USD", "2,500米ドル"};
  r.deadline_hours = 48;
  r.deadline_at = "2022-06-17T23:59:59+09:00";
  r.sender = SenderRecord{"203.0.113.9", "NL", true, "spf=softfail dmarc=fail"};
  r.obfuscation = {"zero-width", "split-address"};
  r.reasons = {Reason{"payment_demand", "pay 2,500", 12}, Reason{"violence", "hurt", 40}};
  r.campaign = "c-000042";
  r.anomalies = {"missing-boundary"};
  r.content_hash = std::string(64, 'f');
  r.size = 12345;
  r.error = "";
  return r;
}

// The exact bytes of today's records: the store and every consumer of
// `scan --jsonl` read them, so the writer may not change a byte.
TEST(ToJson, WritesTheRecordByteForByte) {
  EXPECT_EQ(
      ToJson(Full()),
      R"({"source":"corpus/a.mbox","member":"inner/1.eml","index":7,)"
      R"("message_id":"abc@example.org","date":"2024-03-14T09:30:00+01:00",)"
      R"("verdict":"extortion","category":"corporate","score":0.875,"language":"ja",)"
      R"("subject":"Re: \"your\" account\n)"
      "\u26a0"
      R"(","wallets":[{"currency":"BTC","address":"bc1qexample","kind":"p2wpkh",)"
      R"("recovered_from":"split-address"},{"currency":"ETH","address":"0xabc",)"
      R"("kind":"eth","testnet":true,"checksum_verified":false,"recovered_from":null}],)"
      R"("demand":{"amount":2500,"currency":"USD","text":"2,500)"
      "米ドル"
      R"("},"deadline_hours":48,"deadline_at":"2022-06-17T23:59:59+09:00","sender":{"ip":"203.0.113.9","country":"NL",)"
      R"("self_sent":true,"auth":"spf=softfail dmarc=fail"},)"
      R"("obfuscation":["zero-width","split-address"],)"
      R"("reasons":[{"family":"payment_demand","evidence":"pay 2,500","offset":12},)"
      R"({"family":"violence","evidence":"hurt","offset":40}],"campaign":"c-000042",)"
      R"("anomalies":["missing-boundary"],"sha256":"ffffffffffffffffffffffffffffffff)"
      R"(ffffffffffffffffffffffffffffffff","size":12345})");
}

TEST(ToJson, WritesNullsForACleanRecord) {
  ScanRecord r;
  r.source = "-";
  r.content_hash = "00";
  EXPECT_EQ(
      ToJson(r),
      R"({"source":"-","index":0,"message_id":null,"date":null,"verdict":"clean",)"
      R"("category":null,"score":0,"language":"und","subject":"","wallets":[],)"
      R"("demand":null,"deadline_hours":null,"deadline_at":null,"sender":{"ip":null,"country":null,)"
      R"("self_sent":false,"auth":null},"obfuscation":[],"reasons":[],"campaign":null,)"
      R"("anomalies":[],"sha256":"00","size":0})");
}

TEST(FromJson, ReadsBackWhatToJsonWrote) {
  for (ScanRecord r : {Full(), ScanRecord{}}) {
    r.error = r.source.empty() ? "unreadable" : "";
    std::string json = ToJson(r);
    auto back = FromJson(json);
    ASSERT_TRUE(back) << back.error().ToString();
    EXPECT_EQ(ToJson(*back), json);
  }
}

TEST(FromJson, KeepsReasonFamiliesItDoesNotKnow) {
  auto r = FromJson(R"({"reasons":[{"family":"advisory_from_the_future","evidence":"x",)"
                    R"("offset":3}]})");
  ASSERT_TRUE(r);
  ASSERT_EQ(r->reasons.size(), 1u);
  EXPECT_EQ(r->reasons[0].family, "advisory_from_the_future");
  EXPECT_EQ(r->reasons[0].offset, 3u);
}

TEST(FromJson, IsLenientAboutMissingAndMistypedFields) {
  auto r = FromJson(R"({"verdict":"extortion","category":"blackmail","language":null,)"
                    R"("wallets":[7,{"address":"1A","recovered_from":"telepathy"}],)"
                    R"("demand":{"amount":"lots"},"deadline_hours":1.5,"sender":[]})");
  ASSERT_TRUE(r);
  EXPECT_EQ(r->verdict, Verdict::kExtortion);
  EXPECT_EQ(r->category, Category::kOther);  // a category this version does not know
  EXPECT_EQ(r->language, "und");
  ASSERT_EQ(r->wallets.size(), 1u);
  EXPECT_EQ(r->wallets[0].address, "1A");
  EXPECT_TRUE(r->wallets[0].checksum_verified);
  EXPECT_EQ(r->wallets[0].recovered_from, Recovery::kNone);
  ASSERT_TRUE(r->demand);
  EXPECT_EQ(r->demand->amount, 0);
  EXPECT_FALSE(r->deadline_hours);
  EXPECT_FALSE(r->sender.self_sent);
}

TEST(FromJson, FailsOnlyWhenNotAnObject) {
  EXPECT_FALSE(FromJson("not json"));
  EXPECT_FALSE(FromJson("[1,2]"));
  EXPECT_FALSE(FromJson(""));
  EXPECT_TRUE(FromJson("{}"));
}

TEST(Names, RoundTripEveryValue) {
  for (Verdict v : {Verdict::kClean, Verdict::kExtortion}) {
    EXPECT_EQ(VerdictFromString(ToString(v)), v);
  }
  for (Category c : {Category::kNone, Category::kSextortion, Category::kCorporate,
                     Category::kDataLeak, Category::kThreat, Category::kOther}) {
    EXPECT_EQ(CategoryFromString(ToString(c)), c);
  }
  for (Recovery x :
       {Recovery::kNone, Recovery::kZeroWidth, Recovery::kConfusables, Recovery::kNormalized,
        Recovery::kSplitAddress, Recovery::kQrCode, Recovery::kGlued}) {
    EXPECT_EQ(RecoveryFromString(ToString(x)), x);
  }
  EXPECT_EQ(ToString(Category::kThreat), "threat");
  EXPECT_EQ(ToString(Category::kNone), "");
  EXPECT_FALSE(VerdictFromString("Extortion"));
  EXPECT_FALSE(CategoryFromString("blackmail"));
}

}  // namespace
}  // namespace extortrace::record
