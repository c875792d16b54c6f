// Internal: regrouping of bit strings (8-bit bytes <-> 5-bit groups) as used by
// bech32 (BIP-173 "convertbits") and cashaddr.
#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace extortrace::wallet::detail {

// Regroups `in` (each value < 2^from_bits) into to_bits-wide groups appended
// to `out`. With pad, a final partial group is zero-padded; without, leftover
// bits must be fewer than from_bits and all zero. Returns false on bad input.
template <int kFrom, int kTo>
bool ConvertBits(std::span<const uint8_t> in, bool pad, std::vector<uint8_t>* out) {
  uint32_t acc = 0;
  int bits = 0;
  constexpr uint32_t kMaxV = (1u << kTo) - 1;
  for (uint8_t v : in) {
    if ((v >> kFrom) != 0) return false;
    acc = ((acc << kFrom) | v) & ((1u << (kFrom + kTo - 1)) - 1);
    bits += kFrom;
    while (bits >= kTo) {
      bits -= kTo;
      out->push_back(static_cast<uint8_t>((acc >> bits) & kMaxV));
    }
  }
  if (pad) {
    if (bits > 0) out->push_back(static_cast<uint8_t>((acc << (kTo - bits)) & kMaxV));
  } else if (bits >= kFrom || ((acc << (kTo - bits)) & kMaxV) != 0) {
    return false;
  }
  return true;
}

// The 32-character alphabet shared by bech32 and cashaddr, and its inverse
// (-1 for characters outside it; upper-case letters map like lower-case).
inline constexpr char kBech32Charset[] = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
int8_t Bech32CharValue(char c);

}  // namespace extortrace::wallet::detail
