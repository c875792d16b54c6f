// The fast transfer decoders against GMime's on random content rich in the
// bytes that matter (padding, soft breaks, hex digits of both cases, line
// breaks, bytes outside the alphabet), and on the cases their contract names.
#include "mail/detail/transfer_decode.h"

#include <gtest/gtest.h>

#include <cstdint>
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
  const std::string b64 = std::string(
      "AQgw+/=\n\r \t-*\x80\xFF"
      "abc019",
      20);
  const std::string qp = std::string("==aF09gG\n\r \t\x80\xFF\0x", 16);
  for (int round = 0; round < 100000; ++round) {
    size_t len = static_cast<size_t>(round % 10 == 0 ? round % 300 : round % 24);
    std::string a = Random(&rng, b64, len);
    ASSERT_EQ(DecodeBase64(a), DecodeBase64WithGMime(a)) << a;
    std::string q = Random(&rng, qp, len);
    ASSERT_EQ(DecodeQuotedPrintable(q), DecodeQuotedPrintableWithGMime(q)) << q;
  }
}

// Well-formed base64 of random bytes, in lines of 76 with CR LF, padded or
// not: the whole-quad path.
TEST(TransferDecode, MatchesGMimeOnWellFormedBase64) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::mt19937 rng(17);
  for (int round = 0; round < 2000; ++round) {
    std::string bytes;
    for (int i = round % 500; i > 0; --i) bytes.push_back(static_cast<char>(rng()));
    std::string b64;
    for (size_t i = 0; i < bytes.size(); i += 3) {
      uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
      if (i + 1 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 1]) << 8;
      if (i + 2 < bytes.size()) v |= static_cast<uint8_t>(bytes[i + 2]);
      b64.push_back(kAlphabet[v >> 18]);
      b64.push_back(kAlphabet[(v >> 12) & 63]);
      b64.push_back(i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63] : '=');
      b64.push_back(i + 2 < bytes.size() ? kAlphabet[v & 63] : '=');
      if ((i / 3 + 1) % 19 == 0) b64 += "\r\n";
    }
    if (round % 2) b64 += "\r\n";
    ASSERT_EQ(DecodeBase64(b64), bytes);
    ASSERT_EQ(DecodeBase64(b64), DecodeBase64WithGMime(b64));
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
