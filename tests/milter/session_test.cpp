#include "milter/session.h"

#include <gtest/gtest.h>

namespace extortrace::milter {
namespace {

std::string Z(std::string_view s) { return std::string(s) + '\0'; }

std::string OptNegPacket() {
  return EncodePacket('O', std::string("\0\0\0\6\0\0\1\xff\0\x1f\xff\xff", 12));
}

// Drives a session like Postfix does and returns the replies, decoded.
std::vector<Packet> Replies(const std::string& out) {
  PacketReader r;
  r.Feed(out);
  std::vector<Packet> v;
  while (true) {
    auto p = r.Next();
    if (!p || !p->has_value()) break;
    v.push_back(**p);
  }
  return v;
}

std::string OneMessage(std::string_view body) {
  std::string s = OptNegPacket();
  s += EncodePacket('D', "C" + Z("j") + Z("mx.example"));
  s += EncodePacket('C', Z("client.example") + std::string("4\x00\x19", 3) + Z("192.0.2.1"));
  s += EncodePacket('H', Z("client.example"));
  s += EncodePacket('D', "M" + Z("{i}") + Z("4XyZ"));
  s += EncodePacket('M', Z("<a@example.org>"));
  s += EncodePacket('R', Z("<b@example.com>"));
  s += EncodePacket('T', "");
  s += EncodePacket('L', Z("From") + Z("a@example.org"));
  s += EncodePacket('L', Z("Subject") + Z("Hello"));
  s += EncodePacket('N', "");
  s += EncodePacket('B', body);
  s += EncodePacket('E', "");
  return s;
}

TEST(Session, CollectsAMessageAndAppliesTheDecision) {
  CollectedMessage seen;
  Session s({}, [&](const CollectedMessage& m) {
    seen = m;
    Summary sum;
    sum.verdict = "extortion";
    sum.category = "corporate";
    sum.score = 0.9;
    return Decide(Policy{}, sum, "Hello");
  });
  std::string out;
  EXPECT_TRUE(s.Feed(OneMessage("Pay 1 BTC.\r\n"), &out));
  EXPECT_EQ(s.messages_judged(), 1u);
  EXPECT_EQ(seen.envelope.mail_from, "<a@example.org>");
  ASSERT_EQ(seen.envelope.rcpt_to.size(), 1u);
  EXPECT_EQ(seen.envelope.client_address, "192.0.2.1");
  EXPECT_EQ(seen.envelope.queue_id, "4XyZ");
  ASSERT_EQ(seen.headers.size(), 2u);
  EXPECT_EQ(seen.body, "Pay 1 BTC.\r\n");
  EXPECT_FALSE(seen.oversized);

  auto r = Replies(out);
  // optneg, connect, helo, mail, rcpt, data, 2 headers, eoh, body -> 10; then
  // 2 add-headers (no wallets), subject change, accept.
  ASSERT_EQ(r.size(), 14u);
  EXPECT_EQ(r[0].command, 'O');
  for (size_t i = 1; i < 10; ++i) EXPECT_EQ(r[i].command, 'c') << i;
  EXPECT_EQ(r[10].command, 'h');
  EXPECT_EQ(r[10].data, Z("X-Extortrace") + Z("extortion; score=0.90; category=corporate"));
  EXPECT_EQ(r[11].data, Z("X-Spam-Flag") + Z("YES"));
  EXPECT_EQ(r[12].command, 'm');
  EXPECT_EQ(r[12].data, std::string("\0\0\0\1", 4) + Z("Subject") + Z("[SCAM] Hello"));
  EXPECT_EQ(r[13].command, 'a');

  // QUIT closes cleanly.
  std::string out2;
  EXPECT_FALSE(s.Feed(EncodePacket('Q', ""), &out2));
  EXPECT_TRUE(s.error().empty());
}

TEST(Session, RejectAnswersWithAReplyCode) {
  Policy p;
  p.on_clean = Action::kReject;
  Session s({}, [&](const CollectedMessage&) { return Decide(p, Summary{}, ""); });
  std::string out;
  s.Feed(OneMessage("hi\r\n"), &out);
  auto r = Replies(out);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r.back().command, 'y');
  EXPECT_EQ(r.back().data.substr(0, 10), "550 5.7.1 ");
}

TEST(Session, OversizedBodyIsDroppedAndFlagged) {
  SessionOptions o;
  o.limits.max_message_bytes = 47;  // headers take 37 (From 21, Subject 16)
  bool oversized = false;
  size_t body = 99, total = 0;
  Session s(o, [&](const CollectedMessage& m) {
    oversized = m.oversized;
    body = m.body.size();
    total = m.total_bytes;
    return Decision{};
  });
  std::string out;
  s.Feed(OneMessage(std::string(100, 'x')), &out);
  EXPECT_TRUE(oversized);
  EXPECT_EQ(body, 0u);  // not scanned, so not kept
  EXPECT_EQ(total, 137u);
}

TEST(Session, HeadersPastTheCapAreCountedButDropped) {
  SessionOptions o;
  o.limits.max_headers = 1;
  size_t headers = 0;
  bool oversized = true;
  Session s(o, [&](const CollectedMessage& m) {
    headers = m.headers.size();
    oversized = m.oversized;
    return Decision{};
  });
  std::string out;
  s.Feed(OneMessage("hi\r\n"), &out);
  EXPECT_EQ(headers, 1u);
  EXPECT_FALSE(oversized);
}

TEST(Session, AbortDropsTheMessage) {
  size_t headers = 99;
  Session s({}, [&](const CollectedMessage& m) {
    headers = m.headers.size();
    return Decision{};
  });
  std::string in = OptNegPacket() + EncodePacket('M', Z("<a@b>")) +
                   EncodePacket('L', Z("X") + Z("y")) + EncodePacket('A', "") +
                   EncodePacket('M', Z("<c@d>")) + EncodePacket('E', "");
  std::string out;
  EXPECT_TRUE(s.Feed(in, &out));
  EXPECT_EQ(headers, 0u);
}

TEST(Session, ProtocolErrorsClose) {
  auto judge = [](const CollectedMessage&) { return Decision{}; };
  {
    Session s({}, judge);
    std::string out;
    EXPECT_FALSE(s.Feed(EncodePacket('M', Z("<a@b>")), &out));  // before OPTNEG
    EXPECT_EQ(s.state(), Session::State::kClosed);
    EXPECT_FALSE(s.error().empty());
  }
  {
    Session s({}, judge);
    std::string out;
    EXPECT_FALSE(s.Feed(OptNegPacket() + EncodePacket('Z', ""), &out));
  }
  {
    Session s({}, judge);
    std::string out;
    EXPECT_FALSE(s.Feed(OptNegPacket() + EncodePacket('L', "nonul"), &out));
  }
  {
    Session s({}, judge);
    std::string out;
    EXPECT_FALSE(s.Feed(OptNegPacket() + std::string("\xff\xff\xff\xff", 4), &out));
    EXPECT_NE(s.error().find("exceeds"), std::string::npos);
  }
}

}  // namespace
}  // namespace extortrace::milter
