// Base58 / Base58Check: decoding never crashes, and decode(encode(x)) == x.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wallet/address.h"
#include "wallet/base58.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto dec = DecodeBase58(s)) {
    if (EncodeBase58(*dec) != s) std::abort();  // base58 is a bijection on its alphabet
  }
  if (auto payload = DecodeBase58Check(s)) {
    if (EncodeBase58Check(*payload) != s) std::abort();
  }
  (void)ValidateAddress(s);
  if (size <= 64) {
    auto back = DecodeBase58(EncodeBase58({data, size}));
    if (!back || back->size() != size || !std::equal(back->begin(), back->end(), data))
      std::abort();
  }
  return 0;
}
