#include "chain/tx.h"

#include <fmt/format.h>

#include <algorithm>

#include "core/bytes.h"

namespace extortrace::chain {

std::string HashToHex(const Hash256& hash) {
  Hash256 rev;
  std::reverse_copy(hash.begin(), hash.end(), rev.begin());
  return HexEncode(rev);
}

Result<Hash256> HashFromHex(std::string_view hex) {
  if (hex.size() != 64) return Fail(Error::InvalidArgument("hash hex must be 64 characters"));
  auto bytes = HexDecode(hex);
  if (!bytes) return Fail(bytes.error());
  Hash256 h;
  std::reverse_copy(bytes->begin(), bytes->end(), h.begin());
  return h;
}

bool TxIn::IsNullPrevout() const {
  if (prev_index != 0xffffffffu) return false;
  for (int i = 0; i < 32; ++i) {
    if (prev_txid[i] != 0) return false;
  }
  return true;
}

namespace {
// Smallest possible serialized sizes, used to bound counts before looping.
constexpr size_t kMinInputSize = 32 + 4 + 1 + 4;
constexpr size_t kMinOutputSize = 8 + 1;
}  // namespace

bool ReadTx(ByteReader& r, TxArena* arena) {
  const size_t start = r.pos();
  const size_t in0 = arena->inputs.size();
  const size_t out0 = arena->outputs.size();
  const size_t wit0 = arena->witness_items.size();
  Tx tx;
  tx.version = r.I32();
  // BIP-144: a zero marker byte (an impossible empty input list for a
  // spendable tx) followed by flag 0x01 announces witness data.
  if (r.remaining() >= 2 && r.data()[r.pos()] == 0 && r.data()[r.pos() + 1] != 0) {
    r.Skip(1);
    if (r.U8() != 1) r.Fail();  // unknown optional data (Bitcoin Core rejects it too)
    tx.has_witness = true;
  }
  uint64_t n_in = r.CompactSize();
  if (n_in > r.remaining() / kMinInputSize) r.Fail();
  tx.input_begin = static_cast<uint32_t>(in0);
  tx.input_count = static_cast<uint32_t>(n_in);
  for (uint64_t i = 0; i < n_in && r.ok(); ++i) {
    TxIn& in = arena->inputs.emplace_back();
    in.prev_txid = r.Ptr(32);
    in.prev_index = r.U32();
    in.script_sig = r.VarBytes();
    in.sequence = r.U32();
  }
  uint64_t n_out = r.CompactSize();
  if (n_out > r.remaining() / kMinOutputSize) r.Fail();
  tx.output_begin = static_cast<uint32_t>(out0);
  tx.output_count = static_cast<uint32_t>(n_out);
  for (uint64_t i = 0; i < n_out && r.ok(); ++i) {
    TxOut& out = arena->outputs.emplace_back();
    out.value = r.I64();
    out.script_pubkey = r.VarBytes();
  }
  if (tx.has_witness && r.ok()) {
    tx.witness_offset = static_cast<uint32_t>(r.pos() - start);
    for (uint64_t i = 0; i < n_in && r.ok(); ++i) {
      TxIn& in = arena->inputs[in0 + i];
      uint64_t n_items = r.CompactSize();
      if (n_items > r.remaining()) r.Fail();
      in.witness_begin = static_cast<uint32_t>(arena->witness_items.size());
      in.witness_count = static_cast<uint32_t>(n_items);
      for (uint64_t k = 0; k < n_items && r.ok(); ++k) {
        arena->witness_items.push_back(r.VarBytes());
      }
    }
  }
  tx.lock_time = r.U32();
  if (!r.ok()) {
    arena->inputs.resize(in0);
    arena->outputs.resize(out0);
    arena->witness_items.resize(wit0);
    return false;
  }
  tx.raw = ByteSpan(r.data() + start, r.pos() - start);
  arena->txs.push_back(tx);
  return true;
}

Status ParseTx(ByteSpan data, TxArena* arena) {
  const size_t txs0 = arena->txs.size(), in0 = arena->inputs.size(), out0 = arena->outputs.size(),
               wit0 = arena->witness_items.size();
  ByteReader r(data);
  if (!ReadTx(r, arena)) {
    return Fail(Error::Corrupt("transaction: truncated or malformed", r.pos()));
  }
  if (!r.empty()) {
    // Leave the arena as it was.
    arena->txs.resize(txs0);
    arena->inputs.resize(in0);
    arena->outputs.resize(out0);
    arena->witness_items.resize(wit0);
    return Fail(
        Error::Corrupt(fmt::format("transaction: {} trailing bytes", r.remaining()), r.pos()));
  }
  return {};
}

Hash256 ComputeTxid(const Tx& tx, std::vector<uint8_t>* scratch) {
  if (!tx.has_witness) return crypto::Sha256d(tx.raw);
  // version | inputs+outputs (after marker/flag, before witness) | lock_time
  const uint8_t* p = tx.raw.data();
  const size_t body = tx.witness_offset - 6;
  scratch->resize(4 + body + 4);
  uint8_t* d = scratch->data();
  std::memcpy(d, p, 4);
  std::memcpy(d + 4, p + 6, body);
  std::memcpy(d + 4 + body, p + tx.raw.size() - 4, 4);
  return crypto::Sha256d(*scratch);
}

Hash256 ComputeTxid(const Tx& tx) {
  std::vector<uint8_t> scratch;
  return ComputeTxid(tx, &scratch);
}

Hash256 ComputeWtxid(const Tx& tx) { return crypto::Sha256d(tx.raw); }

}  // namespace extortrace::chain
