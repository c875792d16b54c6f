#include "chain/block_builder.h"

#include <cstring>

#include "chain/block.h"
#include "wallet/base58.h"
#include "wallet/bech32.h"

namespace extortrace::chain {

namespace {
void AppendLe(uint64_t v, int bytes, Bytes* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<uint8_t>(v >> (8 * i)));
}
void AppendVar(ByteSpan data, Bytes* out) {
  AppendCompactSize(data.size(), out);
  out->insert(out->end(), data.begin(), data.end());
}
void AppendBody(const TxSpec& tx, Bytes* out) {
  AppendCompactSize(tx.inputs.size(), out);
  for (const TxInSpec& in : tx.inputs) {
    out->insert(out->end(), in.prev_txid.begin(), in.prev_txid.end());
    AppendLe(in.prev_index, 4, out);
    AppendVar(in.script_sig, out);
    AppendLe(in.sequence, 4, out);
  }
  AppendCompactSize(tx.outputs.size(), out);
  for (const TxOutSpec& o : tx.outputs) {
    AppendLe(static_cast<uint64_t>(o.value), 8, out);
    AppendVar(o.script_pubkey, out);
  }
}
// Minimal script-number push of a non-negative value (BIP-34 style).
void AppendScriptNum(int64_t v, Bytes* out) {
  if (v == 0) {
    out->push_back(0x00);
    return;
  }
  Bytes num;
  while (v > 0) {
    num.push_back(static_cast<uint8_t>(v & 0xff));
    v >>= 8;
  }
  if (num.back() & 0x80) num.push_back(0);
  out->push_back(static_cast<uint8_t>(num.size()));
  out->insert(out->end(), num.begin(), num.end());
}
}  // namespace

bool TxSpec::HasWitness() const {
  for (const TxInSpec& in : inputs) {
    if (!in.witness.empty()) return true;
  }
  return false;
}

void AppendCompactSize(uint64_t n, Bytes* out) {
  if (n < 0xfd) {
    out->push_back(static_cast<uint8_t>(n));
  } else if (n <= 0xffff) {
    out->push_back(0xfd);
    AppendLe(n, 2, out);
  } else if (n <= 0xffffffffu) {
    out->push_back(0xfe);
    AppendLe(n, 4, out);
  } else {
    out->push_back(0xff);
    AppendLe(n, 8, out);
  }
}

Bytes SerializeTxNoWitness(const TxSpec& tx) {
  Bytes out;
  AppendLe(static_cast<uint32_t>(tx.version), 4, &out);
  AppendBody(tx, &out);
  AppendLe(tx.lock_time, 4, &out);
  return out;
}

Bytes SerializeTx(const TxSpec& tx) {
  if (!tx.HasWitness()) return SerializeTxNoWitness(tx);
  Bytes out;
  AppendLe(static_cast<uint32_t>(tx.version), 4, &out);
  out.push_back(0x00);  // marker
  out.push_back(0x01);  // flag
  AppendBody(tx, &out);
  for (const TxInSpec& in : tx.inputs) {
    AppendCompactSize(in.witness.size(), &out);
    for (const Bytes& item : in.witness) AppendVar(item, &out);
  }
  AppendLe(tx.lock_time, 4, &out);
  return out;
}

Hash256 TxidOf(const TxSpec& tx) { return crypto::Sha256d(SerializeTxNoWitness(tx)); }

TxSpec MakeCoinbase(int64_t height, int64_t value, Bytes script_pubkey) {
  TxSpec cb;
  TxInSpec in;
  in.prev_index = 0xffffffff;
  AppendScriptNum(height, &in.script_sig);
  in.script_sig.push_back(static_cast<uint8_t>(kSyntheticTag.size()));
  in.script_sig.insert(in.script_sig.end(), kSyntheticTag.begin(), kSyntheticTag.end());
  cb.inputs.push_back(std::move(in));
  cb.outputs.push_back({value, std::move(script_pubkey)});
  return cb;
}

