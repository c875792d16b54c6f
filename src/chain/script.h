// Output script (scriptPubKey) classification and script -> address.
//
// Follows Bitcoin Core's Solver() templates: p2pk, p2pkh, p2sh, witness
// programs (v0 keyhash/scripthash, v1 taproot, other versions), bare
// multisig, OP_RETURN data, and everything else as non-standard. A p2pk
// output is reported with the P2PKH address of HASH160(pubkey), the way block
// explorers attribute it; bare multisig yields the P2PKH address of each key.
//
// Pure functions, thread-safe. Returned addresses are owned strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "chain/byte_reader.h"

namespace extortrace::chain {

struct Network {
  std::string_view name;
  uint32_t magic;        // blk-file / P2P magic as read little-endian
  uint8_t p2pkh_prefix;  // base58check version byte
  uint8_t p2sh_prefix;
  std::string_view hrp;  // bech32 human-readable part
};

// Magic bytes on the wire: mainnet f9 be b4 d9, testnet3 0b 11 09 07,
// testnet4 1c 16 3f 28, regtest fa bf b5 da, signet 0a 03 cf 40.
inline constexpr Network kMainnet{"main", 0xd9b4bef9, 0x00, 0x05, "bc"};
inline constexpr Network kTestnet{"test", 0x0709110b, 0x6f, 0xc4, "tb"};
inline constexpr Network kTestnet4{"testnet4", 0x283f161c, 0x6f, 0xc4, "tb"};
inline constexpr Network kSignet{"signet", 0x40cf030a, 0x6f, 0xc4, "tb"};
inline constexpr Network kRegtest{"regtest", 0xdab5bffa, 0x6f, 0xc4, "bcrt"};

enum class ScriptKind : uint8_t {
  kNonStandard = 0,
  kP2pk,
  kP2pkh,
  kP2sh,
  kP2wpkh,
  kP2wsh,
  kP2tr,
  kWitnessUnknown,  // witness version 1..16 other than taproot (incl. P2A anchors)
  kMultisig,        // bare m-of-n CHECKMULTISIG
  kNullData,        // starts with OP_RETURN: provably unspendable, no address
};

// "p2pk", "p2pkh", "p2sh", "p2wpkh", "p2wsh", "p2tr", "witness_unknown",
// "multisig", "nulldata", "nonstandard".
std::string_view ScriptKindName(ScriptKind kind);
// The name Esplora/mempool.space use in `scriptpubkey_type` ("v0_p2wpkh",
// "v1_p2tr", "op_return", ...).
std::string_view EsploraTypeName(ScriptKind kind);

// Classification plus the payload an address is made from. `payload` points
// into the script (hash, witness program or pubkey); for multisig, `keys`
// lists the pubkeys. Nothing is hashed or encoded here, so this is cheap
// enough for index building.
struct ScriptTemplate {
  ScriptKind kind = ScriptKind::kNonStandard;
  int witness_version = -1;  // 0..16 for witness programs
  ByteSpan payload;
  std::vector<ByteSpan> keys;  // multisig only
  int required = 0;            // multisig m
};
ScriptTemplate Classify(ByteSpan script);
// Same, without the multisig key list (no allocation); keys stay empty.
ScriptKind ClassifyKind(ByteSpan script);

struct Destination {
  ScriptKind kind = ScriptKind::kNonStandard;
  std::vector<std::string> addresses;  // empty for nulldata / nonstandard
};
Destination ScriptDestination(ByteSpan script, const Network& net = kMainnet);
// The single address of p2pk/p2pkh/p2sh/witness outputs; nullopt for
// multisig (several addresses), nulldata and nonstandard.
std::optional<std::string> ScriptToAddress(ByteSpan script, const Network& net = kMainnet);

// Address encoders on raw payloads.
std::string P2pkhAddress(ByteSpan hash160, const Network& net = kMainnet);
std::string P2shAddress(ByteSpan hash160, const Network& net = kMainnet);
std::optional<std::string> WitnessAddress(int version, ByteSpan program,
                                          const Network& net = kMainnet);

}  // namespace extortrace::chain
