#include "wallet/address.h"

#include <gtest/gtest.h>

#include <string>

namespace extortrace::wallet {
namespace {

struct Case {
  const char* input;
  const char* currency;
  const char* kind;
  bool testnet;
};

constexpr Case kValid[] = {
    // Bitcoin base58check: genesis coinbase, BIP-16 example, Core key_io vectors.
    {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "BTC", "p2pkh", false},
    {"1BgGZ9tcN4rm9KBzDn7KprQz87SZ26SAMH", "BTC", "p2pkh", false},
    {"3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "BTC", "p2sh", false},
    {"3CMNFxN1oHBc4R1EpboAL5yzHGgE611Xou", "BTC", "p2sh", false},
    {"mo9ncXisMeAoXwqcV5EWuyncbmCcQN4rVs", "BTC", "p2pkh", true},
    {"2N2JD6wb56AfK4tfmM6PwdVmoYk2dCKf4Br", "BTC", "p2sh", true},
    // Segwit (BIP-173 / BIP-350).
    {"bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4", "BTC", "p2wpkh", false},
    {"BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "BTC", "p2wpkh", false},
    {"bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3", "BTC", "p2wsh", false},
    {"tb1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3q0sl5k7", "BTC", "p2wsh", true},
    {"bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0", "BTC", "p2tr", false},
    {"tb1pqqqqp399et2xygdj5xreqhjjvcmzhxw4aywxecjdzew6hylgvsesf3hn0c", "BTC", "p2tr", true},
    {"bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", "BTC", "segwit-v2", false},
    {"BC1SW50QGDZ25J", "BTC", "segwit-v16", false},
    // Litecoin: the same HASH160 under versions 0x30 / 0x32; a native segwit key.
    {"LVuDpNCSSj6pQ7t9Pv6d6sUkLKoqDEVUnJ", "LTC", "p2pkh", false},
    {"MJaRnao1s62a2zAKSkmG582KbLKianqb7v", "LTC", "p2sh", false},
    {"ltc1qx88q7zjd74lxwgkjmmwlqv5pd3vujuehexfttt", "LTC", "p2wpkh", false},
    // Bitcoin Cash (cashaddr spec translation vectors).
    {"bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a", "BCH", "cashaddr-p2pkh", false},
    {"qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy", "BCH", "cashaddr-p2pkh", false},
    {"BITCOINCASH:PPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVN0H829PQ", "BCH", "cashaddr-p2sh", false},
    {"pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37", "BCH", "cashaddr-p2sh", false},
    {"bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t", "BCH", "cashaddr-p2sh", true},
    // Ethereum, EIP-55 "normal" vectors.
    {"0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "ETH", "eth", false},
    {"0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359", "ETH", "eth", false},
    {"0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "ETH", "eth", false},
    {"0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb", "ETH", "eth", false},
    // Monero.
    {"42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8cwX7B5WuZAxw2YbQ",
     "XMR", "xmr-standard", false},
    {"4BUqMSeJfNQGudzEJNvzQ2LXh4tbUdW4YCM7mq55edxBT7t1297vwCMZSnJwGvEKEKbH8hGmhZZAGhdHbp2te6AA38ZMi4"
     "knaCKLprMPni",
     "XMR", "xmr-integrated", false},
};

TEST(ValidateAddress, ValidVectors) {
  for (const auto& c : kValid) {
    auto a = ValidateAddress(c.input);
    ASSERT_TRUE(a.has_value()) << c.input;
    EXPECT_EQ(a->currency, c.currency) << c.input;
    EXPECT_EQ(a->kind, c.kind) << c.input;
    EXPECT_EQ(a->testnet, c.testnet) << c.input;
    EXPECT_TRUE(a->checksum_verified) << c.input;
    EXPECT_TRUE(PlausibleAddress(c.input)) << c.input;
  }
}

TEST(ValidateAddress, SingleCharacterCorruptionIsRejected) {
  for (const auto& c : kValid) {
    std::string s = c.input;
    if (s.rfind("0x", 0) == 0) continue;  // covered by the EIP-55 tests
    char& ch = s[s.size() - 3];
    ch = ch == '2' ? '3' : (ch == 'Z' ? 'Y' : (ch == 'z' ? 'y' : '2'));
    EXPECT_FALSE(ValidateAddress(s).has_value()) << s;
  }
}

TEST(ValidateAddress, CanonicalSpelling) {
  EXPECT_EQ(ValidateAddress("BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4")->address,
            "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
  EXPECT_EQ(ValidateAddress("qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy")->address,
            "bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy");
  EXPECT_EQ(ValidateAddress("BITCOINCASH:PPM2QSZNHKS23Z7629MMS6S4CWEF74VCWVN0H829PQ")->address,
            "bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq");
  EXPECT_EQ(ValidateAddress("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed")->address,
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
}

TEST(Eip55, SingleCaseVectorsAcceptedUnverified) {
  // EIP-55's all-caps and all-lower vectors: valid, but case carries no checksum.
  for (const char* s :
       {"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
        "0xde709f2102306220921060314715629080e2fb77",
        "0x27b1fdb04752bbc536007a920d24acb045561c26"}) {
    auto a = ValidateAddress(s);
    ASSERT_TRUE(a.has_value()) << s;
    EXPECT_EQ(a->currency, "ETH");
    EXPECT_FALSE(a->checksum_verified) << s;
    // For these vectors the EIP-55 spelling happens to be the given one.
    EXPECT_EQ(a->address.substr(2), std::string(s).substr(2)) << s;
  }
}

TEST(Eip55, WrongMixedCaseRejected) {
  EXPECT_FALSE(ValidateAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD").has_value());
  EXPECT_FALSE(ValidateAddress("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed").has_value());
  EXPECT_FALSE(ValidateAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAe").has_value());
  EXPECT_FALSE(ValidateAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedd").has_value());
  EXPECT_FALSE(ValidateAddress("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeg").has_value());
  EXPECT_EQ(Eip55Checksum("fb6916095ca1df60bb79ce92ce3ea74c37c5d359"),
            "fB6916095ca1df60bB79Ce92cE3Ea74c37c5d359");
  EXPECT_EQ(Eip55Checksum("xyz"), "");
}

TEST(ValidateAddress, LitecoinThreeIsReportedAsBitcoin) {
  auto a = ValidateAddress("3CNHUhP3uyB9EUtRLsmvFUmvGdjGdkTxJw");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->currency, "BTC");
  EXPECT_EQ(a->kind, "p2sh");
}

TEST(ValidateAddress, RejectsNonAddresses) {
  for (const char* s :
       {"", "hello", "1", "bitcoin", "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t5", "tc1qw508d6qejxtdg4y5r3zarvary0c5xw7kg3g4ty",
        "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6b",
        "foobar:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eyde268tla",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd",
        "0x0000000000000000000000000000000000000000000000000000000000000000",
        // A base58check-valid payload with an unknown version (a WIF key).
        "5Kd3NBUAdUnhyzenEwVLy9pBKxSwXvE9FMPyR4UKZvpe6E3AgLr",
        "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"}) {
    EXPECT_FALSE(ValidateAddress(s).has_value()) << s;
  }
}

}  // namespace
}  // namespace extortrace::wallet
