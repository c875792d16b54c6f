// Transactions in the Bitcoin wire format, legacy and segwit (BIP-144).
//
// Data model: a parsed transaction does not copy bytes. Scripts, witness
// items and prevout txids are spans/pointers into the caller's buffer, and the
// per-input / per-output records of many transactions live in the flat,
// reusable vectors of one TxArena (a Tx stores index ranges into them). So a
// whole block parses without per-transaction heap allocations once the
// arena's vectors have grown, and Clear() keeps their capacity for the next
// block.
//
// Lifetime: every span and pointer in TxIn/TxOut/Tx/TxArena is valid only
// while the parsed buffer is alive and unmodified.
// Thread-safety: parsing functions are reentrant; a TxArena is a plain value
// (no internal synchronization).
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "chain/byte_reader.h"
#include "core/result.h"
#include "crypto/hash.h"

namespace extortrace::chain {

using crypto::Hash256;

// Hashes are shown byte-reversed (the way explorers and Bitcoin Core print
// txids and block hashes); in memory and on the wire they are in internal order.
std::string HashToHex(const Hash256& hash);
Result<Hash256> HashFromHex(std::string_view hex);
inline Hash256 HashAt(const uint8_t* p) {
  Hash256 h;
  std::memcpy(h.data(), p, h.size());
  return h;
}

struct TxIn {
  const uint8_t* prev_txid = nullptr;  // 32 bytes, internal order, in the buffer
  uint32_t prev_index = 0;
  uint32_t sequence = 0;
  ByteSpan script_sig;
  uint32_t witness_begin = 0;  // index into TxArena::witness_items
  uint32_t witness_count = 0;

  Hash256 PrevTxid() const { return HashAt(prev_txid); }
  // A coinbase input spends the null outpoint (zero txid, index 0xffffffff).
  bool IsNullPrevout() const;
};

struct TxOut {
  int64_t value = 0;  // satoshis, as found (not range-checked)
  ByteSpan script_pubkey;
};

struct Tx {
  ByteSpan raw;                 // full serialization, witness included
  uint32_t witness_offset = 0;  // offset in raw of the witness data (segwit only)
  int32_t version = 0;
  uint32_t lock_time = 0;
  uint32_t input_begin = 0, input_count = 0;    // range in TxArena::inputs
  uint32_t output_begin = 0, output_count = 0;  // range in TxArena::outputs
  bool has_witness = false;

  // Size of the non-witness serialization (what the txid commits to).
  size_t StrippedSize() const { return has_witness ? raw.size() - 2 - WitnessSize() : raw.size(); }
  size_t WitnessSize() const { return has_witness ? raw.size() - 4 - witness_offset : 0; }
  // BIP-141 weight: stripped * 3 + total.
  size_t Weight() const { return StrippedSize() * 3 + raw.size(); }
};

struct TxArena {
  std::vector<Tx> txs;
  std::vector<TxIn> inputs;
  std::vector<TxOut> outputs;
  std::vector<ByteSpan> witness_items;

  void Clear() {
    txs.clear();
    inputs.clear();
    outputs.clear();
    witness_items.clear();
  }
  std::span<const TxIn> Inputs(const Tx& tx) const {
    return {inputs.data() + tx.input_begin, tx.input_count};
  }
  std::span<const TxOut> Outputs(const Tx& tx) const {
    return {outputs.data() + tx.output_begin, tx.output_count};
  }
  std::span<const ByteSpan> Witness(const TxIn& in) const {
    return {witness_items.data() + in.witness_begin, in.witness_count};
  }
  bool IsCoinbase(const Tx& tx) const {
    return tx.input_count == 1 && inputs[tx.input_begin].IsNullPrevout();
  }
};

// Parses one transaction at the reader's position and appends it to `arena`.
// On failure returns false, the reader is failed, and the arena is left with
// the partial records removed. Limits: counts are bounded by what the
// remaining bytes could hold, so hostile counts cannot force big allocations.
bool ReadTx(ByteReader& reader, TxArena* arena);

// Parses a standalone transaction that must span all of `data` exactly
// (trailing bytes are an error) and appends it to `arena`. On failure the
// arena is unchanged. Errors carry the byte offset.
Status ParseTx(ByteSpan data, TxArena* arena);

// txid: double SHA-256 of the serialization without marker, flag and witness.
// `scratch` is reused to assemble the stripped bytes of segwit transactions.
Hash256 ComputeTxid(const Tx& tx, std::vector<uint8_t>* scratch);
Hash256 ComputeTxid(const Tx& tx);
// wtxid: double SHA-256 of the full serialization (equals txid without witness).
Hash256 ComputeWtxid(const Tx& tx);

}  // namespace extortrace::chain
