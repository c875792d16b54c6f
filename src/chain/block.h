// Blocks: the 80-byte header, the block hash, the transaction list, merkle
// roots, coinbase and BIP-34 height.
//
// ParseBlock() fills a caller-owned Block whose vectors are reused between
// calls (no per-transaction allocation once warm). Lifetime: all spans and
// pointers in Block refer to the parsed buffer and are valid only while that
// buffer is alive and unmodified. Thread-safety: functions are reentrant; use
// one Block per thread.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <vector>

#include "chain/tx.h"
#include "core/result.h"

namespace extortrace::chain {

inline constexpr size_t kHeaderSize = 80;
// Bitcoin Core's MAX_BLOCK_SERIALIZED_SIZE (4 MB, the segwit weight limit).
inline constexpr size_t kMaxBlockSize = 4'000'000;

struct BlockHeader {
  int32_t version = 0;
  Hash256 prev_hash{};    // internal byte order
  Hash256 merkle_root{};  // internal byte order
  uint32_t time = 0;      // UNIX seconds (miner's clock)
  uint32_t bits = 0;      // compact difficulty target
  uint32_t nonce = 0;
};

// Reads the first 80 bytes; fails if fewer.
Result<BlockHeader> ParseHeader(ByteSpan data);
// Double SHA-256 of the first 80 bytes (caller guarantees data.size() >= 80).
Hash256 BlockHashOf(ByteSpan data);

struct Block {
  ByteSpan raw;  // the whole block
  BlockHeader header;
  Hash256 hash{};
  TxArena arena;  // arena.txs in block order; txs[0] is the coinbase

  std::span<const Tx> txs() const { return arena.txs; }
};

// Parses a block that must span `data` exactly (trailing bytes are an error;
// a block inside a blk file is framed by its size). The Block's vectors are
// cleared but keep their capacity. Errors name the byte offset within data.
Status ParseBlock(ByteSpan data, Block* block);

// Light API: header + hash + each transaction handed to `visit` as it is
// parsed, using a one-transaction arena (the arena is cleared before each tx).
// Stops early and returns the visitor's false as success. Useful for scanning
// without keeping a whole block's records.
template <typename Visitor>  // bool(const TxArena&, const Tx&, size_t index)
Status VisitBlock(ByteSpan data, TxArena* scratch, Visitor&& visit);

// Merkle root of a list of hashes (Bitcoin's odd-duplicate rule). `mutated`
// is set if two identical hashes were paired at the same level (CVE-2012-2459).
Hash256 MerkleRoot(std::vector<Hash256> hashes, bool* mutated = nullptr);
// Computes every txid and checks the header's merkle root; `txids` receives
// the txids in block order (reused buffer).
bool CheckMerkleRoot(const Block& block, std::vector<Hash256>* txids);
// Computes the witness merkle root (coinbase wtxid = 0) and compares it with
// the coinbase's BIP-141 commitment. nullopt when the block has no commitment.
std::optional<bool> CheckWitnessCommitment(const Block& block);

// BIP-34 height: the first push of the coinbase scriptSig, read as a
// little-endian number. nullopt for version < 2 or if the script does not
// start with a minimal 1..5 byte push or OP_0..OP_16. A version-2 block mined
// before BIP-34 activated (height 227,931) may hold an arbitrary number here.
std::optional<int64_t> Bip34Height(const Block& block);

// True if the hash, read as a 256-bit little-endian number, is <= the target
// encoded by `bits` (false for a negative, zero or overflowing target).
bool CheckProofOfWork(const Hash256& hash, uint32_t bits);
// Expected proof of work of a compact target, as a double (2^256 / (target+1)).
double WorkFromBits(uint32_t bits);

// ---- implementation of the template ----
Status VisitBlockHeader(ByteReader& r, BlockHeader* header, uint64_t* tx_count);
template <typename Visitor>
Status VisitBlock(ByteSpan data, TxArena* scratch, Visitor&& visit) {
  ByteReader r(data);
  BlockHeader header;
  uint64_t n = 0;
  if (Status s = VisitBlockHeader(r, &header, &n); !s) return s;
  for (uint64_t i = 0; i < n; ++i) {
    scratch->Clear();
    size_t at = r.pos();
    if (!ReadTx(r, scratch)) {
      return Fail(Error::Corrupt("block: truncated or malformed transaction", at));
    }
    if (!visit(static_cast<const TxArena&>(*scratch), scratch->txs.back(),
               static_cast<size_t>(i))) {
      return {};
    }
  }
  return {};
}

}  // namespace extortrace::chain
