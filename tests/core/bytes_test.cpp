#include "core/bytes.h"

#include <gtest/gtest.h>

#include "core/hex.h"

namespace extortrace {
namespace {

TEST(Hex, DigitValue) {
  EXPECT_EQ(HexDigitValue('0'), 0);
  EXPECT_EQ(HexDigitValue('9'), 9);
  EXPECT_EQ(HexDigitValue('a'), 10);
  EXPECT_EQ(HexDigitValue('F'), 15);
  for (char c : {'g', 'G', '/', ':', '@', '`', ' ', '\0', static_cast<char>(0xC3)}) {
    EXPECT_EQ(HexDigitValue(c), -1) << static_cast<int>(c);
  }
}

TEST(Hex, DecodeAndEncode) {
  auto b = HexDecode("00ffA0");
  ASSERT_TRUE(b.has_value());
  EXPECT_EQ(*b, (Bytes{0x00, 0xff, 0xa0}));
  EXPECT_EQ(HexEncode(*b), "00ffa0");
  EXPECT_FALSE(HexDecode("abc").has_value());
  auto bad = HexDecode("00zz");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().offset(), 2u);
}

}  // namespace
}  // namespace extortrace
