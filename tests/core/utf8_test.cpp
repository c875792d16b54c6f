#include "core/utf8.h"

#include <gtest/gtest.h>

#include <iterator>
#include <random>
#include <string>
#include <string_view>

namespace extortrace {
namespace {

TEST(Utf8, RejectsOverlongAndSurrogates) {
  EXPECT_EQ(Utf8SequenceLength("\xC0\x80"), 0u);          // overlong NUL
  EXPECT_EQ(Utf8SequenceLength("\xED\xA0\x80"), 0u);      // surrogate
  EXPECT_EQ(Utf8SequenceLength("\xF4\x90\x80\x80"), 0u);  // > U+10FFFF
  EXPECT_EQ(Utf8SequenceLength("\xE3\x81"), 0u);          // truncated
  EXPECT_EQ(Utf8SequenceLength("\xE3\x81\x82"), 3u);
}

TEST(Utf8, NextAndAppendRoundTrip) {
  std::string s;
  for (char32_t cp : {U'a', U'\u00e9', U'\u3042', U'\U0001F600'}) Utf8Append(cp, &s);
  size_t pos = 0;
  EXPECT_EQ(Utf8Next(s, &pos), U'a');
  EXPECT_EQ(Utf8Next(s, &pos), U'\u00e9');
  EXPECT_EQ(Utf8Next(s, &pos), U'\u3042');
  EXPECT_EQ(Utf8Next(s, &pos), U'\U0001F600');
  EXPECT_EQ(pos, s.size());
  EXPECT_TRUE(IsValidUtf8(s));
  EXPECT_EQ(SanitizeUtf8("a\xffz"), "a\xEF\xBF\xBDz");
}

// IsValidUtf8 and IsAscii step over eight and 32 bytes at a time: checked
// against byte-by-byte definitions on random mixes of ASCII runs and UTF-8
// sequences, whole or broken, at every length and offset.
TEST(Utf8, WordAtATimeScansMatchTheirDefinitions) {
  auto ref_valid = [](std::string_view v) {
    for (size_t i = 0; i < v.size();) {
      size_t len = Utf8SequenceLength(v.substr(i));
      if (len == 0) return false;
      i += len;
    }
    return true;
  };
  auto ref_ascii = [](std::string_view v) {
    for (char c : v) {
      if (static_cast<unsigned char>(c) >= 0x80) return false;
    }
    return true;
  };
  const std::string pieces[] = {
      "a",    "abcdefgh", " ",    "\xC3\xA9",    "\xE3\x81\x82", "\xF0\x9F\x98\x80",
      "\xC3", "\x80",     "\xFF", "\xED\xA0\x80"};
  std::mt19937 rng(29);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    const int n = static_cast<int>(rng() % 12);
    for (int k = 0; k < n; ++k) s += pieces[rng() % (rng() % 4 == 0 ? std::size(pieces) : 3)];
    const size_t skip = rng() % 3;
    std::string_view v = std::string_view(s).substr(skip < s.size() ? skip : 0);
    ASSERT_EQ(IsValidUtf8(v), ref_valid(v)) << v;
    ASSERT_EQ(IsAscii(v), ref_ascii(v)) << v;
  }
}

}  // namespace
}  // namespace extortrace
