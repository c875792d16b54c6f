#include "milter/codec.h"

#include <gtest/gtest.h>

namespace extortrace::milter {
namespace {

std::string Pkt(char c, std::string_view data) { return EncodePacket(c, data); }

TEST(PacketReader, SplitsPacketsFedByteByByte) {
  std::string stream = Pkt('H', std::string("mx.example\0", 11)) + Pkt('N', "");
  PacketReader r;
  std::vector<Packet> got;
  for (char c : stream) {
    r.Feed(std::string_view(&c, 1));
    while (true) {
      auto p = r.Next();
      ASSERT_TRUE(p.has_value());
      if (!p->has_value()) break;
      got.push_back(**p);
    }
  }
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].command, 'H');
  EXPECT_EQ(got[0].data, std::string("mx.example\0", 11));
  EXPECT_EQ(got[1].command, 'N');
  EXPECT_TRUE(got[1].data.empty());
  EXPECT_EQ(r.buffered(), 0u);
}

TEST(PacketReader, RefusesZeroLengthAndOversizedPacketsForGood) {
  PacketReader r(100);
  r.Feed(std::string("\0\0\0\0", 4));
  EXPECT_FALSE(r.Next().has_value());
  r.Feed(Pkt('N', ""));
  EXPECT_FALSE(r.Next().has_value());  // sticky

  PacketReader big(100);
  big.Feed(std::string("\0\0\1\0B", 5));  // 256 > 100
  auto p = big.Next();
  ASSERT_FALSE(p.has_value());
  EXPECT_EQ(p.error().code(), ErrorCode::kCorrupt);
}

TEST(PacketReader, WaitsForTheWholePacket) {
  PacketReader r;
  std::string p = Pkt('B', std::string(5000, 'x'));
  r.Feed(std::string_view(p).substr(0, 3000));
  auto a = r.Next();
  ASSERT_TRUE(a.has_value());
  EXPECT_FALSE(a->has_value());
  r.Feed(std::string_view(p).substr(3000));
  auto b = r.Next();
  ASSERT_TRUE(b.has_value() && b->has_value());
  EXPECT_EQ((*b)->data.size(), 5000u);
}

TEST(Parse, OptNeg) {
  std::string d("\0\0\0\6\0\0\1\xff\0\x1f\xff\xff", 12);
  auto o = ParseOptNeg(d);
  ASSERT_TRUE(o.has_value());
  EXPECT_EQ(o->version, 6u);
  EXPECT_EQ(o->actions, 0x1ffu);
  EXPECT_EQ(o->protocol, 0x1fffffu);
  EXPECT_FALSE(ParseOptNeg("short").has_value());
  // Round trip through the encoder.
  std::string enc = EncodeOptNeg(*o);
  PacketReader r;
  r.Feed(enc);
  auto p = r.Next();
  ASSERT_TRUE(p && *p);
  EXPECT_EQ((*p)->command, 'O');
  EXPECT_EQ((*p)->data, d);
}

TEST(Parse, ConnectInetUnixAndBroken) {
  auto c =
      ParseConnect(std::string("mail.example\0"
                               "4\x01\x19"
                               "192.0.2.7\0",
                               26));
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->hostname, "mail.example");
  EXPECT_EQ(c->family, '4');
  EXPECT_EQ(c->port, 281);
  EXPECT_EQ(c->address, "192.0.2.7");
  auto u = ParseConnect(std::string("localhost\0U", 11));
  ASSERT_TRUE(u.has_value());
  EXPECT_EQ(u->family, 'U');
  EXPECT_FALSE(ParseConnect("no-nul").has_value());
  EXPECT_FALSE(ParseConnect(std::string("h\0"
                                        "4\x01",
                                        4))
                   .has_value());
  EXPECT_FALSE(ParseConnect(std::string("h\0"
                                        "4\x01\x02"
                                        "1.2.3.4",
                                        12))
                   .has_value());
}

TEST(Parse, MacrosHeadersStrings) {
  auto m = ParseMacros(std::string("C{i}\0ABC123\0j\0mx\0", 17));
  ASSERT_TRUE(m.has_value());
  EXPECT_EQ(m->for_command, 'C');
  ASSERT_EQ(m->values.size(), 2u);
  EXPECT_EQ(m->values[0].first, "{i}");
  EXPECT_EQ(m->values[0].second, "ABC123");
  EXPECT_FALSE(ParseMacros(std::string("C{i}\0ABC", 8)).has_value());
  EXPECT_FALSE(ParseMacros("").has_value());

  auto h = ParseHeader(std::string("Subject\0Hello\0", 14));
  ASSERT_TRUE(h.has_value());
  EXPECT_EQ(h->name, "Subject");
  EXPECT_EQ(h->value, "Hello");
  EXPECT_FALSE(ParseHeader(std::string("Subject\0Hello", 13)).has_value());

  auto s = ParseStrings(std::string("<a@b.example>\0SIZE=100\0", 23));
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->size(), 2u);
  EXPECT_EQ((*s)[0], "<a@b.example>");
  EXPECT_FALSE(ParseStrings("").has_value());
}

TEST(Encode, ReplyCodeIsOneSafeLine) {
  std::string p = EncodeReplyCode("550", "5.7.1", "100% scam\r\nInjected: header");
  PacketReader r;
  r.Feed(p);
  auto got = r.Next();
  ASSERT_TRUE(got && *got);
  EXPECT_EQ((*got)->command, 'y');
  EXPECT_EQ((*got)->data, std::string("550 5.7.1 100%% scam  Injected: header\0", 39));
}

TEST(Encode, AddAndChangeHeader) {
  EXPECT_EQ(EncodeAddHeader("X-A", "b"), std::string("\0\0\0\x07hX-A\0b\0", 11));
  EXPECT_EQ(EncodeChangeHeader(1, "Subject", "x"),
            std::string("\0\0\0\x0fm\0\0\0\1Subject\0x\0", 19));
}

}  // namespace
}  // namespace extortrace::milter
