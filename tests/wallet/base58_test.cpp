#include "wallet/base58.h"

#include <gtest/gtest.h>

#include "core/bytes.h"

namespace extortrace::wallet {
namespace {

struct Vec {
  const char* hex;
  const char* b58;
};

// Bitcoin Core src/test/data/base58_encode_decode.json.
constexpr Vec kBase58[] = {
    {"", ""},
    {"61", "2g"},
    {"626262", "a3gV"},
    {"636363", "aPEr"},
    {"73696d706c792061206c6f6e6720737472696e67", "2cFupjhnEsSn59qHXstmK2ffpLv2"},
    {"00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L"},
    {"516b6fcd0f", "ABnLTmg"},
    {"bf4f89001e670274dd", "3SEo3LWLoPntC"},
    {"572e4794", "3EFU7m"},
    {"ecac89cad93923c02321", "EJDM8drfXA6uyA"},
    {"10c8511e", "Rt5zm"},
    {"00000000000000000000", "1111111111"},
    {"000111d38e5fc9071ffcd20b4a763cc9ae4f252bb4e48fd66a835e252ada93ff480d6dd43dc62a641155a5",
     "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"},
};

TEST(Base58, EncodeDecodeVectors) {
  for (const auto& v : kBase58) {
    Bytes raw = HexDecode(v.hex).value();
    EXPECT_EQ(EncodeBase58(raw), v.b58) << v.hex;
    auto dec = DecodeBase58(v.b58);
    ASSERT_TRUE(dec.has_value()) << v.b58;
    EXPECT_EQ(HexEncode(*dec), v.hex);
  }
}

TEST(Base58, RejectsCharactersOutsideAlphabet) {
  for (const char* s : {"0", "O", "I", "l", "3mJr7AoUCHxNqd4U0", "abc ", " abc", "a+b", "\xff"}) {
    EXPECT_FALSE(DecodeBase58(s).has_value()) << s;
  }
}

TEST(Base58, RejectsOverlongInput) {
  EXPECT_TRUE(DecodeBase58(std::string(128, 'z')).has_value());
  EXPECT_FALSE(DecodeBase58(std::string(129, 'z')).has_value());
}

struct CheckVec {
  const char* b58;
  const char* payload_hex;
};

// Addresses and keys whose payloads appear in Bitcoin Core's key_io tests.
constexpr CheckVec kBase58Check[] = {
    {"1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i", "0065a16059864a2fdbc7c99a4723a8395bc6f188eb"},
    {"3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou", "0574f209f6ea907e2ea48f74fae05782ae8a665257"},
    {"mo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs", "6f53c0307d6851aa0ce7825ba883c6bd9ad242b486"},
    {"2N2JD6wb56AfK4tfmM6PwdVmoYk2dCKf4Br", "c46349a418fc4578d10a372b54b45c280cc8c4382f"},
    {"5Kd3NBUAdUnhyzenEwVLy9pBKxSwXvE9FMPyR4UKZvpe6E3AgLr",
     "80eddbdc1168f1daeadbd3e44c1e3f8f5a284c2029f78ad26af98583a499de5b19"},
    {"Kz6UJmQACJmLtaQj5A3JAge4kVTNQ8gbvXuwbmCj7bsaabudb3RD",
     "8055c9bccb9ed68446d1b75273bbce89d7fe013a8acd1625514420fb2aca1a21c401"},
    // The genesis block's coinbase address.
    {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "0062e907b15cbf27d5425399ebf6f0fb50ebb88f18"},
};

TEST(Base58Check, ValidVectors) {
  for (const auto& v : kBase58Check) {
    auto dec = DecodeBase58Check(v.b58);
    ASSERT_TRUE(dec.has_value()) << v.b58;
    EXPECT_EQ(HexEncode(*dec), v.payload_hex);
    EXPECT_EQ(EncodeBase58Check(HexDecode(v.payload_hex).value()), v.b58);
  }
}

TEST(Base58Check, InvalidVectors) {
  for (const char* s : {"Z9inZq4e2HGQRZQezDjFMmqgUE8NwMRok", "3HK7MezAm6qEZQUMPRf8jX7wDv6zig6Ky8",
                        "3AW8j12DUk8mgA7kkfZ1BrrzCVFuH1LsXS", "#####",
                        "1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62j", "1ANNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62i",
                        "1AGNa15ZQXAZUgFiqJ2i7Z2DPU2J6hW62", "", "1", "111", "2g"}) {
    EXPECT_FALSE(DecodeBase58Check(s).has_value()) << s;
  }
}

TEST(Base58Check, EverySingleCharacterChangeIsDetected) {
  const std::string good = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
  ASSERT_TRUE(DecodeBase58Check(good).has_value());
  const std::string alphabet = kBase58Alphabet;
  for (size_t i = 0; i < good.size(); ++i) {
    for (char c : alphabet) {
      if (c == good[i]) continue;
      std::string bad = good;
      bad[i] = c;
      EXPECT_FALSE(DecodeBase58Check(bad).has_value()) << bad;
    }
  }
}

TEST(Base58, AlphabetAndDigitTableAgree) {
  const std::string alphabet = kBase58Alphabet;
  ASSERT_EQ(alphabet, "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz");
  int in_alphabet = 0;
  for (int b = 0; b < 256; ++b) {
    size_t pos = alphabet.find(static_cast<char>(b));
    int want = b != 0 && pos != std::string::npos ? static_cast<int>(pos) : -1;
    EXPECT_EQ(kBase58Digit[static_cast<size_t>(b)], want) << b;
    in_alphabet += want >= 0;
  }
  EXPECT_EQ(in_alphabet, 58);
  for (char c : {'0', 'O', 'I', 'l'}) EXPECT_EQ(kBase58Digit[static_cast<uint8_t>(c)], -1);
}

}  // namespace
}  // namespace extortrace::wallet
