// QR decoding of arbitrary image bytes (stb_image + zbar): never crashes.
#include <cstddef>
#include <cstdint>

#include "wallet/qr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  // Keep inputs small so each run is fast; size limits are unit-tested.
  if (size > 256 * 1024) return 0;
  (void)extortrace::wallet::DecodeQrCodes({data, size});
  return 0;
}
