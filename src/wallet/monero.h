// Monero's base58 and address layout (CryptoNote). Monero's base58 is not
// Bitcoin's: the input is cut into 8-byte blocks, each encoded to exactly 11
// characters (a final short block of n bytes to kBlockChars[n] characters), so
// leading zero bytes are not special. An address is
//   varint network prefix || public spend key (32) || public view key (32)
//   [|| payment id (8), integrated addresses only] || keccak256(...)[0..4).
// Written by hand; see docs/decisions/0003-bech32-cashaddr-by-hand.md.
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::wallet {

std::string EncodeMoneroBase58(std::span<const uint8_t> data);
// nullopt on a character outside the alphabet, an impossible final block
// length, a block value that overflows its byte width, or > 256 characters.
std::optional<std::vector<uint8_t>> DecodeMoneroBase58(std::string_view s);

enum class MoneroAddressKind { kStandard, kIntegrated, kSubaddress };
enum class MoneroNetwork { kMainnet, kTestnet, kStagenet };

struct MoneroAddress {
  MoneroAddressKind kind;
  MoneroNetwork network;
  std::vector<uint8_t> spend_key;   // 32 bytes
  std::vector<uint8_t> view_key;    // 32 bytes
  std::vector<uint8_t> payment_id;  // 8 bytes for integrated, else empty
};

// Validates length (95 or 106 characters), network prefix (mainnet 18/19/42,
// testnet 53/54/63, stagenet 24/25/36) and the Keccak-256 checksum.
std::optional<MoneroAddress> DecodeMoneroAddress(std::string_view s);

// Builds an address string; payment_id must be 8 bytes for kIntegrated and
// empty otherwise, keys 32 bytes each; returns "" on a size mismatch.
std::string EncodeMoneroAddress(MoneroAddressKind kind, MoneroNetwork network,
                                std::span<const uint8_t> spend_key,
                                std::span<const uint8_t> view_key,
                                std::span<const uint8_t> payment_id = {});

}  // namespace extortrace::wallet
