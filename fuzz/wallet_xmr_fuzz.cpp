// Monero base58 and addresses: decoding never crashes; round trips hold.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wallet/monero.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto dec = DecodeMoneroBase58(s)) {
    if (EncodeMoneroBase58(*dec) != s) std::abort();
  }
  if (auto a = DecodeMoneroAddress(s)) {
    if (EncodeMoneroAddress(a->kind, a->network, a->spend_key, a->view_key, a->payment_id) != s) {
      std::abort();
    }
  }
  if (size <= 128) {
    auto back = DecodeMoneroBase58(EncodeMoneroBase58({data, size}));
    if (!back || back->size() != size || !std::equal(back->begin(), back->end(), data))
      std::abort();
  }
  return 0;
}
