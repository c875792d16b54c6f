// The fast transfer decoders against GMime's on random content rich in the
// bytes that matter (padding, soft breaks, hex digits of both cases, line
// breaks, bytes outside the alphabet), and on the cases their contract names.
#include "mail/detail/transfer_decode.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace extortrace::mail::detail {
namespace {

std::string Random(std::mt19937* rng, std::string_view alphabet, size_t len) {
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string s;
  for (size_t i = 0; i < len; ++i) s.push_back(alphabet[pick(*rng)]);
  return s;
}

TEST(TransferDecode, MatchesGMimeOnRandomContent) {
  std::mt19937 rng(11);
  const std::string b64 = std::string("AQgw+/=\n\r \t-*\x80\xFF" "abc019", 20);
  const std::string qp = std::string("==aF09gG\n\r \t\x80\xFF\0x", 16);
  for (int round = 0; round < 100000; ++round) {
    size_t len = static_cast<size_t>(round % 10 == 0 ? round % 300 : round % 24);
    std::string a = Random(&rng, b64, len);
    ASSERT_EQ(DecodeBase64(a), DecodeBase64WithGMime(a)) << a;
    std::string q = Random(&rng, qp, len);
    ASSERT_EQ(DecodeQuotedPrintable(q), DecodeQuotedPrintableWithGMime(q)) << q;
  }
}

TEST(TransferDecode, Base64PaddingEndsTheContent) {
  EXPECT_EQ(DecodeBase64("SGVsbG8=\r\nIGlnbm9yZWQ="), "Hello");
  EXPECT_EQ(DecodeBase64("QQ==QUFB"), "A");
  EXPECT_EQ(DecodeBase64("QUE="), "AA");
  EXPECT_EQ(DecodeBase64("Q=QUFB"), "");
  EXPECT_EQ(DecodeBase64("QUFB\r\nQUFB"), "AAAAAA");
  EXPECT_EQ(DecodeBase64("QUFBQQ"), "AAA");  // an unfinished quad is dropped
}

TEST(TransferDecode, QuotedPrintableKeepsWhatItCannotDecode) {
  EXPECT_EQ(DecodeQuotedPrintable("caf=C3=a9"), "caf\xC3\xA9");
  EXPECT_EQ(DecodeQuotedPrintable("soft=\r\nbreak=\nhere"), "softbreakhere");
  EXPECT_EQ(DecodeQuotedPrintable("a=zz b= \nc"), "a=zz b= \nc");
  EXPECT_EQ(DecodeQuotedPrintable("end=4"), "end");
  EXPECT_EQ(DecodeQuotedPrintable("end="), "end");
}

}  // namespace
}  // namespace extortrace::mail::detail
