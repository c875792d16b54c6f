// Fuzzes standalone transaction parsing, txid/wtxid, and script
// classification; differential round trip: a parsed tx re-serialized by the
// synthetic builder must reproduce the input bytes exactly.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>

#include "chain/block_builder.h"
#include "chain/script.h"
#include "chain/tx.h"

using namespace extortrace::chain;
using extortrace::Bytes;
using extortrace::Status;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ByteSpan in(data, size);
  TxArena arena;
  if (!ParseTx(in, &arena)) {
    if (!arena.txs.empty() || !arena.inputs.empty() || !arena.outputs.empty()) std::abort();
    // Classify the bytes as a script too.
    (void)ScriptDestination(in, kTestnet);
    return 0;
  }
  const Tx& tx = arena.txs.at(0);
  Hash256 txid = ComputeTxid(tx);
  Hash256 wtxid = ComputeWtxid(tx);
  if (!tx.has_witness && txid != wtxid) std::abort();
  if (tx.StrippedSize() > tx.raw.size()) std::abort();

  TxSpec spec;
  spec.version = tx.version;
  spec.lock_time = tx.lock_time;
  for (const TxIn& i : arena.Inputs(tx)) {
    TxInSpec s;
    std::memcpy(s.prev_txid.data(), i.prev_txid, 32);
    s.prev_index = i.prev_index;
    s.script_sig.assign(i.script_sig.begin(), i.script_sig.end());
    s.sequence = i.sequence;
    for (ByteSpan w : arena.Witness(i)) s.witness.emplace_back(w.begin(), w.end());
    spec.inputs.push_back(std::move(s));
  }
  for (const TxOut& o : arena.Outputs(tx)) {
    spec.outputs.push_back({o.value, Bytes(o.script_pubkey.begin(), o.script_pubkey.end())});
    (void)ScriptDestination(o.script_pubkey);
  }
  if (TxidOf(spec) != txid) std::abort();
  // Witness-flagged txs whose stacks are all empty serialize without the
  // marker; everything else must round-trip byte for byte.
  if (spec.HasWitness() == tx.has_witness) {
    Bytes again = SerializeTx(spec);
    if (again.size() != size || std::memcmp(again.data(), data, size) != 0) std::abort();
  }
  return 0;
}
