// ParseSimpleAddress reads the simplest address values without GMime; every
// value it accepts must read exactly as GMime's address parser reads it
// (one mailbox, the same name and address, no warning).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "mail/detail/content_fields.h"

namespace extortrace::mail::detail {
namespace {

namespace fs = std::filesystem;

// Checks one value; returns whether the fast path took it.
bool Check(const std::string& value) {
  Address fast;
  if (!ParseSimpleAddress(value, &fast)) return false;
  std::vector<std::string> warnings;
  std::vector<Address> ref = ParseAddressListWithGMime(value, &warnings);
  EXPECT_TRUE(warnings.empty()) << "[" << value << "]";
  EXPECT_EQ(ref.size(), 1u) << "[" << value << "]";
  if (ref.size() == 1) {
    EXPECT_EQ(fast.name, ref[0].name) << "[" << value << "]";
    EXPECT_EQ(fast.email, ref[0].email) << "[" << value << "]";
  }
  return true;
}

TEST(SimpleAddress, CommonFormsReadAsGMimeReadsThem) {
  for (const char* v :
       {"user@example.com", "  user@example.com  ", "<user@example.com>",
        "John Smith <john@example.com>", "John  Smith   <john@Example.COM>",
        "  John Smith<john@example.com>", "John Q. Public <jqp@example.com>",
        "O'Brien <ob@example.com>", "John-Paul <jp@ex-ample.co.uk>", "a.b+c@d.e", "Name <a@b.c> ",
        "ALL CAPS <A@B.C>", "Smith Jr. <s@x.org>", "x_y <x_y@x.org>", "s{t}r~a!n#g$e@b.co"}) {
    EXPECT_TRUE(Check(v)) << v;
  }
}

TEST(SimpleAddress, AnythingElseIsLeftToGMime) {
  Address a;
  for (const char* v : {"",
                        "   ",
                        "user@localhost",
                        "\"Quoted\" <q@x.org>",
                        "a@b.c, d@e.f",
                        "Name (comment) <a@b.c>",
                        "=?utf-8?q?N=C3=A4me?= <a@b.c>",
                        "group: a@b.c;",
                        "<a@b.c> trailing",
                        "Name <a@b.c",
                        "x <a..b@c.d>",
                        "x <.a@c.d>",
                        "x <a@c..d>",
                        "x <a@c.d.>",
                        "Näme <a@b.c>",
                        "a@b.c\r\n d",
                        "<a@b.c>>",
                        "x <<a@b.c>",
                        "@b.c",
                        "a@",
                        ".Name <a@b.c>",
                        "Na..me <a@b.c>",
                        "Name\tX <a@b.c>",
                        "Name\t<a@b.c>",
                        "a@b_c.d",
                        "a b@c.d",
                        "s{t}r~a!n#g$e <a@b.co>",
                        "dmarc@example.xn--net",
                        "N <a@XN--bcher-kva.de>",
                        "a@b.xn--p1ai"}) {
    EXPECT_FALSE(ParseSimpleAddress(v, &a)) << "[" << v << "]";
  }
}

// Random values built from the pieces the fast path looks at, so that its
// edges (dots, hyphens, blanks, brackets) meet GMime's in every order.
TEST(SimpleAddress, RandomValuesReadAsGMimeReadsThem) {
  std::mt19937 rng(20261129);
  const std::string pieces[] = {"a",  "Bc", "0",  ".",  "-",    "_",        "'",     "+",
                                "@",  " ",  "  ", "\t", "<",    ">",        "x.org", "mail",
                                "Q.", "!",  "~",  "=",  "xn--", ".xn--p1ai"};
  size_t taken = 0;
  for (int i = 0; i < 40000; ++i) {
    std::string v;
    const int n = 1 + static_cast<int>(rng() % 9);
    for (int k = 0; k < n; ++k) v += pieces[rng() % std::size(pieces)];
    if (rng() % 2) v = "Name " + v;
    if (rng() % 2) v += "@ex.com";
    if (rng() % 3 == 0) v = "N <" + v + ">";
    taken += Check(v);
  }
  EXPECT_GT(taken, 1000u);  // the generator reaches the fast path often
}

// Every From/To/Reply-To/Sender/Cc/Bcc value of the shared corpus that the
// fast path takes.
TEST(SimpleAddress, CorpusValuesReadAsGMimeReadsThem) {
  fs::path root = fs::path(ET_SHARED_DIR) / "data" / "mail";
  if (!fs::exists(root)) GTEST_SKIP() << "shared corpus absent: " << root;
  size_t taken = 0, seen = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file()) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line) && !line.empty() && line != "\r") {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      for (const char* name : {"From:", "To:", "Reply-To:", "Sender:", "Cc:", "Bcc:"}) {
        if (line.rfind(name, 0) == 0) {
          ++seen;
          taken += Check(line.substr(std::string(name).size()));
        }
      }
    }
  }
  EXPECT_GT(seen, 10000u);
  EXPECT_GT(taken, seen / 4);
  std::printf("fast path took %zu of %zu corpus address values\n", taken, seen);
}

}  // namespace
}  // namespace extortrace::mail::detail
