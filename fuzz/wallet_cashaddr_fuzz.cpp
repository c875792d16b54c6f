// CashAddr: decoding never crashes; valid decodes re-encode to the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "wallet/address.h"
#include "wallet/cashaddr.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::wallet;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  if (auto dec = DecodeCashAddr(s)) {
    std::string lower;
    for (char c : s) lower.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c);
    if (lower.find(':') == std::string::npos) lower = "bitcoincash:" + lower;
    if (EncodeCashAddr(dec->prefix, dec->type, dec->hash) != lower) std::abort();
  }
  (void)ValidateAddress(s);
  return 0;
}
