// Fuzzes block parsing and everything run on a parsed block: merkle and
// witness commitment checks, BIP-34 height, script classification. Also a
// differential check: the light VisitBlock API must see the same
// transactions as the full ParseBlock.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "chain/block.h"
#include "chain/script.h"

using namespace extortrace::chain;
using extortrace::Status;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteSpan in(data, size);
  Block block;
  Status s = ParseBlock(in, &block);
  TxArena scratch;
  size_t visited = 0;
  bool same = true;
  Status v = VisitBlock(in, &scratch, [&](const TxArena&, const Tx& tx, size_t i) {
    if (s && (i >= block.txs().size() || tx.raw.data() != block.txs()[i].raw.data())) {
      same = false;
    }
    ++visited;
    return true;
  });
  if (s) {
    // A block that parses fully must also visit fully (visit ignores trailing bytes).
    if (!v || visited != block.txs().size() || !same) std::abort();
    std::vector<Hash256> txids;
    (void)CheckMerkleRoot(block, &txids);
    (void)CheckWitnessCommitment(block);
    (void)Bip34Height(block);
    (void)CheckProofOfWork(block.hash, block.header.bits);
    for (const TxOut& out : block.arena.outputs) {
      Destination d = ScriptDestination(out.script_pubkey);
      if (d.kind == ScriptKind::kNullData && !d.addresses.empty()) std::abort();
    }
  }
  return 0;
}
