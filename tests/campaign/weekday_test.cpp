#include <gtest/gtest.h>

#include "campaign/stats.h"

namespace extortrace::campaign {
namespace {

TEST(WeekdayOf, MondayIsZero) {
  EXPECT_EQ(WeekdayOf("2024-03-11"), 0);  // a Monday
  EXPECT_EQ(WeekdayOf("2024-03-14"), 3);
  EXPECT_EQ(WeekdayOf("2024-03-17"), 6);
  EXPECT_EQ(WeekdayOf("1970-01-01"), 3);  // a Thursday
  EXPECT_EQ(WeekdayOf("2000-02-29"), 1);
  EXPECT_EQ(WeekdayOf("2024-13-01"), -1);
  EXPECT_EQ(WeekdayOf("yesterday"), -1);
}

}  // namespace
}  // namespace extortrace::campaign
