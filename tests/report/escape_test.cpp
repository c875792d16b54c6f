#include "report/escape.h"

#include <gtest/gtest.h>

#include "report/ids.h"

namespace extortrace::report {
namespace {

TEST(HtmlEscapeTest, EscapesMarkupAndQuotes) {
  EXPECT_EQ(HtmlEscape("<script>alert(1)</script>"), "&lt;script&gt;alert(1)&lt;/script&gt;");
  EXPECT_EQ(HtmlEscape("a&b \"c\" 'd'"), "a&amp;b &quot;c&quot; &#39;d&#39;");
}

TEST(HtmlEscapeTest, ReplacesControlsBidiOverridesAndBadUtf8) {
  EXPECT_EQ(HtmlEscape("a\x01"
                       "b"),
            "a\uFFFDb");
  EXPECT_EQ(HtmlEscape("x\u202Egpj.exe"), "x\uFFFDgpj.exe");
  EXPECT_EQ(HtmlEscape("\xff"), "\uFFFD");
  EXPECT_EQ(HtmlEscape("line\nnext\ttab"), "line\nnext\ttab");
  EXPECT_EQ(HtmlEscape("\u3042\u3044"), "\u3042\u3044");
}

TEST(CsvFieldTest, QuotesAndDefusesFormulas) {
  EXPECT_EQ(CsvField("plain"), "plain");
  EXPECT_EQ(CsvField("a,b"), "\"a,b\"");
  EXPECT_EQ(CsvField("say \"hi\""), "\"say \"\"hi\"\"\"");
  EXPECT_EQ(CsvField("line\nbreak"), "\"line\nbreak\"");
  EXPECT_EQ(CsvField("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
  EXPECT_EQ(CsvField("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(CsvField("-12.5", /*numeric=*/true), "-12.5");
}

TEST(DisplayWidthTest, CountsWideAndZeroWidth) {
  EXPECT_EQ(DisplayWidth("abc"), 3u);
  EXPECT_EQ(DisplayWidth("\u3042\u3044"), 4u);
  EXPECT_EQ(DisplayWidth("a\u200Bb"), 2u);
  EXPECT_EQ(FitWidth("\u3042\u3044\u3046\u3048", 5), "\u3042\u3044\u2026");
  EXPECT_EQ(FitWidth("abc", 3), "abc");
  EXPECT_EQ(FitWidth("a\x1b[31mb", 10), "a [31mb");
}

TEST(UuidV5Test, MatchesRfcVector) {
  // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
  EXPECT_EQ(UuidV5("6ba7b810-9dad-11d1-80b4-00c04fd430c8", "python.org"),
            "886313e1-3b8a-5372-9b90-0c9aee199e5d");
}

TEST(TimeTest, ParsesRfc3339WithOffsets) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseRfc3339("2024-03-14T10:00:00+09:00"), 1710378000);
  EXPECT_EQ(ParseRfc3339("2024-03-14T01:00:00.123Z"), 1710378000);
  EXPECT_EQ(ParseRfc3339("2024-03-13T20:00:00-05:00"), 1710378000);
  EXPECT_FALSE(ParseRfc3339("2024-03-14"));
  EXPECT_FALSE(ParseRfc3339("garbage that is long enough"));
  EXPECT_EQ(StixTimestamp(1710378000), "2024-03-14T01:00:00.000Z");
  EXPECT_EQ(UtcDate(1710378000), "2024-03-14");
  EXPECT_EQ(DayNumber("1970-01-02"), 1);
  EXPECT_EQ(DayString(19796), "2024-03-14");
}

}  // namespace
}  // namespace extortrace::report
