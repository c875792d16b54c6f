#include "mail/mbox.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace extortrace::mail {
namespace {

std::vector<std::string> Split(const std::string& mbox, size_t chunk, size_t max = 1 << 20) {
  std::vector<std::string> out;
  MboxSplitter s(max, [&](std::string&& m, bool) { out.push_back(std::move(m)); });
  for (size_t i = 0; i < mbox.size(); i += chunk) s.Feed(std::string_view(mbox).substr(i, chunk));
  s.Finish();
  return out;
}

const char kMbox[] =
    "From alice@example.com Mon Jan  1 00:00:00 2024\n"
    "Subject: one\n"
    "\n"
    "body one\n"
    ">From the start\n"
    ">>From quoted twice\n"
    "\n"
    "From bob@example.com Tue Jan  2 00:00:00 2024\n"
    "Subject: two\n"
    "\n"
    "From here on a body line that is not a separator\n"
    "body two\n";

TEST(MboxSplitter, SplitsAndUnquotesInAnyChunking) {
  for (size_t chunk : {1, 3, 7, 64, 4096}) {
    auto msgs = Split(kMbox, chunk);
    ASSERT_EQ(msgs.size(), 2u) << "chunk " << chunk;
    EXPECT_EQ(msgs[0], "Subject: one\n\nbody one\nFrom the start\n>From quoted twice\n");
    EXPECT_NE(msgs[1].find("From here on a body line"), std::string::npos);
    EXPECT_EQ(msgs[1].rfind("Subject: two", 0), 0u);
  }
}

TEST(MboxSplitter, SeparatorNeedsSenderAndDate) {
  EXPECT_TRUE(MboxSplitter::IsSeparator("From MAILER-DAEMON Fri Jul  8 12:08:34 2011"));
  EXPECT_TRUE(MboxSplitter::IsSeparator("From a@b.c Sat, 1 Jan 2000 00:00:00 +0000\r"));
  EXPECT_FALSE(MboxSplitter::IsSeparator("From: a@b.c"));
  EXPECT_FALSE(MboxSplitter::IsSeparator("From nobody"));
  EXPECT_FALSE(MboxSplitter::IsSeparator("From here on"));
}

TEST(MboxSplitter, BoundsMessageSize) {
  std::string big = "From a@b Mon Jan  1 00:00:00 2024\nSubject: x\n\n" + std::string(5000, 'a') +
                    "\n\nFrom c@d Mon Jan  1 00:00:00 2024\nSubject: y\n\nsmall\n";
  std::vector<std::pair<std::string, bool>> out;
  MboxSplitter s(1000, [&](std::string&& m, bool t) { out.emplace_back(std::move(m), t); });
  s.Feed(big);
  s.Finish();
  ASSERT_EQ(out.size(), 2u);
  EXPECT_TRUE(out[0].second);
  EXPECT_LE(out[0].first.size(), 1000u);
  EXPECT_FALSE(out[1].second);
  EXPECT_EQ(out[1].first, "Subject: y\n\nsmall\n");
}

TEST(MboxSplitter, CrlfMbox) {
  auto msgs = Split(
      "From a@b Mon Jan  1 00:00:00 2024\r\nSubject: x\r\n\r\nhi\r\n\r\n"
      "From a@b Mon Jan  1 00:00:00 2024\r\nSubject: y\r\n\r\nyo\r\n",
      5);
  ASSERT_EQ(msgs.size(), 2u);
  EXPECT_EQ(msgs[0], "Subject: x\r\n\r\nhi\r\n");
}

}  // namespace
}  // namespace extortrace::mail
