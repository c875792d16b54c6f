#include "core/csv.h"

#include <gtest/gtest.h>

namespace extortrace {
namespace {

TEST(Csv, PlainRowsAndLineEndings) {
  auto rows = ParseCsvRows("Date,Close\n2024-01-01,42000.5\r\n2024-01-02,43000\r2024-01-03,1");
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[0], (CsvRow{"Date", "Close"}));
  EXPECT_EQ(rows[1], (CsvRow{"2024-01-01", "42000.5"}));
  EXPECT_EQ(rows[2], (CsvRow{"2024-01-02", "43000"}));
  EXPECT_EQ(rows[3], (CsvRow{"2024-01-03", "1"}));
}

TEST(Csv, QuotedFieldsPerRfc4180) {
  auto rows = ParseCsvRows("id,description\n7,\"say \"\"pay\"\", now\"\n8,\"two\nlines\"\n");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1], (CsvRow{"7", "say \"pay\", now"}));
  EXPECT_EQ(rows[2], (CsvRow{"8", "two\nlines"}));
  EXPECT_EQ(ParseCsvRows("\"Date\",\"Close\"")[0], (CsvRow{"Date", "Close"}));
}

TEST(Csv, EmptyFieldsBlankLinesAndUnterminatedQuotes) {
  auto rows = ParseCsvRows("\n\na,,c,\n\r\n,\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (CsvRow{"a", "", "c", ""}));
  EXPECT_EQ(rows[1], (CsvRow{"", ""}));
  EXPECT_EQ(ParseCsvRows("\"\"")[0], CsvRow{""});  // one empty quoted field
  EXPECT_EQ(ParseCsvRows("a\"b,c\"d")[0], CsvRow{"ab,cd"});
  EXPECT_EQ(ParseCsvRows("x,\"open\nrest")[0], (CsvRow{"x", "open\nrest"}));
  EXPECT_TRUE(ParseCsvRows("").empty());
}

}  // namespace
}  // namespace extortrace
