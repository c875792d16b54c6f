// Bech32 (BIP-173) and Bech32m (BIP-350), and SegWit addresses on top of
// them. Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::wallet {

enum class Bech32Encoding { kBech32, kBech32m };

struct Bech32Decoded {
  Bech32Encoding encoding;
  std::string hrp;            // lowercase
  std::vector<uint8_t> data;  // 5-bit groups, checksum removed
};

// Encodes 5-bit groups; hrp must be lowercase.
std::string EncodeBech32(Bech32Encoding encoding, std::string_view hrp,
                         std::span<const uint8_t> data5);
// Rejects mixed case, bad characters, bad checksum, > 90 chars.
std::optional<Bech32Decoded> DecodeBech32(std::string_view s);

struct SegwitProgram {
  int version;                   // 0..16
  std::vector<uint8_t> program;  // 2..40 bytes (20 or 32 for v0)
};

// Encodes a SegWit address (bech32 for v0, bech32m for v1+), e.g. hrp "bc".
std::optional<std::string> EncodeSegwitAddress(std::string_view hrp, int version,
                                               std::span<const uint8_t> program);
// Decodes and validates per BIP-173/BIP-350 for the given hrp.
std::optional<SegwitProgram> DecodeSegwitAddress(std::string_view hrp, std::string_view addr);

}  // namespace extortrace::wallet
