// Internal: the Keccak[c=512] sponge with a selectable domain/padding byte.
// Keccak256() uses 0x01 (original Keccak); 0x06 yields FIPS 202 SHA3-256, which
// the tests compare against OpenSSL to check the permutation independently.
#pragma once

#include <cstdint>
#include <span>

#include "crypto/hash.h"

namespace extortrace::crypto::detail {

Hash256 KeccakSponge256(std::span<const uint8_t> data, uint8_t first_pad_byte);

}  // namespace extortrace::crypto::detail
