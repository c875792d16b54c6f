// Bech32/Bech32m and segwit: decoding never crashes; valid decodes re-encode
// to the lowercased input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "wallet/bech32.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  std::string lower;
  for (char c : s) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
  if (auto dec = DecodeBech32(s)) {
    if (EncodeBech32(dec->encoding, dec->hrp, dec->data) != lower) std::abort();
  }
  for (const char* hrp : {"bc", "tb", "ltc"}) {
    if (auto prog = DecodeSegwitAddress(hrp, s)) {
      auto enc = EncodeSegwitAddress(hrp, prog->version, prog->program);
      if (!enc || *enc != lower) std::abort();
    }
  }
  return 0;
}
