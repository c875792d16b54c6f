// The mmap'd address dictionary: inserts across several growth steps, lookups
// after reopening read-only, and address key round trips.
#include "chain/address_table.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <random>
#include <vector>

#include "chain/address_key.h"
#include "core/bytes.h"

namespace extortrace::chain {
namespace {

AddressKey KeyN(uint32_t n) {
  AddressKey k;
  k.type = AddressType::kPubkeyHash;
  k.length = 20;
  std::memcpy(k.bytes, &n, sizeof n);
  return k;
}

TEST(AddressTable, GrowsAndFindsEveryKeyAfterReopen) {
  std::random_device rd;
  const std::string path =
      (std::filesystem::temp_directory_path() / ("et_addr_" + std::to_string(rd()))).string();
  std::filesystem::create_directories(path);
  std::string file;
  size_t slots = 0;
  std::vector<AddressKey> keys;  // plays the address column
  auto key_at = [&](uint32_t id) { return keys.at(id); };
  {
    AddressTable t;
    ASSERT_TRUE(t.Create(path, 16).has_value());
    for (uint32_t n = 0; n < 5000; ++n) {
      auto r = t.FindOrInsert(KeyN(n), static_cast<uint32_t>(keys.size()), key_at);
      ASSERT_TRUE(r.has_value()) << r.error().ToString();
      ASSERT_TRUE(r->second);
      keys.push_back(KeyN(n));
    }
    EXPECT_GE(t.slot_count(), 8192u);  // grew from 16 slots, load <= 70 %
    for (uint32_t n = 0; n < 5000; n += 7) {
      auto r = t.FindOrInsert(KeyN(n), 999999, key_at);
      ASSERT_TRUE(r.has_value());
      EXPECT_FALSE(r->second);
      EXPECT_EQ(r->first, n);
    }
    file = t.file();
    slots = t.slot_count();
    ASSERT_TRUE(t.Close().has_value());
  }
  EXPECT_EQ(file, "addr." + std::to_string(slots) + ".table");
  AddressTable ro;
  ASSERT_TRUE(ro.OpenRead(path, file, slots).has_value());
  for (uint32_t n = 0; n < 5000; ++n) ASSERT_EQ(ro.Find(KeyN(n), key_at), std::optional(n));
  EXPECT_FALSE(ro.Find(KeyN(5000), key_at).has_value());
  // Slots of ids past a limit count as empty (an append not yet committed).
  EXPECT_FALSE(ro.Find(KeyN(4000), key_at, 4000).has_value());
  EXPECT_EQ(ro.Find(KeyN(3999), key_at, 4000), std::optional<uint32_t>(3999));
  ASSERT_TRUE(ro.Close().has_value());
  std::filesystem::remove_all(path);
}

TEST(AddressKey, StringAndScriptAgree) {
  const char* addrs[] = {"1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "3QJmV3qfvL9SuYo34YihAf3sRCW3qSinyC",
                         "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
                         "bc1p5cyxnuxmeuwuvkwfem96lqzszd02n6xdcjrs20cac6yqjjwudpxqkedrcr"};
  for (const char* a : addrs) {
    auto k = AddressKeyFromString(a);
    ASSERT_TRUE(k.has_value()) << a;
    EXPECT_EQ(AddressKeyToString(*k), a);
  }
  // p2pk and p2pkh of the same key share one AddressKey.
  Bytes p2pk = *HexDecode(
      "4104678afdb0fe5548271967f1a67130b7105cd6a828e03909a67962e0ea1f61deb649f6bc3f4cef38c4f35504e5"
      "1ec112de5c384df7ba0b8d578a4c702b6bf11d5fac");
  Bytes p2pkh = *HexDecode("76a91462e907b15cbf27d5425399ebf6f0fb50ebb88f1888ac");
  EXPECT_EQ(AddressKeyOfScript(p2pk), AddressKeyOfScript(p2pkh));
  EXPECT_EQ(AddressKeyOfScript(p2pk), AddressKeyFromString("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"));
  EXPECT_FALSE(AddressKeyOfScript(*HexDecode("6a0102")).has_value());
  EXPECT_FALSE(AddressKeyFromString("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx").has_value());
}

}  // namespace
}  // namespace extortrace::chain
