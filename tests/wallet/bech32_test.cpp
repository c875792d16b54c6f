// Test vectors from BIP-173 and BIP-350 (and the reference implementation's
// tests.py at github.com/sipa/bech32, which carries both).
#include "wallet/bech32.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

#include "core/bytes.h"

namespace extortrace::wallet {
namespace {

const std::string kValidBech32[] = {
    "A12UEL5L",
    "a12uel5l",
    "an83characterlonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1tt5tgs",
    "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw",
    "11qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqc8247j",
    "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w",
    "?1ezyfcl",
};

const std::string kValidBech32m[] = {
    "A1LQFN3A",
    "a1lqfn3a",
    "an83characterlonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11sg7hg6",
    "abcdef1l7aum6echk45nj3s0wdvt2fg8x9yrzpqzd3ryx",
    "11llllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllllludsr8",
    "split1checkupstagehandshakeupstreamerranterredcaperredlc445v",
    "?1v759aa",
};

const std::string kInvalidBech32[] = {
    " 1nwldj5",
    "\x7f"
    "1axkwrx",
    "\x80"
    "1eym55h",
    "an84characterslonghumanreadablepartthatcontainsthenumber1andtheexcludedcharactersbio1569pvx",
    "pzry9x0s0muk",
    "1pzry9x0s0muk",
    "x1b4n0q5v",
    "li1dgmt3",
    "de1lg7wt\xff",
    "A1G7SGD8",
    "10a06t8",
    "1qzzfhee",
};

const std::string kInvalidBech32m[] = {
    " 1xj0phk",
    "\x7f"
    "1g6xzxy",
    "\x80"
    "1vctc34",
    "an84characterslonghumanreadablepartthatcontainsthetheexcludedcharactersbioandnumber11d6pts4",
    "qyrz8wqd2c9m",
    "1qyrz8wqd2c9m",
    "y1b0jsk6g",
    "lt1igcx5c0",
    "in1muywd",
    "mm1crxm3i",
    "au1s5cgom",
    "M1VUXWEZ",
    "16plkw9",
    "1p2gdwpf",
};

void CheckValid(const std::string& s, Bech32Encoding want) {
  auto dec = DecodeBech32(s);
  ASSERT_TRUE(dec.has_value()) << s;
  EXPECT_EQ(dec->encoding, want) << s;
  // Re-encoding gives the lowercase string back.
  std::string lower;
  for (char c : s) lower.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  EXPECT_EQ(EncodeBech32(want, dec->hrp, dec->data), lower);
  // Flipping one bit of the first data character breaks the checksum.
  std::string bad = s;
  size_t pos = bad.rfind('1');
  bad[pos + 1] = static_cast<char>(bad[pos + 1] ^ 1);
  EXPECT_FALSE(DecodeBech32(bad).has_value()) << bad;
}

TEST(Bech32, ValidChecksumsBip173) {
  for (const auto& s : kValidBech32) CheckValid(s, Bech32Encoding::kBech32);
}

TEST(Bech32, ValidChecksumsBip350) {
  for (const auto& s : kValidBech32m) CheckValid(s, Bech32Encoding::kBech32m);
}

TEST(Bech32, InvalidBip173) {
  for (const auto& s : kInvalidBech32) {
    auto dec = DecodeBech32(s);
    EXPECT_TRUE(!dec || dec->encoding != Bech32Encoding::kBech32) << s;
  }
}

TEST(Bech32, InvalidBip350) {
  for (const auto& s : kInvalidBech32m) {
    auto dec = DecodeBech32(s);
    EXPECT_TRUE(!dec || dec->encoding != Bech32Encoding::kBech32m) << s;
  }
}

TEST(Bech32, RejectsMixedCase) {
  EXPECT_FALSE(DecodeBech32("A12uEL5L").has_value());
  EXPECT_TRUE(DecodeBech32("A12UEL5L").has_value());
}

struct AddrVec {
  const char* addr;
  const char* script_hex;  // scriptPubKey: OP_n, push length, program
};

// BIP-350 valid segwit addresses.
constexpr AddrVec kValidAddresses[] = {
    {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "0014751e76e8199196d454941c45d1b3a323f1433bd6"},
    {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7",
     "00201863143c14c5166804bd19203356da136c985678cd4d27a1b8c6329604903262"},
    {"bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kt5nd6y",
     "5128751e76e8199196d454941c45d1b3a323f1433bd6751e76e8199196d454941c45d1b3a323f1433bd6"},
    {"BC1SW50QGDZ25J", "6002751e"},
    {"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "5210751e76e8199196d454941c45d1b3a323"},
    {"tb1qqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesrxh6hy",
     "0020000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
    {"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c",
     "5120000000c4a5cad46221b2a187905e5266362b99d5e91c6ce24d165dab93e86433"},
    {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
     "512079be667ef9dcbbac55a06295ce870b07029bfcdb2dce28d959f2815b16f81798"},
};

TEST(Segwit, ValidAddressesBip350) {
  for (const auto& v : kValidAddresses) {
    std::string hrp = "bc";
    auto prog = DecodeSegwitAddress(hrp, v.addr);
    if (!prog) {
      hrp = "tb";
      prog = DecodeSegwitAddress(hrp, v.addr);
    }
    ASSERT_TRUE(prog.has_value()) << v.addr;
    Bytes script{static_cast<uint8_t>(prog->version ? prog->version + 0x50 : 0),
                 static_cast<uint8_t>(prog->program.size())};
    script.insert(script.end(), prog->program.begin(), prog->program.end());
    EXPECT_EQ(HexEncode(script), v.script_hex) << v.addr;
    auto enc = EncodeSegwitAddress(hrp, prog->version, prog->program);
    ASSERT_TRUE(enc.has_value());
    std::string lower;
    for (const char* p = v.addr; *p; ++p) lower.push_back(static_cast<char>(std::tolower(*p)));
    EXPECT_EQ(*enc, lower);
  }
}

const std::string kInvalidAddresses[] = {
    // BIP-350
    "tc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq5zuyut",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
    "tb1z0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqglt7rf",
    "BC1S0XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ54WELL",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh",
    "tb1q0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq24jc47",
    "bc1p38j9r5y49hruaue7wxjce0updqjuyyx0kh56v8s25huc6995vvpql3jow4",
    "BC130XLXVLHEMJA6C4DQV22UAPCTQUPFHLXM9H8Z3K2E72Q4K9HCZ7VQ7ZWS8R",
    "bc1pw5dgrnzv",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v8n0nx0muaewav253zgeav",
    "BC1QR508D6QEJXTDG4Y5R3ZARVARYV98GJ9P",
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vq47Zagq",
    "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7v07qwwzcrf",
    "tb1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vpggkg4j",
    "bc1gmk9yu",
    // BIP-173
    "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",
    "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5",
    "BC13W508D6QEJXTDG4Y5R3ZARVARY0C5XW7KN40WF2",
    "bc1rw5uspcuh",
    "bc10w508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7kw5rljs90",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sL5k7",
    "bc1zw508d6qejxtdg4y5r3zarvaryvqyzf3du",
    "tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3pjxtptv",
    // BIP-173's valid v1+ examples use bech32, which BIP-350 made invalid.
    "bc1pw508d6qejxtdg4y5r3zarvary0c5xw7kw508d6qejxtdg4y5r3zarvary0c5xw7k7grplx",
    "BC1SW50QA3JX3S",
    "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj",
};

TEST(Segwit, InvalidAddresses) {
  for (const auto& s : kInvalidAddresses) {
    EXPECT_FALSE(DecodeSegwitAddress("bc", s).has_value()) << s;
    EXPECT_FALSE(DecodeSegwitAddress("tb", s).has_value()) << s;
  }
}

TEST(Segwit, OldBip173V1ExamplesAreStillValidBech32Strings) {
  for (const char* s : {"BC1SW50QA3JX3S", "bc1zw508d6qejxtdg4y5r3zarvaryvg6kdaj"}) {
    auto dec = DecodeBech32(s);
    ASSERT_TRUE(dec.has_value()) << s;
    EXPECT_EQ(dec->encoding, Bech32Encoding::kBech32);
  }
}

TEST(Segwit, InvalidEncodeArguments) {
  Bytes p20(20, 0), p21(21, 0), p32(32, 0), p1(1, 0), p41(41, 0);
  EXPECT_FALSE(EncodeSegwitAddress("BC", 0, p20).has_value());
  EXPECT_FALSE(EncodeSegwitAddress("bc", 0, p21).has_value());
  EXPECT_FALSE(EncodeSegwitAddress("bc", 17, p32).has_value());
  EXPECT_FALSE(EncodeSegwitAddress("bc", 1, p1).has_value());
  EXPECT_FALSE(EncodeSegwitAddress("bc", 16, p41).has_value());
  EXPECT_FALSE(EncodeSegwitAddress("bc", -1, p20).has_value());
  EXPECT_TRUE(EncodeSegwitAddress("bc", 0, p20).has_value());
}

}  // namespace
}  // namespace extortrace::wallet
