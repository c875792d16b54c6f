#include "core/utf8.h"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace extortrace
