// Ethereum / EIP-55: validation never crashes; an accepted address re-validates
// from its canonical spelling with a verified checksum.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wallet/address.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  (void)Eip55Checksum(s);
  if (auto a = ValidateAddress(s); a && a->currency == "ETH") {
    auto again = ValidateAddress(a->address);
    // A canonical EIP-55 spelling may still be single-case (e.g. all digits).
    if (!again || again->address != a->address) std::abort();
  }
  return 0;
}
