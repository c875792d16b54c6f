// QR code decoding from image files, for payment QR codes embedded in spam.
//
// Images are decoded with stb_image (PNG, JPEG, GIF first frame, BMP only;
// other formats are compiled out to keep the attack surface small), converted
// to 8-bit grey (transparent pixels composited over white), and scanned with
// zbar for QR symbols. Images above 20 MB or 20 megapixels are refused before
// any pixel is decoded. If nothing is found in a small image, it is retried
// enlarged, since zbar misses codes drawn with 1-2 pixel modules.
//
// Pure function (no globals written), thread-safe; never throws, never prints.
// The finder (finder.h) is meant to run on the returned strings.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

namespace extortrace::wallet {

inline constexpr size_t kQrMaxImageBytes = 20u * 1000 * 1000;
inline constexpr uint64_t kQrMaxPixels = 20u * 1000 * 1000;

// Returns the payload of every distinct QR code found, in zbar's order; an
// empty vector for undecodable, oversized or code-free images.
std::vector<std::string> DecodeQrCodes(std::span<const uint8_t> image_bytes);

// The gate DecodeQrCodes applies before decoding pixels: true if the bytes are
// a supported image header within both limits and, for JPEG, every Huffman
// table is well-formed (works around an out-of-bounds write in Debian 12's
// stb_image). Reads headers only, plus one linear pass over JPEG files.
bool QrImageWithinLimits(std::span<const uint8_t> image_bytes);

}  // namespace extortrace::wallet
