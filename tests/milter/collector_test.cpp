#include "milter/collector.h"

#include <gtest/gtest.h>

namespace extortrace::milter {
namespace {

TEST(Collector, DefaultLimits) {
  Limits l;
  EXPECT_EQ(l.max_message_bytes, size_t{25} << 20);
  EXPECT_EQ(l.max_headers, 2000u);
  EXPECT_EQ(l.max_recipients, 1000u);
}

TEST(Collector, CollectsEnvelopeHeadersAndBody) {
  Collector c;
  c.Connect("client.example", "192.0.2.1");
  c.Helo("client.example");
  c.SetQueueId("4XyZ");  // codec macros arrive before MAIL
  c.StartMessage("<a@example.org>");
  c.AddRecipient("<b@example.com>");
  c.AddHeader("Subject", "Hello");
  c.AddBody("Pay ");
  c.AddBody("1 BTC.\r\n");
  const CollectedMessage& m = c.message();
  EXPECT_EQ(m.envelope.client_host, "client.example");
  EXPECT_EQ(m.envelope.client_address, "192.0.2.1");
  EXPECT_EQ(m.envelope.helo, "client.example");
  EXPECT_EQ(m.envelope.queue_id, "4XyZ");
  EXPECT_EQ(m.envelope.mail_from, "<a@example.org>");
  ASSERT_EQ(m.envelope.rcpt_to.size(), 1u);
  ASSERT_EQ(m.headers.size(), 1u);
  EXPECT_EQ(m.headers[0].value, "Hello");
  EXPECT_EQ(m.body, "Pay 1 BTC.\r\n");
  EXPECT_EQ(m.total_bytes, 7u + 5 + 4 + 12);
  EXPECT_FALSE(m.oversized);
}

TEST(Collector, NextMessageKeepsTheClientOnly) {
  Collector c;
  c.Connect("client.example", "192.0.2.1");
  c.Helo("helo.example");
  c.StartMessage("<a@example.org>");
  c.SetQueueId("Q1");  // libmilter reads the queue id after MAIL
  c.AddRecipient("<b@example.com>");
  c.AddHeader("X", "y");
  c.AddBody("body");
  c.FinishMessage();
  const CollectedMessage& m = c.message();
  EXPECT_EQ(m.envelope.client_host, "client.example");
  EXPECT_EQ(m.envelope.helo, "helo.example");
  EXPECT_TRUE(m.envelope.queue_id.empty());
  EXPECT_TRUE(m.envelope.mail_from.empty());
  EXPECT_TRUE(m.envelope.rcpt_to.empty());
  EXPECT_TRUE(m.headers.empty());
  EXPECT_TRUE(m.body.empty());
  EXPECT_EQ(m.total_bytes, 0u);

  c.AddHeader("Stale", "z");
  c.Abort();
  EXPECT_TRUE(c.message().headers.empty());
  c.Connect("other.example", "");
  EXPECT_TRUE(c.message().envelope.helo.empty());
  EXPECT_EQ(c.message().envelope.client_host, "other.example");
}

TEST(Collector, OversizedMessageKeepsNoBody) {
  Limits l;
  l.max_message_bytes = 20;
  Collector c(l);
  c.StartMessage("<a@b>");
  c.AddHeader("Subject", "Hi");  // 13 bytes
  c.AddBody("1234567");          // 20: still fits
  EXPECT_FALSE(c.message().oversized);
  EXPECT_EQ(c.message().body, "1234567");
  c.AddBody("8");
  EXPECT_TRUE(c.message().oversized);
  EXPECT_TRUE(c.message().body.empty());
  c.AddBody(std::string(1000, 'x'));  // counted, not kept
  EXPECT_TRUE(c.message().body.empty());
  EXPECT_EQ(c.message().total_bytes, 1021u);
  ASSERT_EQ(c.message().headers.size(), 1u);  // the Subject is still known
  c.FinishMessage();
  EXPECT_FALSE(c.message().oversized);
}

TEST(Collector, HugeHeadersMakeTheMessageOversized) {
  Limits l;
  l.max_message_bytes = 100;
  Collector c(l);
  c.AddHeader("Subject", std::string(200, 's'));
  EXPECT_TRUE(c.message().oversized);
  EXPECT_TRUE(c.message().headers.empty());
  c.AddHeader("X", "y");  // nothing more is kept once oversized
  EXPECT_TRUE(c.message().headers.empty());
}

TEST(Collector, HeaderAndRecipientCaps) {
  Collector c;  // the defaults: what the daemon and the session run with
  for (int i = 0; i < 2500; ++i) c.AddHeader("X-N", std::to_string(i));
  EXPECT_EQ(c.message().headers.size(), 2000u);
  EXPECT_EQ(c.message().headers.back().value, "1999");
  EXPECT_FALSE(c.message().oversized);
  for (int i = 0; i < 1200; ++i) c.AddRecipient("<r" + std::to_string(i) + "@example.com>");
  EXPECT_EQ(c.message().envelope.rcpt_to.size(), 1000u);
}

}  // namespace
}  // namespace extortrace::milter
