// The byte scanners of the fast MIME reader (mail/detail/mime_fields.h)
// against plain one-byte-at-a-time definitions, on random
// strings rich in the bytes they look for and of every length around their
// eight-byte steps.
#include "mail/detail/mime_fields.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <string_view>

#include "core/utf8.h"

namespace extortrace::mail::detail {
namespace {

std::string RandomBytes(std::mt19937* rng, size_t len) {
  static constexpr char kAlphabet[] = {'a',    ' ',    '\t',   '\r',   '\n',   '\x01',
                                       '\x1F', '\x7F', '\x80', '\xC3', '\xA9', '\xFF',
                                       ':',    '=',    '?',    '\x0E'};
  std::uniform_int_distribution<int> pick(0, sizeof(kAlphabet) - 1);
  std::uniform_int_distribution<int> rare(0, 7);
  std::string s;
  for (size_t i = 0; i < len; ++i) s.push_back(rare(*rng) == 0 ? kAlphabet[pick(*rng)] : 'x');
  return s;
}

bool RefPrintable(std::string_view s) {
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7F) return false;
  }
  return true;
}

bool RefAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

std::string RefJoin(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

std::string RefUnfold(std::string_view s) {
  size_t start = s.find_first_not_of(" \t\r\n");
  s.remove_prefix(start == std::string_view::npos ? s.size() : start);
  std::string out;
  for (char c : s) {
    if (c == '\r' || c == '\n') continue;
    out.push_back(c == '\t' ? ' ' : c);
  }
  return out;
}

TEST(MimeFields, ByteScannersMatchTheirDefinitions) {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    std::string s = RandomBytes(&rng, static_cast<size_t>(round % 41));
    // Views at odd offsets too, so that the eight-byte loads are unaligned.
    const size_t skip = static_cast<size_t>(round % 3);
    std::string_view v = std::string_view(s).substr(skip < s.size() ? skip : 0);
    ASSERT_EQ(fields::IsPrintableLine(v), RefPrintable(v)) << v;
    ASSERT_EQ(IsAscii(v), RefAscii(v)) << v;
    ASSERT_EQ(fields::JoinLines(v), RefJoin(v)) << v;
    ASSERT_EQ(UnfoldValue(v), RefUnfold(v)) << v;
    for (size_t from = 0; from <= v.size(); ++from) {
      ASSERT_EQ(FindTabOrBreak(v, from), v.find_first_of("\t\r\n", from)) << v << " @" << from;
    }
  }
}

TEST(MimeFields, FindMatchesStringViewFind) {
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> byte(0, 3);
  for (int round = 0; round < 20000; ++round) {
    std::string hay, needle;
    for (int i = round % 70; i > 0; --i) hay.push_back("-ab\n"[byte(rng)]);
    for (int i = 1 + round % 5; i > 0; --i) needle.push_back("-ab\n"[byte(rng)]);
    for (size_t from = 0; from <= hay.size() + 1; from += 1 + round % 7) {
      size_t want = from > hay.size() ? std::string_view::npos : hay.find(needle, from);
      ASSERT_EQ(fields::Find(hay, needle, from), want) << hay << " / " << needle << " @" << from;
    }
  }
}

TEST(MimeFields, UnfoldValueDropsBreaksAndLeadingBlanks) {
  EXPECT_EQ(UnfoldValue(" \t a\r\n\tb c\n d"), "a b c d");
  EXPECT_EQ(UnfoldValue("plain value"), "plain value");
  EXPECT_EQ(UnfoldValue(" \r\n "), "");
  EXPECT_EQ(fields::JoinLines(" a\r\n\tb"), " a\tb");
}

}  // namespace
}  // namespace extortrace::mail::detail
