// CashAddr, Bitcoin Cash's address format (spec: bitcoincashorg "cashaddr.md",
// upgrade of 2018-01-14): "prefix:payload", where payload is base32 (bech32's
// alphabet) of a version byte plus a hash, followed by a 40-bit BCH checksum
// computed over the lowercase prefix. Written by hand; see
// docs/decisions/0003-bech32-cashaddr-by-hand.md. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::wallet {

enum class CashAddrType : uint8_t { kP2pkh = 0, kP2sh = 1 };

struct CashAddrDecoded {
  std::string prefix;         // lowercase, e.g. "bitcoincash", "bchtest"
  uint8_t type = 0;           // version byte bits 3..6 (0 = P2PKH, 1 = P2SH)
  std::vector<uint8_t> hash;  // 20, 24, 28, 32, 40, 48, 56 or 64 bytes
};

// "prefix:payload" in lowercase. The hash length must be one the version
// byte can express (see CashAddrDecoded::hash); otherwise returns "".
std::string EncodeCashAddr(std::string_view prefix, uint8_t type, std::span<const uint8_t> hash);

// Decodes "prefix:payload", or a bare payload checked against
// `default_prefix`. Rejects mixed case, characters outside the alphabet, a bad
// checksum, a hash length that disagrees with the version byte, a set reserved
// bit, non-zero padding, and inputs over 120 characters.
std::optional<CashAddrDecoded> DecodeCashAddr(std::string_view s,
                                              std::string_view default_prefix = "bitcoincash");

}  // namespace extortrace::wallet
