#include "milter/policy.h"

#include <gtest/gtest.h>

namespace extortrace::milter {
namespace {

Summary Extortion() {
  Summary s;
  s.verdict = "extortion";
  s.category = "sextortion";
  s.score = 0.976;
  s.campaign = "c-000042";
  s.wallets = {"BTC:bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h"};
  return s;
}

TEST(Policy, HeaderValue) {
  EXPECT_EQ(FormatHeaderValue(Extortion()),
            "extortion; score=0.98; category=sextortion; campaign=c-000042");
  Summary clean;
  EXPECT_EQ(FormatHeaderValue(clean), "clean; score=0.00");
  Summary err;
  err.outcome = Summary::Outcome::kError;
  err.error = "bad\r\nInjected: x";
  EXPECT_EQ(FormatHeaderValue(err), "error; reason=bad__Injected: x");
  Summary big;
  big.outcome = Summary::Outcome::kOversized;
  EXPECT_EQ(FormatHeaderValue(big), "skipped; reason=oversized");
  // A scanned message that reached a parser limit says so.
  Summary limited;
  limited.score = 0.1;
  limited.limits = {"too-many-parts", "text-padding"};
  EXPECT_EQ(FormatHeaderValue(limited), "clean; score=0.10; limits=too-many-parts,text-padding");
}

TEST(Policy, DefaultsTagExtortionAndPassClean) {
  Policy p;
  Decision d = Decide(p, Extortion(), "Your account is hacked");
  EXPECT_EQ(d.action, Action::kTag);
  ASSERT_EQ(d.add_headers.size(), 3u);
  EXPECT_EQ(d.add_headers[0].name, "X-Extortrace");
  EXPECT_EQ(d.add_headers[1].name, "X-Extortrace-Wallets");
  EXPECT_EQ(d.add_headers[1].value, "BTC:bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h");
  EXPECT_EQ(d.add_headers[2].name, "X-Spam-Flag");
  ASSERT_TRUE(d.new_subject.has_value());
  EXPECT_EQ(*d.new_subject, "[SCAM] Your account is hacked");

  Decision c = Decide(p, Summary{}, "hello");
  EXPECT_EQ(c.action, Action::kPass);
  ASSERT_EQ(c.add_headers.size(), 1u);
  EXPECT_EQ(c.add_headers[0].value, "clean; score=0.00");
  EXPECT_FALSE(c.new_subject.has_value());
}

TEST(Policy, RejectSaysWhyAndAddsNoHeaders) {
  Policy p;
  p.on_extortion = Action::kReject;
  Decision d = Decide(p, Extortion(), "");
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.smtp_code, "550");
  EXPECT_EQ(d.xcode, "5.7.1");
  EXPECT_NE(d.text.find("crypto-extortion scam"), std::string::npos);
  EXPECT_NE(d.text.find("c-000042"), std::string::npos);
  EXPECT_TRUE(d.add_headers.empty());
}

TEST(Policy, AnUnscannedMessageIsNeverPassedAsCleanByDefault) {
  Summary err;
  err.outcome = Summary::Outcome::kTimeout;
  Policy p;
  Decision tf = Decide(p, err, "");
  EXPECT_EQ(tf.action, Action::kTempfail);
  EXPECT_EQ(tf.smtp_code, "451");
  EXPECT_TRUE(tf.add_headers.empty());
  Summary big;
  big.outcome = Summary::Outcome::kOversized;
  Decision tagged = Decide(p, big, "Holiday photos");
  EXPECT_EQ(tagged.action, Action::kTag);
  ASSERT_TRUE(tagged.new_subject.has_value());
  EXPECT_EQ(*tagged.new_subject, "[UNSCANNED] Holiday photos");
  // Failing open is a choice.
  p.on_error = Action::kPass;
  Decision open = Decide(p, err, "");
  EXPECT_EQ(open.action, Action::kPass);
  ASSERT_EQ(open.add_headers.size(), 1u);
  EXPECT_EQ(open.add_headers[0].value, "error; reason=timeout");
}

TEST(Policy, QuarantineAndDiscard) {
  Policy p;
  p.on_extortion = Action::kQuarantine;
  Decision q = Decide(p, Extortion(), "");
  EXPECT_EQ(q.action, Action::kQuarantine);
  EXPECT_NE(q.quarantine_reason.find("extortion"), std::string::npos);
  EXPECT_FALSE(q.add_headers.empty());
  p.on_extortion = Action::kDiscard;
  EXPECT_EQ(Decide(p, Extortion(), "").action, Action::kDiscard);
}

TEST(Policy, ActionNames) {
  for (Action a : {Action::kPass, Action::kTag, Action::kQuarantine, Action::kReject,
                   Action::kDiscard, Action::kTempfail}) {
    EXPECT_EQ(ParseAction(ActionName(a)), a);
  }
  EXPECT_EQ(ParseAction("accept"), Action::kPass);
  EXPECT_FALSE(ParseAction("bounce").has_value());
}

TEST(Policy, WalletHeaderIsBounded) {
  Summary s = Extortion();
  s.wallets.assign(50, "BTC:" + std::string(200, 'a'));
  Decision d = Decide(Policy{}, s, "");
  EXPECT_LT(d.add_headers[1].value.size(), 998u);
}

TEST(Rebuild, JoinsHeadersAndBody) {
  EXPECT_EQ(RebuildMessage({{"From", "a@b"}, {"Subject", "x"}}, "body\r\n"),
            "From: a@b\r\nSubject: x\r\n\r\nbody\r\n");
}

}  // namespace
}  // namespace extortrace::milter
