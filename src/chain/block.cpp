#include "chain/block.h"

#include <fmt/format.h>

#include <cmath>
#include <cstring>

namespace extortrace::chain {

namespace {
void ReadHeaderFields(ByteReader& r, BlockHeader* h) {
  h->version = r.I32();
  if (const uint8_t* p = r.Ptr(32)) std::memcpy(h->prev_hash.data(), p, 32);
  if (const uint8_t* p = r.Ptr(32)) std::memcpy(h->merkle_root.data(), p, 32);
  h->time = r.U32();
  h->bits = r.U32();
  h->nonce = r.U32();
}
// The smallest transaction (no inputs/outputs counted) is 10 bytes; real ones
// are at least 60, but 10 is enough to bound a hostile count.
constexpr size_t kMinTxSize = 10;
}  // namespace

Result<BlockHeader> ParseHeader(ByteSpan data) {
  if (data.size() < kHeaderSize) {
    return Fail(Error::Corrupt(fmt::format("block header: {} bytes, need 80", data.size()), 0));
  }
  ByteReader r(data);
  BlockHeader h;
  ReadHeaderFields(r, &h);
  return h;
}

Hash256 BlockHashOf(ByteSpan data) { return crypto::Sha256d(data.first(kHeaderSize)); }

Status VisitBlockHeader(ByteReader& r, BlockHeader* header, uint64_t* tx_count) {
  if (r.remaining() < kHeaderSize) {
    return Fail(Error::Corrupt(fmt::format("block: {} bytes, header needs 80", r.remaining()), 0));
  }
  ReadHeaderFields(r, header);
  *tx_count = r.CompactSize();
  if (!r.ok()) return Fail(Error::Corrupt("block: bad transaction count", kHeaderSize));
  if (*tx_count > r.remaining() / kMinTxSize) {
    return Fail(Error::Corrupt(
        fmt::format("block: {} transactions cannot fit in {} bytes", *tx_count, r.remaining()),
        kHeaderSize));
  }
  return {};
}

Status ParseBlock(ByteSpan data, Block* block) {
  block->arena.Clear();
  block->raw = data;
  ByteReader r(data);
  uint64_t n = 0;
  if (Status s = VisitBlockHeader(r, &block->header, &n); !s) return s;
  block->hash = BlockHashOf(data);
  for (uint64_t i = 0; i < n; ++i) {
    size_t at = r.pos();
    if (!ReadTx(r, &block->arena)) {
      return Fail(Error::Corrupt(
          fmt::format("block: transaction {} of {} truncated or malformed", i, n), at));
    }
  }
  if (!r.empty()) {
    return Fail(Error::Corrupt(
        fmt::format("block: {} trailing bytes after the last transaction", r.remaining()),
        r.pos()));
  }
  return {};
}

Hash256 MerkleRoot(std::vector<Hash256> hashes, bool* mutated) {
  if (mutated) *mutated = false;
  if (hashes.empty()) return Hash256{};
  uint8_t pair[64];
  while (hashes.size() > 1) {
    if (mutated) {
      for (size_t i = 0; i + 1 < hashes.size(); i += 2) {
        if (hashes[i] == hashes[i + 1]) *mutated = true;
      }
    }
    if (hashes.size() % 2 == 1) hashes.push_back(hashes.back());
    for (size_t i = 0; i < hashes.size() / 2; ++i) {
      std::memcpy(pair, hashes[2 * i].data(), 32);
      std::memcpy(pair + 32, hashes[2 * i + 1].data(), 32);
      hashes[i] = crypto::Sha256d(pair);
    }
    hashes.resize(hashes.size() / 2);
  }
  return hashes[0];
}

bool CheckMerkleRoot(const Block& block, std::vector<Hash256>* txids) {
  txids->clear();
  std::vector<uint8_t> scratch;
  for (const Tx& tx : block.txs()) txids->push_back(ComputeTxid(tx, &scratch));
  bool mutated = false;
  return MerkleRoot(*txids, &mutated) == block.header.merkle_root && !mutated;
}

std::optional<bool> CheckWitnessCommitment(const Block& block) {
  const TxArena& a = block.arena;
  if (a.txs.empty() || !a.IsCoinbase(a.txs[0])) return std::nullopt;
  static constexpr uint8_t kTag[6] = {0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed};
  const uint8_t* commitment = nullptr;
  for (const TxOut& out : a.Outputs(a.txs[0])) {  // the last match counts (BIP-141)
    if (out.script_pubkey.size() >= 38 && std::memcmp(out.script_pubkey.data(), kTag, 6) == 0) {
      commitment = out.script_pubkey.data() + 6;
    }
  }
  if (commitment == nullptr) return std::nullopt;
  const TxIn& cb_in = a.inputs[a.txs[0].input_begin];
  auto stack = a.Witness(cb_in);
  if (stack.size() != 1 || stack[0].size() != 32) return false;
  std::vector<Hash256> wtxids;
  wtxids.reserve(a.txs.size());
  wtxids.push_back(Hash256{});
  for (size_t i = 1; i < a.txs.size(); ++i) wtxids.push_back(ComputeWtxid(a.txs[i]));
  Hash256 root = MerkleRoot(std::move(wtxids));
  uint8_t buf[64];
  std::memcpy(buf, root.data(), 32);
  std::memcpy(buf + 32, stack[0].data(), 32);
  Hash256 expect = crypto::Sha256d(buf);
  return std::memcmp(expect.data(), commitment, 32) == 0;
}

std::optional<int64_t> Bip34Height(const Block& block) {
  const TxArena& a = block.arena;
  if (block.header.version < 2 || a.txs.empty() || !a.IsCoinbase(a.txs[0])) return std::nullopt;
  ByteSpan sig = a.inputs[a.txs[0].input_begin].script_sig;
  if (sig.empty()) return std::nullopt;
  uint8_t op = sig[0];
  if (op == 0x00) return 0;
  if (op >= 0x51 && op <= 0x60) return op - 0x50;
  if (op < 1 || op > 5 || sig.size() < 1u + op) return std::nullopt;
  int64_t v = 0;
  for (int i = 0; i < op; ++i) v |= int64_t{sig[1 + i]} << (8 * i);
  if (sig[op] & 0x80) return std::nullopt;  // negative script number
  return v;
}

bool CheckProofOfWork(const Hash256& hash, uint32_t bits) {
  int exponent = static_cast<int>(bits >> 24);
  uint32_t mantissa = bits & 0x007fffff;
  if (mantissa == 0 || (bits & 0x00800000) != 0) return false;
  // target (little-endian bytes) = mantissa * 256^(exponent-3)
  uint8_t target[32] = {};
  if (exponent <= 3) {
    uint32_t m = mantissa >> (8 * (3 - exponent));
    for (int i = 0; i < 3; ++i) target[i] = static_cast<uint8_t>(m >> (8 * i));
  } else {
    for (int i = 0; i < 3; ++i) {
      int pos = exponent - 3 + i;
      uint8_t byte = static_cast<uint8_t>(mantissa >> (8 * i));
      if (pos >= 32) {
        if (byte != 0) return false;  // overflows 256 bits
        continue;
      }
      target[pos] = byte;
    }
  }
  for (int i = 31; i >= 0; --i) {
    if (hash[i] != target[i]) return hash[i] < target[i];
  }
  return true;
}

double WorkFromBits(uint32_t bits) {
  int exponent = static_cast<int>(bits >> 24);
  uint32_t mantissa = bits & 0x007fffff;
  if (mantissa == 0 || (bits & 0x00800000) != 0) return 0.0;
  // target = mantissa * 256^(exponent-3); work ~= 2^256 / target.
  return std::ldexp(1.0 / mantissa, 256 - 8 * (exponent - 3));
}

}  // namespace extortrace::chain
