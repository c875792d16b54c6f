#include "core/time.h"

#include <gtest/gtest.h>

#include <ctime>

namespace extortrace {
namespace {

TEST(Time, CivilDaysRoundTrip) {
  EXPECT_EQ(DaysFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DaysFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DaysFromCivil(1969, 12, 31), -1);
  for (int64_t d = -800000; d <= 800000; d += 37) {
    CivilDate c = CivilFromDays(d);
    ASSERT_EQ(DaysFromCivil(c.year, c.month, c.day), d);
  }
  CivilDate leap = CivilFromDays(DaysFromCivil(2024, 2, 29));
  EXPECT_EQ(leap.year, 2024);
  EXPECT_EQ(leap.month, 2u);
  EXPECT_EQ(leap.day, 29u);
}

TEST(Time, DayNumberAndString) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2019-01-04T10:00:00Z"), 17900);  // longer strings: the date prefix
  EXPECT_EQ(DayString(17900), "2019-01-04");
  EXPECT_EQ(DayString(-1), "1969-12-31");
  EXPECT_EQ(DayString(*DayNumber("2000-02-29")), "2000-02-29");
  for (const char* bad : {"", "2019-13-01", "2019-00-10", "2019-01-32", "2019/01/04", "19-01-04",
                          "2019-1-04xx", "-123-01-01", " 2019-01-0"}) {
    EXPECT_FALSE(DayNumber(bad).has_value()) << bad;
  }
  EXPECT_EQ(DayOfUnix(0), 0);
  EXPECT_EQ(DayOfUnix(86399), 0);
  EXPECT_EQ(DayOfUnix(-1), -1);
  EXPECT_EQ(DayOfUnix(-86400), -1);
  EXPECT_EQ(DayOfUnix(-86401), -2);
  EXPECT_EQ(WeekdayOfDay(0), 3);                         // Thursday
  EXPECT_EQ(WeekdayOfDay(*DayNumber("2024-03-11")), 0);  // Monday
  EXPECT_EQ(WeekdayOfDay(*DayNumber("2024-03-17")), 6);  // Sunday
  EXPECT_EQ(WeekdayOfDay(-1), 2);                        // Wednesday 1969-12-31
  EXPECT_EQ(WeekdayOfDay(-7), 3);
}

TEST(Time, ParsesRfc3339) {
  EXPECT_EQ(ParseRfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseRfc3339("2024-03-14T10:00:00+09:00"), 1710378000);
  EXPECT_EQ(ParseRfc3339("2024-03-14t01:00:00.123z"), 1710378000);
  EXPECT_EQ(ParseRfc3339("2024-03-14 01:00:00Z"), 1710378000);
  EXPECT_EQ(ParseRfc3339("2024-03-13T20:00:00-05:00"), 1710378000);
  for (const char* bad :
       {"2024-03-14", "2024-03-14T01:00:00", "2024-03-14T01:00:00+0900", "2024-03-14T24:00:00Z",
        "2024-03-14T01:00:00Zx", "2024-03-14T01:00:00+0a:00", "2024-03-14X01:00:00Z"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

TEST(Time, Rfc3339UtcMatchesGmtime) {
  EXPECT_EQ(Rfc3339Utc(0), "1970-01-01T00:00:00Z");
  EXPECT_EQ(Rfc3339Utc(1710378000), "2024-03-14T01:00:00Z");
  EXPECT_EQ(Rfc3339Utc(-1), "1969-12-31T23:59:59Z");
  for (int64_t t = -2000000000; t < 4000000000; t += 86399 * 97 + 12345) {
    std::time_t tt = static_cast<std::time_t>(t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    ASSERT_EQ(Rfc3339Utc(t), buf) << t;
    ASSERT_EQ(ParseRfc3339(buf), t);
  }
}

}  // namespace
}  // namespace extortrace
