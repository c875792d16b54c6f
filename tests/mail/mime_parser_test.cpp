#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <utility>

#include "mail/message.h"

namespace extortrace::mail {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(MimeParser, NestedMultipartEncodingsAndCharsets) {
  const char raw[] =
      "From: =?ISO-2022-JP?B?GyRCOzNFRBsoQg==?= <a@example.jp>\n"
      "To: b@example.jp\n"
      "Subject: =?UTF-8?B?44GC44Gq44Gf44Gu44OH44O844K/44OZ44O844K5?=\n"
      "Date: Tue, 14 Jun 2022 03:12:45 +0900\n"
      "Message-ID: <abc@example.jp>\n"
      "MIME-Version: 1.0\n"
      "Content-Type: multipart/mixed; boundary=\"outer\"\n"
      "\n"
      "--outer\n"
      "Content-Type: multipart/alternative; boundary=\"inner\"\n"
      "\n"
      "--inner\n"
      "Content-Type: text/plain; charset=iso-8859-1\n"
      "Content-Transfer-Encoding: quoted-printable\n"
      "\n"
      "caf=E9 bitcoin\n"
      "--inner\n"
      "Content-Type: text/html; charset=utf-8\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "PHA+Y2Fmw6kgYml0Y29pbjwvcD4=\n"
      "--inner--\n"
      "--outer\n"
      "Content-Type: message/rfc822\n"
      "\n"
      "Subject: inner\n"
      "Content-Type: text/plain; charset=us-ascii\n"
      "\n"
      "forwarded text\n"
      "--outer\n"
      "Content-Type: application/pdf; name*=UTF-8''%E8%AB%8B%E6%B1%82.pdf\n"
      "Content-Disposition: attachment; filename*=UTF-8''%E8%AB%8B%E6%B1%82.pdf\n"
      "Content-Transfer-Encoding: base64\n"
      "\n"
      "JVBERi0=\n"
      "--outer--\n";
  ParsedMessage m = ParseMessage(raw);
  EXPECT_EQ(m.subject,
            "\xE3\x81\x82\xE3\x81\xAA\xE3\x81\x9F\xE3\x81\xAE\xE3\x83\x87\xE3\x83\xBC"
            "\xE3\x82\xBF\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9");  // あなたのデータベース
  EXPECT_EQ(m.message_id, "abc@example.jp");
  EXPECT_EQ(m.date_iso, "2022-06-14T03:12:45+09:00");
  ASSERT_EQ(m.from.size(), 1u);
  EXPECT_EQ(m.from[0].name, "\xE5\xB1\xB1\xE7\x94\xB0");  // 山田
  ASSERT_EQ(m.bodies.size(), 3u);
  // The line break before a boundary belongs to the boundary (RFC 2046 §5.1.1).
  EXPECT_EQ(m.bodies[0].text, "caf\xC3\xA9 bitcoin");
  EXPECT_FALSE(m.bodies[0].html);
  EXPECT_TRUE(m.bodies[0].in_alternative);
  EXPECT_TRUE(m.bodies[1].html);
  EXPECT_EQ(m.bodies[1].text, "<p>caf\xC3\xA9 bitcoin</p>");
  EXPECT_EQ(m.bodies[2].text, "forwarded text");
  EXPECT_FALSE(m.bodies[2].in_alternative);
  bool saw_pdf = false;
  for (const MimeNode& n : m.tree) {
    if (n.content_type == "application/pdf") {
      saw_pdf = true;
      EXPECT_EQ(n.filename, "\xE8\xAB\x8B\xE6\xB1\x82.pdf");  // 請求.pdf (RFC 2231)
      EXPECT_EQ(n.disposition, "attachment");
    }
  }
  EXPECT_TRUE(saw_pdf);
}

TEST(MimeParser, BrokenInputIsLenient) {
  ParsedMessage m =
      ParseMessage("Subject: =?utf-8?B?broken\nContent-Type: multipart/mixed\n\n--x\nhello\n");
  EXPECT_TRUE(Has(m.anomalies, "missing-boundary") || Has(m.anomalies, "malformed-multipart") ||
              !m.bodies.empty())
      << "a multipart without boundary must leave a trace";
  ParsedMessage empty = ParseMessage("");
  EXPECT_TRUE(Has(empty.anomalies, "no-text-body") || Has(empty.anomalies, "unparseable"));
}

TEST(MimeParser, Iso2022JpBody) {
  // "ビットコイン" in ISO-2022-JP.
  const char raw[] =
      "Subject: x\nContent-Type: text/plain; charset=ISO-2022-JP\n"
      "Content-Transfer-Encoding: 7bit\n\n\x1b$B%S%C%H%3%$%s\x1b(B\n";
  ParsedMessage m = ParseMessage(raw);
  ASSERT_EQ(m.bodies.size(), 1u);
  EXPECT_EQ(m.bodies[0].text,
            "\xE3\x83\x93\xE3\x83\x83\xE3\x83\x88\xE3\x82\xB3\xE3\x82\xA4\xE3\x83\xB3\n");
}

TEST(MimeParser, AdjacentIso2022JpEncodedWordsEachDecode) {
  // Python's email.header folds long ISO-2022-JP subjects into several words.
  EXPECT_EQ(DecodeHeaderText(
                "=?iso-2022-jp?b?GyRCNS48UiROJUchPCU/JVkhPCU5JEglYSE8JWslXCVDJS8lOSRLJEQbKEI=?="
                " =?iso-2022-jp?b?GyRCJCQkRhsoQg==?="),
            "\xE8\xB2\xB4\xE7\xA4\xBE\xE3\x81\xAE\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF"
            "\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9\xE3\x81\xA8\xE3\x83\xA1\xE3\x83\xBC"
            "\xE3\x83\xAB\xE3\x83\x9C\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xB9\xE3\x81\xAB"
            "\xE3\x81\xA4\xE3\x81\x84\xE3\x81\xA6");
  EXPECT_EQ(DecodeHeaderText("Re: =?iso-2022-jp?b?GyRCJCIbKEI=?= x"), "Re: \xE3\x81\x82 x");
  EXPECT_EQ(DecodeHeaderText("=?utf-8?q?caf=C3=A9?= =?utf-8?q?_ok?="), "caf\xC3\xA9 ok");
}

TEST(MimeParser, RepairsBlankLinesInHeader) {
  ParsedMessage m = ParseMessage(
      "Received: from a by b\r\n\r\nReceived: from c by d\r\n\r\n"
      "From: x@example.com\r\nSubject: hello\r\n\r\nbody\r\n");
  EXPECT_EQ(m.subject, "hello");
  EXPECT_TRUE(Has(m.anomalies, "blank-lines-in-header"));
  ASSERT_EQ(m.bodies.size(), 1u);
  EXPECT_EQ(m.bodies[0].text, "body\r\n");
}

// date_iso is g_date_time_format's "%Y-%m-%dT%H:%M:%S%:z" of the parsed
// date, in the sender's offset (west of UTC and half hours too).
TEST(MimeParser, DateKeepsTheSendersOffset) {
  const std::pair<const char*, const char*> cases[] = {
      {"Tue, 14 Jun 2022 03:12:45 -0530", "2022-06-14T03:12:45-05:30"},
      {"1 Jan 2001 00:00:00 +0000", "2001-01-01T00:00:00+00:00"},
      {"Sun, 31 Dec 2023 23:59:59 +1345", "2023-12-31T23:59:59+13:45"},
  };
  for (const auto& [date, iso] : cases) {
    ParsedMessage m = ParseMessage(std::string("From: a@b.c\nDate: ") + date + "\n\nbody\n");
    EXPECT_EQ(m.date_iso, iso) << date;
  }
}

}  // namespace
}  // namespace extortrace::mail
