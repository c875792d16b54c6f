#include "wallet/qr.h"

#include <gtest/gtest.h>

#include <string>

#include "core/bytes.h"
#include "wallet/finder.h"

namespace extortrace::wallet {
namespace {

// Fixtures were made once with qrencode (and re-encoded to JPEG/BMP/GIF); the
// tests only read them.
std::string Fixture(const char* name) {
  auto data = ReadFile(std::string(ET_SOURCE_DIR) + "/tests/wallet/data/" + name);
  EXPECT_TRUE(data.has_value()) << name;
  return data ? *data : std::string();
}

struct Case {
  const char* file;
  const char* payload;
};

constexpr Case kCases[] = {
    {"qr_bitcoin_uri.png", "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.05"},
    {"qr_bech32.jpg", "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4"},
    {"qr_monero.bmp",
     "monero:42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8cwX7B5"
     "WuZAxw2YbQ"},
    {"qr_eth.gif", "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed"},
    // Dark modules on a transparent (alpha 0, black) background.
    {"qr_cashaddr_transparent.png", "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"},
};

TEST(DecodeQrCodes, DecodesEachFormat) {
  for (const auto& c : kCases) {
    std::string bytes = Fixture(c.file);
    auto codes = DecodeQrCodes(AsBytes(bytes));
    ASSERT_EQ(codes.size(), 1u) << c.file;
    EXPECT_EQ(codes[0], c.payload) << c.file;
    EXPECT_EQ(FindWallets(codes[0]).size(), 1u) << c.file;
  }
}

TEST(DecodeQrCodes, GarbageAndTruncatedInput) {
  EXPECT_TRUE(DecodeQrCodes({}).empty());
  EXPECT_TRUE(DecodeQrCodes(AsBytes("not an image at all")).empty());
  std::string png = Fixture("qr_bitcoin_uri.png");
  EXPECT_TRUE(DecodeQrCodes(AsBytes(std::string_view(png).substr(0, png.size() / 2))).empty());
}

// A PNG signature and IHDR chunk declaring the given size (no pixel data).
std::string PngHeader(uint32_t w, uint32_t h) {
  std::string s = "\x89PNG\r\n\x1a\n";
  s += std::string("\0\0\0\x0dIHDR", 8);
  for (uint32_t v : {w, h}) {
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>(v >> shift));
  }
  s += std::string("\x08\x00\x00\x00\x00", 5);  // 8-bit grey
  s += std::string(4, '\0');                    // CRC (stb_image does not check it)
  return s;
}

TEST(DecodeQrCodes, RefusesHugeImagesBeforeDecoding) {
  EXPECT_TRUE(QrImageWithinLimits(AsBytes(PngHeader(4000, 5000))));   // 20 MP
  EXPECT_FALSE(QrImageWithinLimits(AsBytes(PngHeader(4000, 5001))));  // just over
  EXPECT_FALSE(QrImageWithinLimits(AsBytes(PngHeader(100000, 100000))));
  std::string big = PngHeader(10, 10);
  big.resize(kQrMaxImageBytes + 1, '\0');
  EXPECT_FALSE(QrImageWithinLimits(AsBytes(big)));
  EXPECT_TRUE(DecodeQrCodes(AsBytes(PngHeader(4000, 5001))).empty());
}

}  // namespace
}  // namespace extortrace::wallet

namespace extortrace::wallet {
namespace {

TEST(DecodeQrCodes, RejectsJpegWithOversizedHuffmanTable) {
  // The JPEG fixture with an extra DHT segment right after SOI whose 16 code
  // counts sum to 257 (> 256 symbols): stb_image would write out of bounds.
  const std::string good = Fixture("qr_bech32.jpg");
  ASSERT_TRUE(QrImageWithinLimits(AsBytes(good)));
  std::string dht = "\xff\xc4";
  dht += std::string("\x01\x14", 2);  // segment length 276 = 2 + 17 + 257
  dht += '\x00';                      // class 0 (DC), table 0
  // A prefix code stb accepts: 255 codes of length 9 and 2 of length 10.
  dht += std::string(8, '\x00') + "\xff\x02" + std::string(6, '\x00');
  dht += std::string(257, '\x00');
  std::string bad = good.substr(0, 2) + dht + good.substr(2);
  EXPECT_FALSE(QrImageWithinLimits(AsBytes(bad)));
  EXPECT_TRUE(DecodeQrCodes(AsBytes(bad)).empty());
}

}  // namespace
}  // namespace extortrace::wallet
