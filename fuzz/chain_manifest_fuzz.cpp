// Fuzzes the index manifest parser (index_manifest.h); differential round
// trip: whatever parses must format back to text that parses to the same
// manifest, byte for byte when formatted again.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "chain/index_manifest.h"

using namespace extortrace::chain;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto m = ParseManifest(text, "fuzz");
  if (!m) return 0;
  const std::string once = FormatManifest(*m);
  auto again = ParseManifest(once, "fuzz");
  if (!again) std::abort();
  if (FormatManifest(*again) != once) std::abort();
  if (again->txid_main_count + again->txid_delta_count != again->txs) std::abort();
  return 0;
}
