#include "milter/judge.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace extortrace::milter {
namespace {

CollectedMessage Message(std::string body) {
  CollectedMessage m;
  m.headers = {{"From", "a@example.org"}, {"subject", "Your account"}};
  m.body = std::move(body);
  return m;
}

Summary Extortion() {
  Summary s;
  s.verdict = "extortion";
  s.category = "sextortion";
  s.score = 0.97;
  s.wallets = {"BTC:bc1qexample"};
  return s;
}

const std::string& HeaderValue(const Decision& d, std::string_view name) {
  for (const HeaderField& h : d.add_headers) {
    if (h.name == name) return h.value;
  }
  static const std::string kNone = "(none)";
  return kNone;
}

TEST(Judge, ScansTheRebuiltMessageAndDecides) {
  std::string seen;
  Decision d = JudgeMessage(Policy{}, Message("Pay.\r\n"), [&](std::string m) -> Result<Summary> {
    seen = std::move(m);
    return Extortion();
  });
  EXPECT_EQ(seen, "From: a@example.org\r\nsubject: Your account\r\n\r\nPay.\r\n");
  EXPECT_EQ(d.action, Action::kTag);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "extortion; score=0.97; category=sextortion");
  EXPECT_EQ(HeaderValue(d, "X-Extortrace-Wallets"), "BTC:bc1qexample");
  ASSERT_TRUE(d.new_subject.has_value());
  EXPECT_EQ(*d.new_subject, "[SCAM] Your account");  // Subject found case-insensitively
}

TEST(Judge, TimeoutIsToldByItsCodeNotItsText) {
  Policy fail_open;
  fail_open.on_error = Action::kPass;
  auto timeout = [](std::string) -> Result<Summary> {
    return Fail(Error::Timeout("scan exceeded its time limit"));
  };
  Decision d = JudgeMessage(fail_open, Message("x"), timeout);
  EXPECT_EQ(d.action, Action::kPass);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "error; reason=timeout");

  // A context that starts with "timeout" is not a timeout unless its code says so.
  auto internal = [](std::string) -> Result<Summary> {
    return Fail(Error::Internal("timeout: the text lies"));
  };
  d = JudgeMessage(fail_open, Message("x"), internal);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "error; reason=scan-failed");

  auto busy = [](std::string) -> Result<Summary> {
    return Fail(Error::Unavailable("too many scans past their time limit"));
  };
  d = JudgeMessage(fail_open, Message("x"), busy);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "error; reason=scan-failed");

  Policy tempfail;  // the default
  d = JudgeMessage(tempfail, Message("x"), timeout);
  EXPECT_EQ(d.action, Action::kTempfail);
  EXPECT_EQ(d.smtp_code, "451");
  EXPECT_TRUE(d.add_headers.empty());
}

TEST(Judge, AThrowingScanIsNotPassedAsClean) {
  auto boom = [](std::string) -> Result<Summary> { throw std::runtime_error("boom"); };
  Decision d = JudgeMessage(Policy{}, Message("x"), boom);
  EXPECT_EQ(d.action, Action::kTempfail);
  Policy fail_open;
  fail_open.on_error = Action::kPass;
  d = JudgeMessage(fail_open, Message("x"), boom);
  EXPECT_EQ(d.action, Action::kPass);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "error; reason=internal");
  Policy tag;
  tag.on_error = Action::kTag;
  d = JudgeMessage(tag, Message("x"), boom);
  EXPECT_EQ(d.action, Action::kTag);
  EXPECT_EQ(HeaderValue(d, "X-Spam-Flag"), "YES");
  ASSERT_TRUE(d.new_subject.has_value());
  EXPECT_EQ(*d.new_subject, "[UNSCANNED] Your account");
}

TEST(Judge, OversizedMessagesAreTaggedByDefault) {
  CollectedMessage m = Message("");
  m.oversized = true;
  Decision d = JudgeMessage(Policy{}, m, [](std::string) -> Result<Summary> { return Summary{}; });
  EXPECT_EQ(d.action, Action::kTag);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "skipped; reason=oversized");
  EXPECT_EQ(HeaderValue(d, "X-Spam-Flag"), "YES");
}

TEST(Judge, OversizedMessagesAreNotScanned) {
  CollectedMessage m = Message("");
  m.oversized = true;
  bool called = false;
  Policy p;
  p.on_oversized = Action::kReject;
  Decision d = JudgeMessage(p, m, [&](std::string) -> Result<Summary> {
    called = true;
    return Extortion();
  });
  EXPECT_FALSE(called);
  EXPECT_EQ(d.action, Action::kReject);
  EXPECT_EQ(d.smtp_code, "550");
}

TEST(Judge, FailureWithoutAMessage) {
  Decision d = JudgeFailure(Policy{}, "out-of-memory");
  EXPECT_EQ(d.action, Action::kTempfail);
  Policy fail_open;
  fail_open.on_error = Action::kPass;
  d = JudgeFailure(fail_open, "out-of-memory");
  EXPECT_EQ(d.action, Action::kPass);
  EXPECT_EQ(HeaderValue(d, "X-Extortrace"), "error; reason=out-of-memory");
}

}  // namespace
}  // namespace extortrace::milter
