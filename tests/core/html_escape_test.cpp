#include "core/html_escape.h"

#include <gtest/gtest.h>

namespace extortrace {
namespace {

TEST(HtmlEscape, EscapesMarkupQuotesAndAmpersands) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("a&b \"c\" 'd'"), "a&amp;b &quot;c&quot; &#39;d&#39;");
  EXPECT_EQ(HtmlEscape("&amp;"), "&amp;amp;");  // escaped once more, never decoded
  EXPECT_EQ(HtmlEscape(""), "");
}

TEST(HtmlEscape, ReplacesEveryBidiControl) {
  for (char32_t c : {0x061C, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067,
                     0x2068, 0x2069}) {
    EXPECT_TRUE(IsBidiControl(c)) << std::hex << static_cast<uint32_t>(c);
  }
  EXPECT_FALSE(IsBidiControl(0x200B));  // zero-width space does not reorder
  EXPECT_FALSE(IsBidiControl(0x2029));
  EXPECT_FALSE(IsBidiControl(0x206A));
  EXPECT_EQ(HtmlEscape("invoice\u202Egpj.exe"), "invoice\uFFFDgpj.exe");
  EXPECT_EQ(HtmlEscape("\u2066a\u2069\u200Eb\u200F"), "\uFFFDa\uFFFD\uFFFDb\uFFFD");
}

TEST(HtmlEscape, ReplacesControlsAndKeepsTabNewline) {
  EXPECT_EQ(HtmlEscape("a\x01"
                       "b\x7f"
                       "c"),
            "a\uFFFDb\uFFFDc");
  EXPECT_EQ(HtmlEscape("a\u0085b"), "a\uFFFDb");  // C1 NEL
  EXPECT_EQ(HtmlEscape("line\nnext\ttab"), "line\nnext\ttab");
}

TEST(HtmlEscape, ReplacesIllFormedUtf8AndKeepsWellFormed) {
  EXPECT_EQ(HtmlEscape("\xff"), "\uFFFD");
  EXPECT_EQ(HtmlEscape("a\xC0\x80z"), "a\uFFFD\uFFFDz");        // overlong NUL
  EXPECT_EQ(HtmlEscape("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // surrogate
  EXPECT_EQ(HtmlEscape("\xE3\x81"), "\uFFFD\uFFFD");            // truncated
  EXPECT_EQ(HtmlEscape("\u3042\u3044 \U0001F600"), "\u3042\u3044 \U0001F600");
}

}  // namespace
}  // namespace extortrace
