#include "wallet/monero.h"

#include <gtest/gtest.h>

#include "core/bytes.h"

namespace extortrace::wallet {
namespace {

struct Vec {
  const char* address;
  const char* spend_hex;
  const char* view_hex;
  const char* payment_id_hex;
};

// Published test vectors (mrtnetwork/blockchain_utils test/address/xmr).
constexpr Vec kVectors[] = {
    {"42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8cwX7B5WuZAxw2YbQ",
     "23e98445b5dfe3240a15ca5dfd00f62334d2eef0e4a94d3c0c4c32e08323cb32",
     "eecbb34bdf8671f383ab7d6feeacb6e1973c3f4c890c637e5612f5377bb57c58", ""},
    {"471SLbc2E2j7J5QMCEAV6K2bGd3C3TjrGaMiBQxAnR7z9ozebfZdbjJWbGWq7fuBWWj6nfj2PK8xJVCT6eVu9b7oKxCaZrA",
     "8e19cf96ffb31025a1bfb74ecf18bc0982d5c1ab03d0a1c76dcb5ba38f5ead34",
     "ac48be40f72bbdb0e9754ffdfbffd7fbb2ba26d66540d3a894d13b24bcfa12a7", ""},
    {"45mPJPfAqJe715SyK5n57QaRPh6WsAtHx8NZrZwr657s773aSMqd76qeQAxDxM9EHyTwRVxNFVSSSTJxJiJn9ft1Lm6rSJU",
     "6d51ad1391438723e12ae80210090bc7ceefa5e5131aeb2c12c569e5a2913624",
     "7ea573b8b9ce0adf98d90a8ffa4a0ca10dbdb43a05e1679d4b63610bd19756af", ""},
    {"4BUqMSeJfNQGudzEJNvzQ2LXh4tbUdW4YCM7mq55edxBT7t1297vwCMZSnJwGvEKEKbH8hGmhZZAGhdHbp2te6AA38ZMi4k"
     "naCKLprMPni",
     "041e74983374c95f1ae1be43916e3374c1d5efc1e049b143d69cc3d4856c189c",
     "2728614da40b12c1f9174b1969b744ccef87b9e92dde59f2e27e3390249e1f0c", "bc7ce989aa900caf"},
    {"4Di1CSUY6fnfg8bL2tDrvS2SMVfKaZZfZGjsyKsSih641LUNchchhAr3fP9zQy8oVM7MjWhK7TrbCZ8AY2VPmxNrjkTTVvg"
     "ctWPJPxL5vz",
     "3ee333eae72465e73882f06d86ca6f08978e8f2dc57c0c5e195c62086b8d7d02",
     "01d5143f3e708b0fe9e28ed4a5f91c260240ac3718dbd3c00dd311ec0cde2fff", "94be6ffede8fdc9a"},
};

TEST(Monero, DecodeVectors) {
  for (const auto& v : kVectors) {
    auto a = DecodeMoneroAddress(v.address);
    ASSERT_TRUE(a.has_value()) << v.address;
    const bool integrated = *v.payment_id_hex != '\0';
    EXPECT_EQ(a->kind, integrated ? MoneroAddressKind::kIntegrated : MoneroAddressKind::kStandard);
    EXPECT_EQ(a->network, MoneroNetwork::kMainnet);
    EXPECT_EQ(HexEncode(a->spend_key), v.spend_hex);
    EXPECT_EQ(HexEncode(a->view_key), v.view_hex);
    EXPECT_EQ(HexEncode(a->payment_id), v.payment_id_hex);
    EXPECT_EQ(EncodeMoneroAddress(a->kind, a->network, a->spend_key, a->view_key, a->payment_id),
              v.address);
  }
}

TEST(Monero, SubaddressAndOtherNetworksRoundTrip) {
  Bytes spend =
      HexDecode("23e98445b5dfe3240a15ca5dfd00f62334d2eef0e4a94d3c0c4c32e08323cb32").value();
  Bytes view =
      HexDecode("eecbb34bdf8671f383ab7d6feeacb6e1973c3f4c890c637e5612f5377bb57c58").value();
  std::string sub =
      EncodeMoneroAddress(MoneroAddressKind::kSubaddress, MoneroNetwork::kMainnet, spend, view);
  ASSERT_EQ(sub.size(), 95u);
  EXPECT_EQ(sub[0], '8');  // prefix 42
  auto a = DecodeMoneroAddress(sub);
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->kind, MoneroAddressKind::kSubaddress);
  std::string test =
      EncodeMoneroAddress(MoneroAddressKind::kStandard, MoneroNetwork::kTestnet, spend, view);
  ASSERT_TRUE(DecodeMoneroAddress(test).has_value());
  EXPECT_EQ(DecodeMoneroAddress(test)->network, MoneroNetwork::kTestnet);
  EXPECT_EQ(
      EncodeMoneroAddress(MoneroAddressKind::kIntegrated, MoneroNetwork::kMainnet, spend, view),
      "");  // integrated needs a payment id
}

TEST(Monero, Base58BlockEncoding) {
  // 8-byte blocks become 11 characters; short final blocks use the fixed table.
  EXPECT_EQ(EncodeMoneroBase58(Bytes{}), "");
  EXPECT_EQ(EncodeMoneroBase58(Bytes{0x00}), "11");
  EXPECT_EQ(EncodeMoneroBase58(Bytes(8, 0)), "11111111111");
  EXPECT_EQ(EncodeMoneroBase58(Bytes(8, 0xff)), "jpXCZedGfVQ");
  EXPECT_EQ(EncodeMoneroBase58(Bytes{0xff}), "5Q");
  for (size_t n = 0; n <= 20; ++n) {
    Bytes data(n);
    for (size_t i = 0; i < n; ++i) data[i] = static_cast<uint8_t>(i * 37 + 11);
    auto back = DecodeMoneroBase58(EncodeMoneroBase58(data));
    ASSERT_TRUE(back.has_value()) << n;
    EXPECT_EQ(*back, data);
  }
}

TEST(Monero, Base58Rejects) {
  EXPECT_FALSE(DecodeMoneroBase58("1").has_value());            // 1 char: no block size
  EXPECT_FALSE(DecodeMoneroBase58("1111").has_value());         // 4 chars: no block size
  EXPECT_FALSE(DecodeMoneroBase58("zzzzzzzzzzz").has_value());  // > 2^64
  EXPECT_FALSE(DecodeMoneroBase58("jpXCZedGfVR").has_value());  // 2^64 exactly
  EXPECT_FALSE(DecodeMoneroBase58("5R").has_value());           // 256 in one byte
  EXPECT_FALSE(DecodeMoneroBase58("0O").has_value());           // outside the alphabet
}

TEST(Monero, AddressRejects) {
  std::string good = kVectors[0].address;
  std::string bad = good;
  bad[50] = bad[50] == 'a' ? 'b' : 'a';
  EXPECT_FALSE(DecodeMoneroAddress(bad).has_value());
  EXPECT_FALSE(DecodeMoneroAddress(good.substr(0, 94)).has_value());
  EXPECT_FALSE(DecodeMoneroAddress(good + "1").has_value());
}

}  // namespace
}  // namespace extortrace::wallet
