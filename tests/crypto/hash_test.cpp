#include "crypto/hash.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "core/bytes.h"
#include "crypto/detail/keccak.h"

namespace extortrace::crypto {
namespace {

template <size_t N>
std::string Hex(const std::array<uint8_t, N>& h) {
  return HexEncode(h);
}

Bytes Unhex(std::string_view hex) { return HexDecode(hex).value(); }

TEST(Sha256, NistVectors) {
  EXPECT_EQ(Hex(Sha256(AsBytes(""))),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Hex(Sha256(AsBytes("abc"))),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Hex(Sha256(AsBytes("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"))),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  std::string million(1000000, 'a');
  EXPECT_EQ(Hex(Sha256(AsBytes(million))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha256d, KnownValues) {
  EXPECT_EQ(Hex(Sha256d(AsBytes(""))),
            "5df6e0e2761359d30a8275058e299fcc0381534545f55cf43e41983f5d4c9456");
  EXPECT_EQ(Hex(Sha256d(AsBytes("hello"))),
            "9595c9df90075148eb06860365df33584b75bff782a510c6cd4883a419833d50");
}

TEST(Sha256d, GenesisBlockHeader) {
  // Bitcoin's genesis block header; its hash is displayed byte-reversed.
  Bytes header = Unhex(
      "0100000000000000000000000000000000000000000000000000000000000000000000003ba3edfd7a7b12b2"
      "7ac72c3e67768f617fc81bc3888a51323a9fb8aa4b1e5e4a29ab5f49ffff001d1dac2b7c");
  Hash256 h = Sha256d(header);
  std::reverse(h.begin(), h.end());
  EXPECT_EQ(Hex(h), "000000000019d6689c085ae165831e934ff763ae46a2a6c172b3f1b60a8ce26f");
}

TEST(Ripemd160, ReferenceVectors) {
  // From the RIPEMD-160 home page (Bosselaers).
  EXPECT_EQ(Hex(Ripemd160(AsBytes(""))), "9c1185a5c5e9fc54612808977ee8f548b2258d31");
  EXPECT_EQ(Hex(Ripemd160(AsBytes("a"))), "0bdc9d2d256b3ee9daae347be6f4dc835a467ffe");
  EXPECT_EQ(Hex(Ripemd160(AsBytes("abc"))), "8eb208f7e05d987a9b044a8e98c6b087f15a0bfc");
  EXPECT_EQ(Hex(Ripemd160(AsBytes("message digest"))), "5d0689ef49d2fae572b881b123a85ffa21595f36");
  std::string million(1000000, 'a');
  EXPECT_EQ(Hex(Ripemd160(AsBytes(million))), "52783243c1697bdbe16d37f97f68f08325dc1528");
}

TEST(Hash160, GeneratorPublicKey) {
  // HASH160 of the compressed secp256k1 generator: the program of BIP-173's
  // bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4.
  Bytes pub = Unhex("0279be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798");
  EXPECT_EQ(Hex(Hash160Of(pub)), "751e76e8199196d454941c45d1b3a323f1433bd6");
}

TEST(Keccak256, EthereumVectors) {
  EXPECT_EQ(Hex(Keccak256(AsBytes(""))),
            "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
  EXPECT_EQ(Hex(Keccak256(AsBytes("abc"))),
            "4e03657aea45a94fc7d47ba826c8d667c0d1e6e33a64a036ec44f58fa12d6c45");
  EXPECT_EQ(Hex(Keccak256(AsBytes("The quick brown fox jumps over the lazy dog"))),
            "4d741b6f1eb29cb2a9b9911c82f56fa8d73b04959d3d9d222895df6c0b28aa15");
  // Function selector of transfer(address,uint256) is the first 4 bytes.
  EXPECT_EQ(Hex(Keccak256(AsBytes("transfer(address,uint256)"))).substr(0, 8), "a9059cbb");
}

TEST(Keccak256, DiffersFromSha3) {
  Hash256 sha3{};
  unsigned int len = 0;
  ASSERT_EQ(EVP_Digest("", 0, sha3.data(), &len, EVP_sha3_256(), nullptr), 1);
  EXPECT_NE(Keccak256(AsBytes("")), sha3);
}

// The sponge with SHA-3's domain byte must equal OpenSSL's SHA3-256 for every
// length around the 136-byte rate boundaries: this checks the permutation,
// absorption and padding independently of the few fixed Keccak vectors.
TEST(Keccak256, SpongeMatchesOpensslSha3AcrossBlockBoundaries) {
  std::string msg;
  for (size_t n = 0; n <= 3 * 136 + 2; ++n) {
    Hash256 want{};
    unsigned int len = 0;
    ASSERT_EQ(EVP_Digest(msg.data(), msg.size(), want.data(), &len, EVP_sha3_256(), nullptr), 1);
    ASSERT_EQ(detail::KeccakSponge256(AsBytes(msg), 0x06), want) << "length " << n;
    msg.push_back(static_cast<char>('a' + n % 26));
  }
}

TEST(Keccak256, PublicFunctionUsesKeccakPadding) {
  std::string msg(200, 'x');
  EXPECT_EQ(Keccak256(AsBytes(msg)), detail::KeccakSponge256(AsBytes(msg), 0x01));
}

}  // namespace
}  // namespace extortrace::crypto
