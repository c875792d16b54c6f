// Synthetic blocks and transactions in the real wire format, for tests and
// demos (e.g. payments to a campaign's wallets that a tracer must find).
//
// Everything built here is marked synthetic: every coinbase scriptSig carries
// kSyntheticTag after its BIP-34 height, and blocks use the regtest target
// (bits 0x207fffff) with the nonce ground so the proof of work is valid there,
// which no mainnet block can be confused with. Serializers are pure functions;
// ChainBuilder is a plain value (not thread-safe).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "chain/script.h"
#include "chain/tx.h"
#include "core/bytes.h"
#include "core/result.h"

namespace extortrace::chain {

inline constexpr std::string_view kSyntheticTag = "/extortrace synthetic/";
inline constexpr uint32_t kRegtestBits = 0x207fffff;

struct TxInSpec {
  Hash256 prev_txid{};
  uint32_t prev_index = 0;
  Bytes script_sig;
  uint32_t sequence = 0xffffffff;
  std::vector<Bytes> witness;
};
struct TxOutSpec {
  int64_t value = 0;
  Bytes script_pubkey;
};
struct TxSpec {
  int32_t version = 2;
  std::vector<TxInSpec> inputs;
  std::vector<TxOutSpec> outputs;
  uint32_t lock_time = 0;
  bool HasWitness() const;
};

void AppendCompactSize(uint64_t n, Bytes* out);
// Segwit serialization (BIP-144) iff some input has a witness.
Bytes SerializeTx(const TxSpec& tx);
Bytes SerializeTxNoWitness(const TxSpec& tx);
Hash256 TxidOf(const TxSpec& tx);

// Coinbase paying `value` to `script_pubkey`; scriptSig = BIP-34 height push
// followed by kSyntheticTag.
TxSpec MakeCoinbase(int64_t height, int64_t value, Bytes script_pubkey);

struct BlockSpec {
  int32_t version = 0x20000000;
  Hash256 prev_hash{};
  uint32_t time = 0;
  uint32_t bits = kRegtestBits;
  std::vector<TxSpec> txs;  // txs[0] is the coinbase
};
// Serializes with the computed merkle root. If any tx has a witness, the
// coinbase gets the BIP-141 commitment output and a zero reserved value
// (the spec is copied, the caller's is untouched). With `grind`, the nonce is
// searched until the hash meets `bits` (fast for the regtest target).
Bytes SerializeBlock(const BlockSpec& block, bool grind = true);
// magic | LE size | block, as in blk?????.dat.
Bytes FrameBlock(ByteSpan block, const Network& net = kMainnet);

// Output scripts.
Bytes P2pkhScript(ByteSpan hash160);
Bytes P2shScript(ByteSpan hash160);
Bytes WitnessScript(int version, ByteSpan program);
// Script paying a base58 (P2PKH/P2SH) or bech32/bech32m address of `net`.
Result<Bytes> ScriptForAddress(std::string_view address, const Network& net = kMainnet);

// Builds a linear synthetic chain: each AddBlock() appends a coinbase for
// the next height, links to the previous block and returns the serialized
// block. Heights start at `first_height`.
class ChainBuilder {
 public:
  explicit ChainBuilder(int64_t first_height = 0, Hash256 parent = {}, uint32_t time = 1231006505)
      : height_(first_height), tip_(parent), time_(time) {}
  // `txs` excludes the coinbase; the coinbase pays 50 BTC to `miner_script`.
  Bytes AddBlock(std::vector<TxSpec> txs, const Bytes& miner_script);
  const Hash256& tip() const { return tip_; }
  int64_t next_height() const { return height_; }
  // The txid of the coinbase of the last block added.
  const Hash256& last_coinbase_txid() const { return last_coinbase_; }

 private:
  int64_t height_;
  Hash256 tip_;
  uint32_t time_;
  Hash256 last_coinbase_{};
};

}  // namespace extortrace::chain
