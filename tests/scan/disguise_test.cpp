// Disguises undone before detection, seen through the engine: a text/plain
// part spelt in character references, an address glued to a word. The
// letters are written for these tests.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "scan/engine.h"

namespace extortrace::scan {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

mail::RawMessage Mail(const std::string& body) {
  mail::RawMessage raw;
  raw.source = "test";
  raw.data =
      "From: someone@example.org\r\nTo: you@example.org\r\nSubject: note\r\n"
      "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n" +
      body + "\r\n";
  return raw;
}

// Every other letter as a numeric reference, hex or decimal.
std::string Encode(const std::string& s) {
  std::string out;
  bool hex = false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (i % 2 == 0 && ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      out += hex ? "&#x" : "&#";
      char buf[8];
      std::snprintf(buf, sizeof buf, hex ? "%x" : "%d", static_cast<int>(c));
      out += buf;
      out += ';';
      hex = !hex;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

TEST(Disguise, PlainPartWrittenAsReferencesIsDecoded) {
  const std::string letter = "The garden party moves to Sunday at noon; bring a chair.";
  Engine engine(EngineOptions{.plain_text = false, .decode_qr = false, .detect = false});
  Analysis a = engine.Analyze(Mail(Encode(letter)));
  EXPECT_NE(a.visible.find(letter), std::string::npos) << a.visible;
  EXPECT_TRUE(Has(a.record.obfuscation, "html-entities"));
  // Offsets of the normalized text index the decoded visible text.
  const size_t at = a.normalized.text.find("Sunday");
  ASSERT_NE(at, std::string::npos);
  EXPECT_EQ(a.visible.substr(a.normalized.offsets[at], 6), "Sunday");

  // A pasted text (scan --text) is decoded the same way.
  Engine plain(EngineOptions{.plain_text = true, .decode_qr = false, .detect = false});
  mail::RawMessage raw;
  raw.data = Encode(letter);
  Analysis p = plain.Analyze(raw);
  EXPECT_EQ(p.visible, letter);
  EXPECT_TRUE(Has(p.record.obfuscation, "html-entities"));
}

TEST(Disguise, PlainPartWithAnOccasionalReferenceIsLeftAlone) {
  const std::string body = "Minutes of the Q&amp;A are attached; R&amp;D meets on Monday.";
  Engine engine(EngineOptions{.plain_text = false, .decode_qr = false, .detect = false});
  Analysis a = engine.Analyze(Mail(body));
  EXPECT_NE(a.visible.find(body), std::string::npos);
  EXPECT_FALSE(Has(a.record.obfuscation, "html-entities"));
}

TEST(Disguise, GluedWalletIsReportedAsGlued) {
  Engine engine(EngineOptions{.plain_text = false, .decode_qr = false, .detect = false});
  record::ScanRecord r = engine.Scan(
      Mail("The deposit goes to 1BoatSLRHtKNngkdXEeobR76b53LETtpyTThanks for your help."));
  ASSERT_EQ(r.wallets.size(), 1u);
  EXPECT_EQ(r.wallets[0].address, "1BoatSLRHtKNngkdXEeobR76b53LETtpyT");
  EXPECT_EQ(r.wallets[0].recovered_from, record::Recovery::kGlued);
}

// A deadline written as a day is resolved in the zone of the Date header,
// which the mail parser reports with the date.
TEST(Disguise, DeadlineAtIsInTheSendersZone) {
  Engine engine(EngineOptions{.plain_text = false, .decode_qr = false, .detect = true});
  mail::RawMessage m;
  m.source = "t.eml";
  m.data =
      "From: a@example.org\r\nTo: b@example.com\r\nDate: Wed, 15 Jun 2022 10:00:00 -0530\r\n"
      "Subject: read this\r\n\r\nAn explosive device was planted in your office building. "
      "It will be set off unless 20,000 USD in Bitcoin reaches "
      "1BoatSLRHtKNngkdXEeobR76b53LETtpyT by Friday.\r\n";
  record::ScanRecord r = engine.Scan(m);
  ASSERT_EQ(r.verdict, record::Verdict::kExtortion);
  EXPECT_EQ(r.deadline_at, "2022-06-17T23:59:59-05:30");
}

}  // namespace
}  // namespace extortrace::scan
