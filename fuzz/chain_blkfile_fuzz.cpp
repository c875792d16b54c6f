// Fuzzes blk-file framing (magic/size frames, zero padding, resync after bad
// magic or sizes), with and without an XOR key taken from the input's first
// byte, then parses each framed block and orders the headers found.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <vector>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "chain/chain_order.h"

using namespace extortrace::chain;
using extortrace::Status;

namespace {
void Scan(ByteSpan file, const XorKey& key) {
  FrameScanner scanner(file, kMainnet.magic, key);
  std::vector<HeaderEntry> headers;
  Block block;
  size_t last_end = 0;
  for (int guard = 0; guard < 1 << 20; ++guard) {
    ByteSpan data;
    uint64_t offset = 0;
    auto r = scanner.Next(&data, &offset);
    if (!r) {
      if (r.error().offset() > file.size()) std::abort();
      continue;
    }
    if (!*r) return void(OrderChain(headers));
    // Frames come in file order, inside the file, without overlap.
    if (offset < last_end + 8 || offset + data.size() > file.size()) std::abort();
    last_end = offset + data.size();
    if (ParseBlock(data, &block)) {
      headers.push_back({block.hash, block.header.prev_hash, block.header.bits});
    }
  }
  std::abort();  // the scanner must make progress
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteSpan in(data, size);
  Scan(in, XorKey{});
  if (size > 0) {
    XorKey key{{data[0], 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77}};
    std::vector<uint8_t> obf(data, data + size);
    ApplyXor(obf, key, 0);
    Scan(obf, key);
  }
  return 0;
}
