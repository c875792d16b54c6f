#include "chain/script.h"

#include <array>

#include "crypto/hash.h"
#include "wallet/base58.h"
#include "wallet/bech32.h"

namespace extortrace::chain {

namespace {
constexpr uint8_t kOp0 = 0x00, kOp1 = 0x51, kOp16 = 0x60, kOpReturn = 0x6a, kOpDup = 0x76,
                  kOpEqual = 0x87, kOpEqualVerify = 0x88, kOpHash160 = 0xa9, kOpCheckSig = 0xac,
                  kOpCheckMultisig = 0xae;

// Bitcoin Core's CPubKey::ValidSize: the length implied by the header byte.
bool ValidPubkeySize(ByteSpan key) {
  if (key.empty()) return false;
  uint8_t h = key[0];
  if (h == 2 || h == 3) return key.size() == 33;
  if (h == 4 || h == 6 || h == 7) return key.size() == 65;
  return false;
}

bool IsSmallInt(uint8_t op) { return op >= kOp1 && op <= kOp16; }

// Parses OP_m <key>... OP_n OP_CHECKMULTISIG; fills keys when non-null.
bool MatchMultisig(ByteSpan s, int* required, std::vector<ByteSpan>* keys) {
  if (s.size() < 3 || !IsSmallInt(s[0]) || s.back() != kOpCheckMultisig) return false;
  int m = s[0] - kOp1 + 1;
  size_t pos = 1;
  int count = 0;
  const size_t end = s.size() - 2;  // the OP_n position
  while (pos < end) {
    uint8_t len = s[pos];
    if ((len != 33 && len != 65) || pos + 1 + len > end) return false;
    ByteSpan key = s.subspan(pos + 1, len);
    if (!ValidPubkeySize(key)) return false;
    if (keys) keys->push_back(key);
    ++count;
    pos += 1 + len;
  }
  if (pos != end || !IsSmallInt(s[end])) return false;
  int n = s[end] - kOp1 + 1;
  if (n != count || m > n) return false;
  *required = m;
  return true;
}

ScriptKind ClassifyInto(ByteSpan s, ScriptTemplate* t, std::vector<ByteSpan>* keys) {
  const size_t n = s.size();
  if (n == 23 && s[0] == kOpHash160 && s[1] == 20 && s[22] == kOpEqual) {
    t->payload = s.subspan(2, 20);
    return ScriptKind::kP2sh;
  }
  if (n >= 4 && n <= 42 && (s[0] == kOp0 || IsSmallInt(s[0])) && s[1] + 2u == n) {
    int version = s[0] == kOp0 ? 0 : s[0] - kOp1 + 1;
    ByteSpan program = s.subspan(2);
    t->witness_version = version;
    t->payload = program;
    if (version == 0) {
      if (program.size() == 20) return ScriptKind::kP2wpkh;
      if (program.size() == 32) return ScriptKind::kP2wsh;
      t->witness_version = -1;
      t->payload = {};
      return ScriptKind::kNonStandard;  // v0 of another length is unspendable
    }
    if (version == 1 && program.size() == 32) return ScriptKind::kP2tr;
    return ScriptKind::kWitnessUnknown;
  }
  if (n >= 1 && s[0] == kOpReturn) return ScriptKind::kNullData;
  if ((n == 35 || n == 67) && s[0] == n - 2 && s[n - 1] == kOpCheckSig &&
      ValidPubkeySize(s.subspan(1, n - 2))) {
    t->payload = s.subspan(1, n - 2);
    return ScriptKind::kP2pk;
  }
  if (n == 25 && s[0] == kOpDup && s[1] == kOpHash160 && s[2] == 20 && s[23] == kOpEqualVerify &&
      s[24] == kOpCheckSig) {
    t->payload = s.subspan(3, 20);
    return ScriptKind::kP2pkh;
  }
  if (MatchMultisig(s, &t->required, keys)) return ScriptKind::kMultisig;
  if (keys) keys->clear();
  return ScriptKind::kNonStandard;
}

std::string Base58Address(uint8_t prefix, ByteSpan hash) {
  std::array<uint8_t, 21> payload;
  payload[0] = prefix;
  std::copy(hash.begin(), hash.begin() + 20, payload.begin() + 1);
  return wallet::EncodeBase58Check(payload);
}
}  // namespace

std::string_view ScriptKindName(ScriptKind kind) {
  switch (kind) {
    case ScriptKind::kP2pk:
      return "p2pk";
    case ScriptKind::kP2pkh:
      return "p2pkh";
    case ScriptKind::kP2sh:
      return "p2sh";
    case ScriptKind::kP2wpkh:
      return "p2wpkh";
    case ScriptKind::kP2wsh:
      return "p2wsh";
    case ScriptKind::kP2tr:
      return "p2tr";
    case ScriptKind::kWitnessUnknown:
      return "witness_unknown";
    case ScriptKind::kMultisig:
      return "multisig";
    case ScriptKind::kNullData:
      return "nulldata";
    case ScriptKind::kNonStandard:
      break;
  }
  return "nonstandard";
}

std::string_view EsploraTypeName(ScriptKind kind) {
  switch (kind) {
    case ScriptKind::kP2pk:
      return "p2pk";
    case ScriptKind::kP2pkh:
      return "p2pkh";
    case ScriptKind::kP2sh:
      return "p2sh";
    case ScriptKind::kP2wpkh:
      return "v0_p2wpkh";
    case ScriptKind::kP2wsh:
      return "v0_p2wsh";
    case ScriptKind::kP2tr:
      return "v1_p2tr";
    case ScriptKind::kMultisig:
      return "multisig";
    case ScriptKind::kNullData:
      return "op_return";
    case ScriptKind::kWitnessUnknown:
    case ScriptKind::kNonStandard:
      break;
  }
  return "unknown";
}

ScriptTemplate Classify(ByteSpan script) {
  ScriptTemplate t;
  t.kind = ClassifyInto(script, &t, &t.keys);
  return t;
}

ScriptKind ClassifyKind(ByteSpan script) {
  ScriptTemplate t;
  return ClassifyInto(script, &t, nullptr);
}

std::string P2pkhAddress(ByteSpan hash160, const Network& net) {
  return Base58Address(net.p2pkh_prefix, hash160);
}
std::string P2shAddress(ByteSpan hash160, const Network& net) {
  return Base58Address(net.p2sh_prefix, hash160);
}
std::optional<std::string> WitnessAddress(int version, ByteSpan program, const Network& net) {
  return wallet::EncodeSegwitAddress(net.hrp, version, program);
}

Destination ScriptDestination(ByteSpan script, const Network& net) {
  ScriptTemplate t = Classify(script);
  Destination d;
  d.kind = t.kind;
  switch (t.kind) {
    case ScriptKind::kP2pk: {
      crypto::Hash160 h = crypto::Hash160Of(t.payload);
      d.addresses.push_back(P2pkhAddress(h, net));
      break;
    }
    case ScriptKind::kMultisig:
      for (ByteSpan key : t.keys) {
        crypto::Hash160 h = crypto::Hash160Of(key);
        d.addresses.push_back(P2pkhAddress(h, net));
      }
      break;
    case ScriptKind::kP2pkh:
      d.addresses.push_back(P2pkhAddress(t.payload, net));
      break;
    case ScriptKind::kP2sh:
      d.addresses.push_back(P2shAddress(t.payload, net));
      break;
    case ScriptKind::kP2wpkh:
    case ScriptKind::kP2wsh:
    case ScriptKind::kP2tr:
    case ScriptKind::kWitnessUnknown:
      if (auto a = WitnessAddress(t.witness_version, t.payload, net)) {
        d.addresses.push_back(std::move(*a));
      }
      break;
    case ScriptKind::kNullData:
    case ScriptKind::kNonStandard:
      break;
  }
  return d;
}

std::optional<std::string> ScriptToAddress(ByteSpan script, const Network& net) {
  Destination d = ScriptDestination(script, net);
  if (d.kind == ScriptKind::kMultisig || d.addresses.size() != 1) return std::nullopt;
  return std::move(d.addresses[0]);
}

}  // namespace extortrace::chain
