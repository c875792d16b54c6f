#include "core/result.h"

#include <gtest/gtest.h>

namespace extortrace {
namespace {

TEST(Error, PredicatesFollowTheCode) {
  Error t = Error::Timeout("scan exceeded its time limit");
  EXPECT_TRUE(t.IsTimeout());
  EXPECT_FALSE(t.IsUnavailable());
  EXPECT_FALSE(t.IsInternal());
  EXPECT_EQ(t.ToString(), "timeout: scan exceeded its time limit");

  Error u = Error::Unavailable("busy: too many scans past their time limit");
  EXPECT_TRUE(u.IsUnavailable());
  EXPECT_FALSE(u.IsTimeout());
  EXPECT_EQ(ErrorCodeName(u.code()), "unavailable");

  // The context is for people; only the code decides.
  Error lying = Error::Internal("timeout: not really");
  EXPECT_FALSE(lying.IsTimeout());
  EXPECT_TRUE(lying.IsInternal());

  EXPECT_TRUE(Error::NotFound("x").IsNotFound());
  EXPECT_TRUE(Error::Io("x").IsIo());
  EXPECT_TRUE(Error::Corrupt("x").IsCorrupt());
  EXPECT_TRUE(Error::TooLarge("x").IsTooLarge());
  EXPECT_TRUE(Error::Unsupported("x").IsUnsupported());
  EXPECT_TRUE(Error::InvalidArgument("x").IsInvalidArgument());
}

TEST(Error, EveryCodeHasAName) {
  for (int c = 0; c <= static_cast<int>(ErrorCode::kUnavailable); ++c) {
    EXPECT_NE(ErrorCodeName(static_cast<ErrorCode>(c)), "unknown") << c;
  }
}

}  // namespace
}  // namespace extortrace
