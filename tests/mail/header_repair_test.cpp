#include "mail/detail/header_repair.h"

#include <gtest/gtest.h>

namespace extortrace::mail::detail {
namespace {

TEST(HeaderRepair, JoinsHeaderParagraphsThatSupplyCoreFields) {
  std::string raw =
      "Received: from a by b\r\n\r\nReceived: from c by d\r\n\r\n"
      "From: x@y.z\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n";
  auto fixed = RepairSplitHeader(raw);
  ASSERT_TRUE(fixed.has_value());
  EXPECT_EQ(*fixed,
            "Received: from a by b\r\nReceived: from c by d\r\n"
            "From: x@y.z\r\nSubject: hi\r\nContent-Type: text/plain\r\n\r\nHello there.\r\n");
}

TEST(HeaderRepair, LeavesNormalMessagesAlone) {
  EXPECT_FALSE(RepairSplitHeader("From: a@b\nSubject: s\n\nName: Bob\nPhone: 1\n").has_value());
  // A body that is not header-like is never pulled into the header.
  EXPECT_FALSE(RepairSplitHeader("Received: x\n\nDear friend,\nFrom: me\n").has_value());
}

}  // namespace
}  // namespace extortrace::mail::detail
