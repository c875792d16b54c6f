// Hash functions used by address validation and block parsing.
//
// SHA-256 and RIPEMD-160 come from OpenSSL's libcrypto. Keccak-256 (the
// pre-standard padding used by Ethereum and Monero, not SHA3-256) is written
// here because OpenSSL 3.0 does not expose it; see
// docs/decisions/0002-keccak-by-hand.md.
//
// All functions are pure and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace extortrace::crypto {

using Hash256 = std::array<uint8_t, 32>;
using Hash160 = std::array<uint8_t, 20>;

Hash256 Sha256(std::span<const uint8_t> data);
// SHA-256 applied twice (Bitcoin's txid, block hash, base58check checksum).
Hash256 Sha256d(std::span<const uint8_t> data);
Hash160 Ripemd160(std::span<const uint8_t> data);
// RIPEMD-160 of SHA-256 (Bitcoin's HASH160).
Hash160 Hash160Of(std::span<const uint8_t> data);
// Keccak-256 with the original 0x01 padding (Ethereum, Monero).
Hash256 Keccak256(std::span<const uint8_t> data);

}  // namespace extortrace::crypto
