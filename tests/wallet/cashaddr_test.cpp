// Vectors from the CashAddr specification (bitcoincashorg spec/cashaddr.md).
#include "wallet/cashaddr.h"

#include <gtest/gtest.h>

#include "core/bytes.h"
#include "wallet/base58.h"

namespace extortrace::wallet {
namespace {

struct Translation {
  const char* legacy;
  const char* cashaddr;
};

constexpr Translation kTranslations[] = {
    {"1BpEi6DfDAUFd7GtittLSdBeYJvcoaVggu",
     "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a"},
    {"1KXrWXciRDZUpQwQmuM1DbwsKDLYAYsVLR",
     "bitcoincash:qr95sy3j9xwd2ap32xkykttr4cvcu7as4y0qverfuy"},
    {"16w1D5WRVKJuZUsSRzdLp9w3YGcgoxDXb", "bitcoincash:qqq3728yw0y47sqn6l2na30mcw6zm78dzqre909m2r"},
    {"3CWFddi6m4ndiGyKqzYvsFYagqDLPVMTzC",
     "bitcoincash:ppm2qsznhks23z7629mms6s4cwef74vcwvn0h829pq"},
    {"3LDsS579y7sruadqu11beEJoTjdFiFCdX4",
     "bitcoincash:pr95sy3j9xwd2ap32xkykttr4cvcu7as4yc93ky28e"},
    {"31nwvkZwyPdgzjBJZXfDmSWsC4ZLKpYyUw",
     "bitcoincash:pqq3728yw0y47sqn6l2na30mcw6zm78dzq5ucqzc37"},
};

TEST(CashAddr, LegacyTranslationVectors) {
  for (const auto& t : kTranslations) {
    auto legacy = DecodeBase58Check(t.legacy);
    ASSERT_TRUE(legacy.has_value()) << t.legacy;
    Bytes hash(legacy->begin() + 1, legacy->end());
    const uint8_t type = (*legacy)[0] == 0x05 ? 1 : 0;
    EXPECT_EQ(EncodeCashAddr("bitcoincash", type, hash), t.cashaddr);
    auto dec = DecodeCashAddr(t.cashaddr);
    ASSERT_TRUE(dec.has_value()) << t.cashaddr;
    EXPECT_EQ(dec->prefix, "bitcoincash");
    EXPECT_EQ(dec->type, type);
    EXPECT_EQ(dec->hash, hash);
  }
}

struct Sized {
  const char* address;
  uint8_t type;
  const char* hash_hex;
};

constexpr Sized kSized[] = {
    {"bitcoincash:qr6m7j9njldwwzlg9v7v53unlr4jkmx6eylep8ekg2", 0,
     "f5bf48b397dae70be82b3cca4793f8eb2b6cdac9"},
    {"bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t", 1,
     "f5bf48b397dae70be82b3cca4793f8eb2b6cdac9"},
    {"pref:pr6m7j9njldwwzlg9v7v53unlr4jkmx6ey65nvtks5", 1,
     "f5bf48b397dae70be82b3cca4793f8eb2b6cdac9"},
    {"prefix:0r6m7j9njldwwzlg9v7v53unlr4jkmx6ey3qnjwsrf", 15,
     "f5bf48b397dae70be82b3cca4793f8eb2b6cdac9"},
    {"bitcoincash:q9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2ws4mr9g0", 0,
     "7adbf6c17084bc86c1706827b41a56f5ca32865925e946ea"},
    {"bchtest:p9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2u94tsynr", 1,
     "7adbf6c17084bc86c1706827b41a56f5ca32865925e946ea"},
    {"pref:p9adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2khlwwk5v", 1,
     "7adbf6c17084bc86c1706827b41a56f5ca32865925e946ea"},
    {"prefix:09adhakpwzztepkpwp5z0dq62m6u5v5xtyj7j3h2p29kc2lp", 15,
     "7adbf6c17084bc86c1706827b41a56f5ca32865925e946ea"},
};

TEST(CashAddr, SizeAndPrefixVectors) {
  for (const auto& v : kSized) {
    auto dec = DecodeCashAddr(v.address);
    ASSERT_TRUE(dec.has_value()) << v.address;
    EXPECT_EQ(dec->type, v.type) << v.address;
    EXPECT_EQ(HexEncode(dec->hash), v.hash_hex) << v.address;
    std::string_view sv(v.address);
    EXPECT_EQ(EncodeCashAddr(sv.substr(0, sv.find(':')), v.type, dec->hash), v.address);
  }
}

TEST(CashAddr, BarePayloadUsesDefaultPrefix) {
  EXPECT_TRUE(DecodeCashAddr("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a").has_value());
  EXPECT_FALSE(DecodeCashAddr("qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a", "bchtest"));
  EXPECT_TRUE(DecodeCashAddr("pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t", "bchtest"));
}

TEST(CashAddr, Rejects) {
  for (const char* s : {
           "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6b",   // checksum
           "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdX6a",   // mixed case
           "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdxb6a",  // length
           "bchtest:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",       // other prefix
           "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdxia",   // 'i' not in alphabet
           ":qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a",              // empty prefix
           "bitcoincash:",
           "bitcoincash:qqqqqqqq",
           "",
       }) {
    EXPECT_FALSE(DecodeCashAddr(s).has_value()) << s;
  }
}

TEST(CashAddr, EncodeRejectsUnsupportedHashLength) {
  EXPECT_EQ(EncodeCashAddr("bitcoincash", 0, Bytes(21, 0)), "");
  EXPECT_EQ(EncodeCashAddr("bitcoincash", 16, Bytes(20, 0)), "");
  EXPECT_NE(EncodeCashAddr("bitcoincash", 0, Bytes(64, 0)), "");
}

}  // namespace
}  // namespace extortrace::wallet
