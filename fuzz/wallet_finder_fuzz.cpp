// FindWallets on arbitrary bytes: never crashes, spans stay inside the text,
// and every reported address validates on its own.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "wallet/finder.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (const auto& f : FindWallets(s)) {
    if (f.offset > size || f.length > size - f.offset || f.length == 0) std::abort();
    if (!ValidateAddress(f.wallet.address)) std::abort();
  }
  return 0;
}
