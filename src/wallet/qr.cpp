// stb_image is compiled here (and only here), with static linkage so it
// cannot clash with another copy, and with only the formats spam uses. Debian
// also ships a prebuilt libstb, but compiling the decoder ourselves lets the
// fuzz build instrument it and drops the rarely needed, riskier decoders.
#define STB_IMAGE_IMPLEMENTATION
#define STB_IMAGE_STATIC
#define STBI_NO_STDIO
#define STBI_ONLY_PNG
#define STBI_ONLY_JPEG
#define STBI_ONLY_GIF
#define STBI_ONLY_BMP
#define STBI_NO_LINEAR
#define STBI_NO_HDR
#include "wallet/qr.h"

#include <stb/stb_image.h>
#include <zbar.h>

#include <algorithm>
#include <climits>
#include <memory>

namespace extortrace::wallet {
namespace {

// zbar.h puts its C API in namespace zbar when compiled as C++.
using namespace zbar;  // NOLINT(google-build-using-namespace): .cpp-local

struct StbiFree {
  void operator()(stbi_uc* p) const { stbi_image_free(p); }
};
struct ScannerFree {
  void operator()(zbar_image_scanner_t* s) const { zbar_image_scanner_destroy(s); }
};
struct ImageFree {
  void operator()(zbar_image_t* i) const { zbar_image_destroy(i); }
};

// Images whose longer side is below this are also tried enlarged.
constexpr int kSmallSide = 400;

void Scan(const std::vector<uint8_t>& grey, int w, int h, std::vector<std::string>* out) {
  std::unique_ptr<zbar_image_scanner_t, ScannerFree> scanner(zbar_image_scanner_create());
  std::unique_ptr<zbar_image_t, ImageFree> image(zbar_image_create());
  if (!scanner || !image) return;
  zbar_image_scanner_set_config(scanner.get(), ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  zbar_image_scanner_set_config(scanner.get(), ZBAR_QRCODE, ZBAR_CFG_TEST_INVERTED, 1);
  zbar_image_set_format(image.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar_image_set_size(image.get(), static_cast<unsigned>(w), static_cast<unsigned>(h));
  // zbar only reads the buffer; no cleanup handler, `grey` outlives `image`.
  zbar_image_set_data(image.get(), grey.data(), grey.size(), nullptr);
  if (zbar_scan_image(scanner.get(), image.get()) <= 0) return;
  for (const zbar_symbol_t* sym = zbar_image_first_symbol(image.get()); sym != nullptr;
       sym = zbar_symbol_next(sym)) {
    if (zbar_symbol_get_type(sym) != ZBAR_QRCODE) continue;
    std::string data(zbar_symbol_get_data(sym), zbar_symbol_get_data_length(sym));
    if (std::find(out->begin(), out->end(), data) == out->end()) out->push_back(std::move(data));
  }
}

std::vector<uint8_t> Enlarge(const std::vector<uint8_t>& grey, int w, int h, int factor) {
  std::vector<uint8_t> big(static_cast<size_t>(w) * factor * static_cast<size_t>(h) * factor);
  const size_t big_w = static_cast<size_t>(w) * factor;
  for (size_t y = 0; y < static_cast<size_t>(h) * factor; ++y) {
    const uint8_t* src = grey.data() + (y / factor) * static_cast<size_t>(w);
    uint8_t* dst = big.data() + y * big_w;
    for (size_t x = 0; x < big_w; ++x) dst[x] = src[x / factor];
  }
  return big;
}

// Debian 12's stb_image (2022-09 snapshot) builds a JPEG Huffman table without
// checking that the 16 code counts sum to at most 256, and writes past
// stbi__huffman::size[257] otherwise (found by wallet_qr_fuzz; upstream later
// added the check in stbi__build_huffman). stb reads every marker as FF (FF)*
// C4, so checking each "FF C4" in the file, wherever it occurs, covers every
// DHT segment stb can parse. A stray "FF C4" in metadata may reject a valid
// image; that is the safe side.
bool JpegHuffmanTablesSafe(std::span<const uint8_t> b) {
  if (b.size() < 2 || b[0] != 0xFF || b[1] != 0xD8) return true;  // not a JPEG
  for (size_t p = 0; p + 1 < b.size(); ++p) {
    if (b[p] != 0xFF || b[p + 1] != 0xC4) continue;
    if (p + 4 > b.size()) break;
    const size_t end = p + 2 + ((static_cast<size_t>(b[p + 2]) << 8) | b[p + 3]);
    size_t i = p + 4;
    while (i < end && i < b.size()) {
      size_t sum = 0;
      for (size_t k = 1; k <= 16 && i + k < b.size(); ++k) sum += b[i + k];
      if (sum > 256) return false;
      i += 17 + sum;
    }
  }
  return true;
}

}  // namespace

bool QrImageWithinLimits(std::span<const uint8_t> image_bytes) {
  if (image_bytes.empty() || image_bytes.size() > kQrMaxImageBytes) return false;
  // Before stbi_info, which already parses the Huffman tables of a JPEG.
  if (!JpegHuffmanTablesSafe(image_bytes)) return false;
  int w = 0, h = 0, comp = 0;
  if (!stbi_info_from_memory(image_bytes.data(), static_cast<int>(image_bytes.size()), &w, &h,
                             &comp)) {
    return false;
  }
  return w > 0 && h > 0 && static_cast<uint64_t>(w) * static_cast<uint64_t>(h) <= kQrMaxPixels;
}

std::vector<std::string> DecodeQrCodes(std::span<const uint8_t> image_bytes) {
  std::vector<std::string> out;
  if (!QrImageWithinLimits(image_bytes)) return out;
  const int len = static_cast<int>(image_bytes.size());
  int w = 0, h = 0, comp = 0;
  // Two channels: grey and alpha (255 where the image has no alpha).
  std::unique_ptr<stbi_uc, StbiFree> pixels(
      stbi_load_from_memory(image_bytes.data(), len, &w, &h, &comp, 2));
  if (!pixels || static_cast<uint64_t>(w) * static_cast<uint64_t>(h) > kQrMaxPixels) return out;
  const size_t n = static_cast<size_t>(w) * static_cast<size_t>(h);
  std::vector<uint8_t> grey(n);
  const stbi_uc* p = pixels.get();
  for (size_t i = 0; i < n; ++i) {
    const unsigned g = p[2 * i], a = p[2 * i + 1];
    grey[i] = static_cast<uint8_t>((g * a + 255u * (255u - a)) / 255u);  // over white
  }
  pixels.reset();
  Scan(grey, w, h, &out);
  const int side = std::max(w, h);
  if (out.empty() && side < kSmallSide) {
    const int factor = std::min(8, (2 * kSmallSide) / side);
    if (factor >= 2) Scan(Enlarge(grey, w, h, factor), w * factor, h * factor, &out);
  }
  return out;
}

}  // namespace extortrace::wallet
