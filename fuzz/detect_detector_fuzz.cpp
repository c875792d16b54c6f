// Fuzz the whole detector on arbitrary text used as both the normalized and
// the folded view: no crash, offsets inside the text, score in [0, 1].
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "detect/detector.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  std::vector<extortrace::record::WalletFinding> wallets(1);
  wallets[0].currency = "BTC";
  wallets[0].address = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
  wallets[0].offset = static_cast<uint32_t>(size / 2);
  extortrace::detect::Input in;
  in.text = text;
  in.folded = text;
  in.wallets = size % 3 == 0 ? nullptr : &wallets;
  extortrace::detect::Verdict v = extortrace::detect::Detect(in);
  if (v.score < 0 || v.score > 1) std::abort();
  for (const extortrace::record::Reason& r : v.reasons) {
    if (r.offset > size) std::abort();
  }
  if (v.extortion && v.category == extortrace::record::Category::kNone) std::abort();
  return 0;
}
