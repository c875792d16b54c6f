// Keccak-256 as used by Ethereum and Monero: the Keccak[c=512] sponge with the
// original multi-rate padding (first pad byte 0x01), not FIPS 202 SHA3-256
// (0x06). Written by hand because OpenSSL 3.0 does not expose this variant;
// see docs/decisions/0002-keccak-by-hand.md. Reference: "The Keccak reference",
// version 3.0, and FIPS 202 section 3.2 for the step mappings.
#include "crypto/detail/keccak.h"

#include <cstring>

#include "crypto/hash.h"

namespace extortrace::crypto {
namespace {

constexpr size_t kRate = 136;  // (1600 - 2 * 256) / 8

constexpr uint64_t kRoundConstants[24] = {
    0x0000000000000001ULL, 0x0000000000008082ULL, 0x800000000000808aULL, 0x8000000080008000ULL,
    0x000000000000808bULL, 0x0000000080000001ULL, 0x8000000080008081ULL, 0x8000000000008009ULL,
    0x000000000000008aULL, 0x0000000000000088ULL, 0x0000000080008009ULL, 0x000000008000000aULL,
    0x000000008000808bULL, 0x800000000000008bULL, 0x8000000000008089ULL, 0x8000000000008003ULL,
    0x8000000000008002ULL, 0x8000000000000080ULL, 0x000000000000800aULL, 0x800000008000000aULL,
    0x8000000080008081ULL, 0x8000000000008080ULL, 0x0000000080000001ULL, 0x8000000080008008ULL,
};

// Rotation offsets and lane permutation of the combined rho and pi steps,
// walking the lanes in pi order starting from lane 1.
constexpr int kRho[24] = {1,  3,  6,  10, 15, 21, 28, 36, 45, 55, 2,  14,
                          27, 41, 56, 8,  25, 43, 62, 18, 39, 61, 20, 44};
constexpr int kPi[24] = {10, 7,  11, 17, 18, 3, 5,  16, 8,  21, 24, 4,
                         15, 23, 19, 13, 12, 2, 20, 14, 22, 9,  6,  1};

inline uint64_t Rotl(uint64_t x, int n) { return (x << n) | (x >> (64 - n)); }

void KeccakF1600(uint64_t st[25]) {
  for (uint64_t rc : kRoundConstants) {
    uint64_t bc[5];
    // theta
    for (int i = 0; i < 5; ++i) bc[i] = st[i] ^ st[i + 5] ^ st[i + 10] ^ st[i + 15] ^ st[i + 20];
    for (int i = 0; i < 5; ++i) {
      uint64_t t = bc[(i + 4) % 5] ^ Rotl(bc[(i + 1) % 5], 1);
      for (int j = 0; j < 25; j += 5) st[j + i] ^= t;
    }
    // rho and pi
    uint64_t t = st[1];
    for (int i = 0; i < 24; ++i) {
      int j = kPi[i];
      uint64_t next = st[j];
      st[j] = Rotl(t, kRho[i]);
      t = next;
    }
    // chi
    for (int j = 0; j < 25; j += 5) {
      for (int i = 0; i < 5; ++i) bc[i] = st[j + i];
      for (int i = 0; i < 5; ++i) st[j + i] ^= (~bc[(i + 1) % 5]) & bc[(i + 2) % 5];
    }
    // iota
    st[0] ^= rc;
  }
}

// Lanes are little-endian (Keccak convention), independent of the host.
inline uint64_t LoadLe64(const uint8_t* p) {
  uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

void AbsorbBlock(uint64_t st[25], const uint8_t* block) {
  for (size_t i = 0; i < kRate / 8; ++i) st[i] ^= LoadLe64(block + 8 * i);
  KeccakF1600(st);
}

}  // namespace

namespace detail {

Hash256 KeccakSponge256(std::span<const uint8_t> data, uint8_t first_pad_byte) {
  uint64_t st[25] = {};
  const uint8_t* p = data.data();
  size_t n = data.size();
  while (n >= kRate) {
    AbsorbBlock(st, p);
    p += kRate;
    n -= kRate;
  }
  uint8_t last[kRate] = {};
  if (n > 0) std::memcpy(last, p, n);
  last[n] ^= first_pad_byte;  // pad10*1 (0x01) or SHA-3 domain bits + pad (0x06)
  last[kRate - 1] ^= 0x80;
  AbsorbBlock(st, last);
  Hash256 out;
  for (size_t i = 0; i < out.size(); ++i) out[i] = static_cast<uint8_t>(st[i / 8] >> (8 * (i % 8)));
  return out;
}

}  // namespace detail

Hash256 Keccak256(std::span<const uint8_t> data) { return detail::KeccakSponge256(data, 0x01); }

}  // namespace extortrace::crypto
