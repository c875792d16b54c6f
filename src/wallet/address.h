// Validation of a single cryptocurrency address string. Only checksum-valid
// strings are accepted (with one documented exception: Ethereum addresses in
// a single case carry no checksum and are accepted with checksum_verified ==
// false). Pure functions, thread-safe, no allocation beyond the result.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace extortrace::wallet {

struct WalletAddress {
  std::string currency;  // "BTC", "LTC", "BCH", "ETH", "XMR"
  // Canonical spelling, used for deduplication and chain lookups: base58 and
  // Monero as written; bech32 lowercased; cashaddr lowercased with its prefix
  // ("bitcoincash:q..."); Ethereum "0x" + the EIP-55 mixed-case form.
  std::string address;
  // "p2pkh", "p2sh", "p2wpkh", "p2wsh", "p2tr", "segwit-vN", "cashaddr-p2pkh",
  // "cashaddr-p2sh", "eth", "xmr-standard", "xmr-integrated", "xmr-subaddress"
  std::string kind;
  bool testnet = false;  // BTC/LTC/BCH testnet, Monero testnet or stagenet
  // False only for single-case Ethereum addresses (no EIP-55 checksum present).
  bool checksum_verified = true;
};

// Recognises, for a whole string (no surrounding text, no "bitcoin:" URI):
//  - BTC base58check P2PKH (version 0x00) and P2SH (0x05); testnet 0x6f/0xc4.
//  - BTC segwit: bech32 v0 (BIP-173) and bech32m v1+ (BIP-350), hrp bc/tb.
//  - LTC base58check L (0x30) and M (0x32); "3" addresses (0x05) are reported
//    as BTC P2SH since the two cannot be told apart; segwit hrp ltc/tltc.
//  - BCH cashaddr with or without "bitcoincash:" ("bchtest:" is testnet).
//  - ETH "0x" + 40 hex digits; mixed case must match EIP-55.
//  - XMR standard (prefix 18, 95 chars), integrated (19, 106), subaddress
//    (42, 95), and their testnet/stagenet prefixes.
// Returns nullopt for anything else, including checksum failures.
std::optional<WalletAddress> ValidateAddress(std::string_view candidate);

// Cheap pre-check used by the text scanner before any hashing: true if
// `candidate` has a length, leading characters and alphabet that some
// supported address could have. ValidateAddress(s) implies PlausibleAddress(s).
bool PlausibleAddress(std::string_view candidate);

// EIP-55: the mixed-case spelling of 40 hex digits (no "0x"); "" if `hex40`
// is not exactly 40 hex digits.
std::string Eip55Checksum(std::string_view hex40);

}  // namespace extortrace::wallet