Bytes SerializeBlock(const BlockSpec& spec, bool grind) {
  std::vector<TxSpec> txs = spec.txs;
  bool segwit = false;
  for (size_t i = 1; i < txs.size(); ++i) segwit = segwit || txs[i].HasWitness();
  if (segwit && !txs.empty()) {
    std::vector<Hash256> wtxids{Hash256{}};
    for (size_t i = 1; i < txs.size(); ++i) wtxids.push_back(crypto::Sha256d(SerializeTx(txs[i])));
    Hash256 root = MerkleRoot(std::move(wtxids));
    uint8_t buf[64] = {};
    std::memcpy(buf, root.data(), 32);  // reserved value: 32 zero bytes
    Hash256 commitment = crypto::Sha256d(buf);
    Bytes script = {0x6a, 0x24, 0xaa, 0x21, 0xa9, 0xed};
    script.insert(script.end(), commitment.begin(), commitment.end());
    txs[0].outputs.push_back({0, std::move(script)});
    txs[0].inputs[0].witness = {Bytes(32, 0)};
  }
  std::vector<Hash256> txids;
  for (const TxSpec& tx : txs) txids.push_back(TxidOf(tx));
  Hash256 merkle = MerkleRoot(txids);
  Bytes out;
  AppendLe(static_cast<uint32_t>(spec.version), 4, &out);
  out.insert(out.end(), spec.prev_hash.begin(), spec.prev_hash.end());
  out.insert(out.end(), merkle.begin(), merkle.end());
  AppendLe(spec.time, 4, &out);
  AppendLe(spec.bits, 4, &out);
  AppendLe(0, 4, &out);  // nonce, ground below
  AppendCompactSize(txs.size(), &out);
  for (const TxSpec& tx : txs) {
    Bytes t = SerializeTx(tx);
    out.insert(out.end(), t.begin(), t.end());
  }
  if (grind) {
    for (uint32_t nonce = 0; nonce < 0xffffffffu; ++nonce) {
      StoreLe32(out.data() + 76, nonce);
      if (CheckProofOfWork(BlockHashOf(out), spec.bits)) break;
    }
  }
  return out;
}

Bytes FrameBlock(ByteSpan block, const Network& net) {
  Bytes out;
  AppendLe(net.magic, 4, &out);
  AppendLe(block.size(), 4, &out);
  out.insert(out.end(), block.begin(), block.end());
  return out;
}

Bytes P2pkhScript(ByteSpan h) {
  Bytes s = {0x76, 0xa9, 0x14};
  s.insert(s.end(), h.begin(), h.end());
  s.push_back(0x88);
  s.push_back(0xac);
  return s;
}

Bytes P2shScript(ByteSpan h) {
  Bytes s = {0xa9, 0x14};
  s.insert(s.end(), h.begin(), h.end());
  s.push_back(0x87);
  return s;
}

Bytes WitnessScript(int version, ByteSpan program) {
  Bytes s = {static_cast<uint8_t>(version == 0 ? 0x00 : 0x50 + version),
             static_cast<uint8_t>(program.size())};
  s.insert(s.end(), program.begin(), program.end());
  return s;
}

Result<Bytes> ScriptForAddress(std::string_view address, const Network& net) {
  if (auto w = wallet::DecodeSegwitAddress(net.hrp, address)) {
    return WitnessScript(w->version, w->program);
  }
  if (auto p = wallet::DecodeBase58Check(address); p && p->size() == 21) {
    ByteSpan h(p->data() + 1, 20);
    if ((*p)[0] == net.p2pkh_prefix) return P2pkhScript(h);
    if ((*p)[0] == net.p2sh_prefix) return P2shScript(h);
  }
  return Fail(Error::InvalidArgument("not a " + std::string(net.name) +
                                     " address: " + std::string(address)));
}

Bytes ChainBuilder::AddBlock(std::vector<TxSpec> txs, const Bytes& miner_script) {
  BlockSpec spec;
  spec.prev_hash = tip_;
  spec.time = time_;
  time_ += 600;
  spec.txs.push_back(MakeCoinbase(height_, 50'0000'0000, miner_script));
  for (TxSpec& tx : txs) spec.txs.push_back(std::move(tx));
  Bytes block = SerializeBlock(spec);
  // The coinbase may have gained a witness commitment: take its txid from
  // the serialized block.
  Block parsed;
  if (ParseBlock(block, &parsed).has_value()) last_coinbase_ = ComputeTxid(parsed.txs()[0]);
  tip_ = BlockHashOf(block);
  ++height_;
  return block;
}

}  // namespace extortrace::chain
