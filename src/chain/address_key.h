// AddressKey: a fixed-size binary form of an output's destination, used as
// the address dictionary key of the index (index.h). It is what an address
// string decodes to, so string lookups and script indexing meet:
//   p2pkh and p2pk  -> kPubkeyHash, HASH160 (p2pk keys are hashed, the way
//                      explorers attribute them to the P2PKH address)
//   p2sh            -> kScriptHash, HASH160
//   witness v0..16  -> kWitness, version + program (2..40 bytes; > 32 kept as
//                      kNone, not indexed)
//   bare multisig   -> kMultisig, HASH160 of the whole script (queryable by
//                      key only: there is no address string for it)
// nulldata and non-standard scripts have no key. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#include "chain/script.h"

namespace extortrace::chain {

enum class AddressType : uint8_t { kNone = 0, kPubkeyHash, kScriptHash, kWitness, kMultisig };

#pragma pack(push, 1)
struct AddressKey {
  AddressType type = AddressType::kNone;
  uint8_t version = 0;  // witness version
  uint8_t length = 0;   // bytes used in `bytes`
  uint8_t bytes[32] = {};

  bool operator==(const AddressKey& o) const { return std::memcmp(this, &o, sizeof o) == 0; }
  uint64_t Fingerprint() const;  // well-mixed 64-bit hash
};
#pragma pack(pop)
static_assert(sizeof(AddressKey) == 35);

struct AddressKeyHash {
  size_t operator()(const AddressKey& k) const { return static_cast<size_t>(k.Fingerprint()); }
};

std::optional<AddressKey> AddressKeyOfScript(ByteSpan script);
// Decodes a base58check or bech32/bech32m address of `net`.
std::optional<AddressKey> AddressKeyFromString(std::string_view address,
                                               const Network& net = kMainnet);
// The address string ("multisig:<hash160 hex>" for bare multisig).
std::string AddressKeyToString(const AddressKey& key, const Network& net = kMainnet);

}  // namespace extortrace::chain
