// Base58 and Base58Check (Bitcoin's alphabet) encoding and decoding.
// Pure functions, thread-safe. Inputs are bounded by the caller (addresses
// are short); decoding is O(n^2) in the input length, so callers must not
// pass more than ~128 characters (longer inputs are rejected).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::wallet {

// Bitcoin's base58 alphabet (no 0, O, I, l), shared by Monero's block base58.
inline constexpr char kBase58Alphabet[] =
    "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

namespace detail {
constexpr std::array<int8_t, 256> MakeBase58DigitTable() {
  std::array<int8_t, 256> t{};
  for (auto& v : t) v = -1;
  for (int i = 0; i < 58; ++i) t[static_cast<uint8_t>(kBase58Alphabet[i])] = static_cast<int8_t>(i);
  return t;
}
}  // namespace detail

// Digit value of each byte in kBase58Alphabet, -1 for bytes outside it.
inline constexpr std::array<int8_t, 256> kBase58Digit = detail::MakeBase58DigitTable();

std::string EncodeBase58(std::span<const uint8_t> data);
// nullopt on a character outside the alphabet or an over-long input.
std::optional<std::vector<uint8_t>> DecodeBase58(std::string_view s);

// Appends the 4-byte double-SHA-256 checksum, then base58-encodes.
std::string EncodeBase58Check(std::span<const uint8_t> payload);
// Returns the payload (without checksum) if the checksum is valid.
std::optional<std::vector<uint8_t>> DecodeBase58Check(std::string_view s);

}  // namespace extortrace::wallet
