#include "mail/sender.h"

#include <gtest/gtest.h>

#include "mail/geoip.h"
#include "mail/message.h"

namespace extortrace::mail {
namespace {

TEST(Sender, PublicIpRanges) {
  EXPECT_TRUE(IsPublicIp("97.107.140.183"));
  EXPECT_FALSE(IsPublicIp("127.0.0.1"));
  EXPECT_FALSE(IsPublicIp("10.1.2.3"));
  EXPECT_FALSE(IsPublicIp("172.20.0.1"));
  EXPECT_FALSE(IsPublicIp("192.168.1.1"));
  EXPECT_FALSE(IsPublicIp("203.0.113.7"));  // documentation
  EXPECT_FALSE(IsPublicIp("::1"));
  EXPECT_FALSE(IsPublicIp("fe80::1"));
  EXPECT_TRUE(IsPublicIp("2603:10b6:806:26::27"));
  EXPECT_FALSE(IsPublicIp("999.1.1.1"));
}

TEST(Sender, EarliestPublicHopAuthAndSelfSent) {
  const char raw[] =
      "Received: from mx.example.net (mx.example.net [198.51.100.9])\n"
      "  by inbound.example.org with ESMTP; Fri, 25 Apr 2025 08:53:41 +0000\n"
      "Received: from dropdead.org (97.107.140.183) by mx.example.net with SMTP;\n"
      "  Fri, 25 Apr 2025 08:53:41 +0000\n"
      "Received: from localhost (HELO static.example) (127.0.0.1)\n"
      "  by dropdead.org with SMTP; 25 Apr 2025 08:53:34 -0000\n"
      "Authentication-Results: mx.example.org; spf=softfail smtp.mailfrom=victim.jp;\n"
      "  dkim=none; dmarc=fail header.from=victim.jp\n"
      "From: Victim <Info@Victim.jp>\n"
      "To: info@victim.jp\n"
      "Reply-To: pay@evil.example\n"
      "Subject: test\n"
      "\n"
      "body\n";
  ParsedMessage m = ParseMessage(raw);
  SenderInfo s = AnalyzeSender(m);
  EXPECT_EQ(s.ip, "97.107.140.183");
  EXPECT_EQ(s.spf, "softfail");
  EXPECT_EQ(s.dkim, "none");
  EXPECT_EQ(s.dmarc, "fail");
  EXPECT_EQ(s.AuthSummary(), "spf=softfail dkim=none dmarc=fail");
  EXPECT_TRUE(s.self_sent);
  EXPECT_TRUE(s.reply_to_mismatch);
}

}  // namespace
}  // namespace extortrace::mail

namespace extortrace::mail {
namespace {

TEST(GeoIp, CountryOfPublicAddresses) {
  if (CountryOfIp("8.8.8.8").empty()) GTEST_SKIP() << "geoip-database not installed";
  EXPECT_EQ(CountryOfIp("8.8.8.8"), "US");
  EXPECT_EQ(CountryOfIp("133.242.0.1"), "JP");
  EXPECT_EQ(CountryOfIp("10.0.0.1"), "");
  EXPECT_EQ(CountryOfIp("not an ip"), "");
}

}  // namespace
}  // namespace extortrace::mail
