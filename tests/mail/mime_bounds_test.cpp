// The bounds of the MIME readers (mail/message.h, detail/mime_bounds.h,
// detail/text_budget.h): what is dropped, what is kept past each limit, and
// that mail within the bounds is handed on untouched.
#include "mail/detail/mime_bounds.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "mail/detail/describe.h"
#include "mail/detail/mime_readers.h"
#include "mail/detail/text_budget.h"
#include "mail/message.h"

namespace extortrace::mail {
namespace {

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

std::string AllText(const ParsedMessage& m) {
  std::string s;
  for (const TextBody& b : m.bodies) s += b.text + "|";
  return s;
}

TEST(MimeBounds, MailWithinTheBoundsIsNotCopied) {
  std::vector<std::string> anomalies;
  std::string m =
      "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
      "Content-Type: text/plain\n\nhello\n-- \nsignature\n--b--\n";
  EXPECT_FALSE(detail::BoundStructure(m, &anomalies).has_value());
  EXPECT_TRUE(anomalies.empty());
}

TEST(MimeBounds, ContentLinesThatStartWithDashesAreContent) {
  // A long patch: thousands of lines that start with "--", folded-looking
  // lines after them, no blank line. Neither parts nor header fields.
  std::string m =
      "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n--b\n"
      "Content-Type: text/plain\n\n";
  for (int i = 0; i < 6000; ++i) m += "-- removed line " + std::to_string(i) + "\n  context\n";
  m += "--b--\n";
  std::vector<std::string> anomalies;
  EXPECT_FALSE(detail::BoundStructure(m, &anomalies).has_value());
  EXPECT_TRUE(anomalies.empty());
  // Unless the boundaries cannot be told: an RFC 2231 boundary parameter.
  std::string unsure = m;
  unsure.replace(unsure.find("boundary=\"b\""), 12, "boundary*=''b");
  EXPECT_TRUE(detail::BoundStructure(unsure, &anomalies).has_value());
  EXPECT_TRUE(Has(anomalies, "too-many-parts"));
}

TEST(MimeBounds, PartsBetweenTheFirstAndTheLastAreDropped) {
  std::string m = "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n";
  for (int i = 0; i < 5000; ++i) {
    m += "--b\nContent-Type: text/plain\n\npart " + std::to_string(i) + "\n";
    if (i == 3000) m += "the one long part among the short ones\n";
  }
  m += "--b--\n";
  std::vector<std::string> anomalies;
  auto bounded = detail::BoundStructure(m, &anomalies);
  ASSERT_TRUE(bounded.has_value());
  EXPECT_TRUE(Has(anomalies, "too-many-parts"));
  size_t lines = 0;
  for (size_t p = 0; (p = bounded->find("\n--b", p)) != std::string::npos; ++p) ++lines;
  // The first ones, the last ones, and the 8 largest between.
  EXPECT_EQ(lines, detail::kMaxBoundaryLines + detail::kTailBoundaryLines + 8);
  EXPECT_NE(bounded->find("part 2047\n"), std::string::npos);
  EXPECT_NE(bounded->find("part 3000\nthe one long part"), std::string::npos);
  EXPECT_NE(bounded->find("part 4999\n--b--\n"), std::string::npos);
  EXPECT_LT(bounded->size(), m.size() / 2);

  // Through the parser: the tree stops at kMaxParts, the last text parts
  // are read all the same.
  ParsedMessage p = ParseMessage(m);
  EXPECT_EQ(p.tree.size(), kMaxParts);
  EXPECT_TRUE(Has(p.anomalies, "too-many-parts"));
  EXPECT_NE(AllText(p).find("part 4999"), std::string::npos);
  EXPECT_NE(AllText(p).find("part 4996"), std::string::npos);
  EXPECT_EQ(AllText(p).find("part 4995"), std::string::npos);
}

TEST(MimeBounds, HeaderFieldsPastTheBudgetAreDroppedButContentFieldsKept) {
  std::string m = "From: a@example.org\n";
  for (size_t i = 0; i < detail::kMaxHeaderFields + 10; ++i)
    m += "X-Pad: " + std::to_string(i) + "\n";
  m += "Content-Type: text/html\n\n<p>the body</p>\n";
  std::vector<std::string> anomalies;
  auto bounded = detail::BoundStructure(m, &anomalies);
  ASSERT_TRUE(bounded.has_value());
  EXPECT_TRUE(Has(anomalies, "too-many-headers"));
  // From and X-Pad 0 to 4998 make kMaxHeaderFields.
  EXPECT_NE(bounded->find("\nX-Pad: 4998\n"), std::string::npos);
  EXPECT_EQ(bounded->find("\nX-Pad: 4999\n"), std::string::npos);
  ParsedMessage p = ParseMessage(m);
  ASSERT_EQ(p.bodies.size(), 1u);
  EXPECT_TRUE(p.bodies[0].html);
  EXPECT_TRUE(Has(p.anomalies, "too-many-headers"));
}

TEST(MimeBounds, AFieldPastItsSizeLosesItsLastLines) {
  std::string m = "From: a@example.org\nSubject: hi\nX-Long: a";
  while (m.size() < detail::kMaxFieldBytes * 2) m += "\n a";
  m += "\nContent-Type: text/plain\n\nbody\n";
  std::vector<std::string> anomalies;
  auto bounded = detail::BoundStructure(m, &anomalies);
  ASSERT_TRUE(bounded.has_value());
  EXPECT_TRUE(Has(anomalies, "header-too-long"));
  EXPECT_LT(bounded->size(), detail::kMaxFieldBytes + 200);
  ParsedMessage p = ParseMessage(m);
  EXPECT_EQ(p.subject, "hi");
  ASSERT_EQ(p.bodies.size(), 1u);
  EXPECT_EQ(p.bodies[0].text.substr(0, 4), "body");
}

TEST(MimeBounds, TheDeepestTextPartIsRead) {
  std::string m = "From: a@example.org\n";
  for (int i = 0; i < 30; ++i) {
    m += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" +
         std::to_string(i) + "\n";
  }
  m += "Content-Type: text/plain\n\ndeep down\n";
  ParsedMessage p = ParseMessage(m);
  EXPECT_TRUE(Has(p.anomalies, "nesting-too-deep"));
  EXPECT_EQ(p.tree.size(), static_cast<size_t>(kMaxDepth) + 1);
  ASSERT_EQ(p.bodies.size(), 1u);
  EXPECT_EQ(p.bodies[0].text.substr(0, 9), "deep down");
  EXPECT_EQ(p.bodies[0].depth, 30);
}

TEST(TextBudget, PaddingIsSqueezed) {
  std::string spaces(100, ' ');
  EXPECT_EQ(detail::SqueezePadding("a" + spaces + "b", false), "a b");
  EXPECT_EQ(detail::SqueezePadding("a\n" + spaces + "\nb", false), "a\n\nb");
  EXPECT_EQ(detail::SqueezePadding("a" + std::string(64, ' ') + "b", false),
            "a" + std::string(64, ' ') + "b");
  EXPECT_EQ(detail::SqueezePadding("bit<!-- x -->coin <!-->shown-->", true),
            "bit<!---->coin <!-->shown-->");
  EXPECT_EQ(detail::SqueezePadding("a<!-- x --!>b<!-- open", true), "a<!---->b<!---->");
  EXPECT_EQ(detail::SqueezePadding("a<!-- x -->b", false), "a<!-- x -->b");
}

TEST(TextBudget, StartAndEndAreKept) {
  std::string text;
  for (int i = 0; i < 10000; ++i) text += "line " + std::to_string(i) + "\n";
  std::string cut = detail::KeepStartAndEnd(text, 20000, false, 1, false);
  EXPECT_LE(cut.size(), 20000u);
  EXPECT_EQ(cut.substr(0, 7), "line 0\n");
  EXPECT_EQ(cut.substr(cut.size() - 10), "line 9999\n");
  // Cut at line breaks: no broken line.
  EXPECT_EQ(cut.find("\nine"), std::string::npos);
  // UTF-8: never inside a character.
  std::string utf8;
  while (utf8.size() < 50000) utf8 += "\xC3\xA9\xE2\x82\xAC";  // no line breaks
  std::string u = detail::KeepStartAndEnd(utf8, 10001, false, 1, true);
  EXPECT_LE(u.size(), 10001u);
  EXPECT_NE(static_cast<unsigned char>(u[u.find('\n') + 1]) & 0xC0, 0x80);
}

TEST(TextBudget, LaterPartsShareTheLastBytesAndTheMostRecentAreKept) {
  std::string m = "From: a@example.org\nContent-Type: multipart/mixed; boundary=\"b\"\n\n";
  std::string big(size_t{5} << 20, 'x');
  for (int i = 0; i < 3; ++i) m += "--b\nContent-Type: text/plain\n\n" + big + "\n";
  for (int i = 0; i < 10; ++i)
    m += "--b\nContent-Type: text/plain\n\nlate " + std::to_string(i) + "\n";
  m += "--b--\n";
  ParsedMessage p = ParseMessage(m);
  size_t total = 0;
  for (const TextBody& b : p.bodies) total += b.text.size();
  EXPECT_LE(total, kMaxTextBytes);
  EXPECT_TRUE(Has(p.anomalies, "text-too-long"));
  const std::string all = AllText(p);
  EXPECT_NE(all.find("late 9"), std::string::npos);
  EXPECT_NE(all.find("late 6"), std::string::npos);
  EXPECT_EQ(all.find("late 5"), std::string::npos);
}

// Over the bounds, but read by the fast reader: both readers still agree.
TEST(TextBudget, BothReadersAgreeOverTheBounds) {
  const std::string head = "From: a@example.org\nSubject: s\n";
  std::string spaces =
      head + "Content-Type: text/plain\n\n" + std::string(size_t{9} << 20, ' ') + "the letter\n";
  std::string comment = head + "Content-Type: text/html\n\n<p>a<!--" +
                        std::string(size_t{5} << 20, 'x') + "--></p><p>the letter</p>\n";
  std::string parts = head + "Content-Type: multipart/mixed; boundary=\"b\"\n\n";
  for (int i = 0; i < 3; ++i) {
    parts += "--b\nContent-Type: text/plain\n\n" + std::string(size_t{5} << 20, 'y') + "\n";
  }
  for (int i = 0; i < 6; ++i) parts += "--b\nContent-Type: text/html\n\n<b>late</b>\n";
  parts += "--b--\n";
  std::string fields = head;
  for (size_t i = 0; i < detail::kMaxHeaderFields + 10; ++i) fields += "X-Pad: 1\n";
  fields += "Content-Type: text/plain\n\nbody\n";
  for (const std::string* m : {&spaces, &comment, &parts, &fields}) {
    std::vector<std::string> anomalies;
    std::optional<std::string> bounded = detail::BoundStructure(*m, &anomalies);
    std::string_view input = bounded ? std::string_view(*bounded) : std::string_view(*m);
    ParsedMessage fast, gmime;
    ASSERT_TRUE(detail::ParseFast(input, &fast)) << detail::LastDeclineReason();
    detail::ParseWithGMime(input, &gmime);
    EXPECT_EQ(detail::Describe(fast), detail::Describe(gmime)) << m->substr(0, 200);
    bool limit = false;
    for (const std::string& a : fast.anomalies) limit |= IsLimitAnomaly(a);
    for (const std::string& a : anomalies) limit |= IsLimitAnomaly(a);
    EXPECT_TRUE(limit) << m->substr(0, 200);
  }
}

TEST(TextBudget, LimitAnomaliesAreKnown) {
  for (const char* a : {"too-many-parts", "nesting-too-deep", "too-many-headers", "header-too-long",
                        "text-too-long", "text-padding", "truncated-input"}) {
    EXPECT_TRUE(IsLimitAnomaly(a)) << a;
  }
  EXPECT_FALSE(IsLimitAnomaly("missing-boundary"));
}

}  // namespace
}  // namespace extortrace::mail
