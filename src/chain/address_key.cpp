#include "chain/address_key.h"

#include "core/bytes.h"
#include "crypto/hash.h"
#include "wallet/base58.h"
#include "wallet/bech32.h"

namespace extortrace::chain {

namespace {
AddressKey Make(AddressType type, uint8_t version, ByteSpan payload) {
  AddressKey k;
  k.type = type;
  k.version = version;
  k.length = static_cast<uint8_t>(payload.size());
  std::memcpy(k.bytes, payload.data(), payload.size());
  return k;
}
}  // namespace

uint64_t AddressKey::Fingerprint() const {
  // FNV-1a over the used bytes, then a murmur-style finalizer.
  uint64_t h = 1469598103934665603ull;
  const uint8_t* p = reinterpret_cast<const uint8_t*>(this);
  for (size_t i = 0; i < 3u + length && i < sizeof(AddressKey); ++i) {
    h = (h ^ p[i]) * 1099511628211ull;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

std::optional<AddressKey> AddressKeyOfScript(ByteSpan script) {
  ScriptTemplate t = Classify(script);
  switch (t.kind) {
    case ScriptKind::kP2pkh:
      return Make(AddressType::kPubkeyHash, 0, t.payload);
    case ScriptKind::kP2pk: {
      crypto::Hash160 h = crypto::Hash160Of(t.payload);
      return Make(AddressType::kPubkeyHash, 0, h);
    }
    case ScriptKind::kP2sh:
      return Make(AddressType::kScriptHash, 0, t.payload);
    case ScriptKind::kP2wpkh:
    case ScriptKind::kP2wsh:
    case ScriptKind::kP2tr:
    case ScriptKind::kWitnessUnknown:
      if (t.payload.size() > 32) return std::nullopt;
      return Make(AddressType::kWitness, static_cast<uint8_t>(t.witness_version), t.payload);
    case ScriptKind::kMultisig: {
      crypto::Hash160 h = crypto::Hash160Of(script);
      return Make(AddressType::kMultisig, 0, h);
    }
    case ScriptKind::kNullData:
    case ScriptKind::kNonStandard:
      break;
  }
  return std::nullopt;
}

std::optional<AddressKey> AddressKeyFromString(std::string_view address, const Network& net) {
  if (auto w = wallet::DecodeSegwitAddress(net.hrp, address)) {
    if (w->program.size() > 32) return std::nullopt;
    return Make(AddressType::kWitness, static_cast<uint8_t>(w->version), w->program);
  }
  auto p = wallet::DecodeBase58Check(address);
  if (!p || p->size() != 21) return std::nullopt;
  ByteSpan h(p->data() + 1, 20);
  if ((*p)[0] == net.p2pkh_prefix) return Make(AddressType::kPubkeyHash, 0, h);
  if ((*p)[0] == net.p2sh_prefix) return Make(AddressType::kScriptHash, 0, h);
  return std::nullopt;
}

std::string AddressKeyToString(const AddressKey& key, const Network& net) {
  ByteSpan payload(key.bytes, key.length);
  switch (key.type) {
    case AddressType::kPubkeyHash:
      return P2pkhAddress(payload, net);
    case AddressType::kScriptHash:
      return P2shAddress(payload, net);
    case AddressType::kWitness:
      return WitnessAddress(key.version, payload, net).value_or("");
    case AddressType::kMultisig:
      return "multisig:" + HexEncode(payload);
    case AddressType::kNone:
      break;
  }
  return "";
}

}  // namespace extortrace::chain
