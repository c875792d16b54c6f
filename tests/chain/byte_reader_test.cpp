#include "chain/byte_reader.h"

#include <gtest/gtest.h>

#include <vector>

namespace extortrace::chain {
namespace {

TEST(ByteReader, LittleEndianAndStickyFailure) {
  std::vector<uint8_t> d = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09};
  ByteReader r(d);
  EXPECT_EQ(r.U8(), 0x01);
  EXPECT_EQ(r.U32(), 0x05040302u);
  EXPECT_EQ(r.U16(), 0x0706);
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(r.U32(), 0u);  // only 2 bytes left
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.pos(), 7u);  // position unchanged by the failed read
  EXPECT_EQ(r.U8(), 0);    // sticky
  EXPECT_TRUE(r.Bytes(1).empty());
}

TEST(ByteReader, CompactSize) {
  struct Case {
    std::vector<uint8_t> bytes;
    uint64_t value;
    bool ok;
  };
  const Case cases[] = {
      {{0x00}, 0, true},
      {{0xfc}, 0xfc, true},
      {{0xfd, 0xfd, 0x00}, 0xfd, true},
      {{0xfd, 0xfc, 0x00}, 0, false},  // non-canonical
      {{0xfe, 0x00, 0x00, 0x01, 0x00}, 0x10000, true},
      {{0xfe, 0xff, 0xff, 0x00, 0x00}, 0, false},  // non-canonical
      {{0xfe, 0x00, 0x00, 0x00, 0x10}, 0, false},  // above MAX_SIZE
      {{0xff, 1, 2, 3, 4, 5, 6, 7, 8}, 0, false},  // above MAX_SIZE
      {{0xfd, 0x01}, 0, false},                    // truncated
      {{}, 0, false},
  };
  for (const Case& c : cases) {
    ByteReader r(c.bytes);
    EXPECT_EQ(r.CompactSize(), c.value);
    EXPECT_EQ(r.ok(), c.ok);
  }
  std::vector<uint8_t> v = {0x03, 'a', 'b', 'c', 0x05, 'x'};
  ByteReader r(v);
  EXPECT_EQ(r.VarBytes().size(), 3u);
  EXPECT_TRUE(r.VarBytes().empty());  // declares 5, has 1
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace extortrace::chain
