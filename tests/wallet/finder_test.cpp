#include "wallet/finder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

namespace extortrace::wallet {
namespace {

constexpr char kBtc[] = "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa";
constexpr char kBech[] = "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4";
constexpr char kEth[] = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
constexpr char kBch[] = "qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a";
constexpr char kXmr[] =
    "42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8cwX7B5WuZAxw2YbQ";

TEST(FindWallets, FindsEachKindWithOffsets) {
  std::string text = "Pay to " + std::string(kBtc) + ".\nOr " + kBech + ", or (" + kEth + ") or " +
                     kXmr + " or bitcoincash:" + kBch + " thanks";
  auto found = FindWallets(text);
  ASSERT_EQ(found.size(), 5u);
  EXPECT_EQ(found[0].wallet.address, kBtc);
  EXPECT_EQ(found[0].offset, 7u);
  EXPECT_EQ(found[0].length, 34u);
  EXPECT_EQ(found[0].recovered_from, "");
  EXPECT_EQ(found[1].wallet.kind, "p2wpkh");
  EXPECT_EQ(text.substr(found[1].offset, found[1].length), kBech);
  EXPECT_EQ(found[2].wallet.currency, "ETH");
  EXPECT_EQ(text.substr(found[2].offset, found[2].length), kEth);
  EXPECT_EQ(found[3].wallet.currency, "XMR");
  EXPECT_EQ(found[4].wallet.currency, "BCH");
  EXPECT_EQ(text.substr(found[4].offset, found[4].length), std::string("bitcoincash:") + kBch);
}

// Only a word of two or more letters may be glued to an address: a single
// letter, a digit or a mix of both around it still hides it.
TEST(FindWallets, EmbeddedInLongerRunDoesNotMatch) {
  EXPECT_TRUE(FindWallets(std::string("x") + kBtc).empty());
  EXPECT_TRUE(FindWallets(std::string(kBtc) + "9").empty());
  EXPECT_TRUE(FindWallets(std::string(kBtc) + "Na9").empty());
  EXPECT_TRUE(FindWallets(std::string("0x") + kEth).empty());
  EXPECT_TRUE(FindWallets("a1c" + std::string(kBech)).empty());
  EXPECT_TRUE(FindWallets(std::string(kBech) + "x").empty());
}

TEST(FindWallets, UrisAndPrefixes) {
  auto f = FindWallets(std::string("<a href=\"bitcoin:") + kBtc + "?amount=0.5&label=x\">pay</a>");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].wallet.address, kBtc);
  f = FindWallets(std::string("ethereum:") + kEth + "@1?value=1e18");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].wallet.currency, "ETH");
  f = FindWallets(std::string("BITCOIN:") + "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4?amount=1");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].wallet.address, kBech);
}

TEST(FindWallets, DeduplicatesByCanonicalAddress) {
  std::string text = std::string(kBech) + " again " +
                     "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4 and " + kBtc + " " + kBtc;
  auto f = FindWallets(text);
  ASSERT_EQ(f.size(), 2u);
  EXPECT_EQ(f[0].offset, 0u);
  EXPECT_EQ(f[1].wallet.address, kBtc);
}

struct SplitCase {
  const char* name;
  std::string text;
  std::string address;
};

TEST(FindWallets, RebuildsSplitAddresses) {
  const std::string btc = kBtc, bech = kBech, xmr = kXmr, eth = kEth;
  const SplitCase cases[] = {
      {"line break", "send to " + btc.substr(0, 20) + "\n" + btc.substr(20) + " now", btc},
      {"crlf", "send to " + btc.substr(0, 11) + "\r\n" + btc.substr(11) + "\r\n", btc},
      {"space", "wallet: " + btc.substr(0, 17) + " " + btc.substr(17), btc},
      {"dash", "wallet: " + btc.substr(0, 17) + " - " + btc.substr(17), btc},
      {"hyphen at line end", bech.substr(0, 30) + "-\n" + bech.substr(30), bech},
      {"quoted reply", "> pay " + btc.substr(0, 25) + "\n> " + btc.substr(25) + "\n", btc},
      {"double quote", ">> " + bech.substr(0, 12) + "\n>> " + bech.substr(12), bech},
      {"three lines", xmr.substr(0, 40) + "\n" + xmr.substr(40, 40) + "\n" + xmr.substr(80), xmr},
      {"eth", "eth " + eth.substr(0, 21) + "\n" + eth.substr(21), eth},
  };
  for (const auto& c : cases) {
    auto f = FindWallets(c.text);
    ASSERT_EQ(f.size(), 1u) << c.name;
    EXPECT_EQ(f[0].wallet.address, c.address) << c.name;
    EXPECT_EQ(f[0].recovered_from, "split-address") << c.name;
    const std::string span = c.text.substr(f[0].offset, f[0].length);
    EXPECT_EQ(span.front(), c.address.front()) << c.name;
    EXPECT_EQ(span.back(), c.address.back()) << c.name;
  }
}

TEST(FindWallets, DoesNotJoinAcrossOtherPunctuation) {
  const std::string btc = kBtc;
  EXPECT_TRUE(FindWallets(btc.substr(0, 17) + ", " + btc.substr(17)).empty());
  EXPECT_TRUE(FindWallets(btc.substr(0, 17) + "\n\n" + btc.substr(17)).empty());
}

TEST(FindWallets, SkipsZeroWidthCharacters) {
  const std::string btc = kBtc;
  for (const char* zw : {"\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u00ad"}) {
    std::string text =
        "to " + btc.substr(0, 10) + zw + btc.substr(10, 10) + zw + zw + btc.substr(20) + "\u200b.";
    auto f = FindWallets(text);
    ASSERT_EQ(f.size(), 1u) << zw;
    EXPECT_EQ(f[0].wallet.address, btc);
    EXPECT_EQ(f[0].recovered_from, "zero-width");
    EXPECT_EQ(f[0].offset, 3u);
    EXPECT_EQ(f[0].length, btc.size() + 3 * std::string(zw).size());
  }
}

TEST(FindWallets, CorruptedAddressIsNotReported) {
  std::string text = "send 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb now";
  EXPECT_TRUE(FindWallets(text).empty());
}

TEST(FindWallets, RandomTextProducesNothing) {
  std::mt19937 rng(12345);
  const std::string alphabet =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz0x  \n-:>";
  std::string text;
  for (int i = 0; i < 2000000; ++i) text.push_back(alphabet[rng() % alphabet.size()]);
  // Long runs are rare in this alphabet mix; add explicit address-shaped noise.
  for (int k = 0; k < 2000; ++k) {
    text += " 1";
    for (int i = 0; i < 33; ++i) text.push_back(alphabet[rng() % 58]);
    text += " bc1q";
    for (int i = 0; i < 38; ++i) text.push_back("qpzry9x8gf2tvdw0s3jn54khce6mua7l"[rng() % 32]);
  }
  auto f = FindWallets(text);
  for (const auto& w : f) {
    // Only unchecksummed ETH could appear by chance, and it needs 40 hex digits.
    EXPECT_FALSE(w.wallet.checksum_verified) << w.wallet.address;
  }
  EXPECT_LE(f.size(), 1u);
}

// The scanner steps over runs 16 bytes at a time: an address must be found
// with its exact offset wherever it starts and ends relative to those
// blocks, between any bytes that are not letters or digits (including
// UTF-8, which cannot continue an address), whole or split by a zero-width
// space.
TEST(FindWallets, FoundAtEveryAlignment) {
  const std::string fillers[] = {" ", "--", ". ", "\xC3\xA9", "\xE2\x80\x94", "\n> ", "(", "@@"};
  for (size_t lead = 0; lead < 40; ++lead) {
    for (const std::string& filler : fillers) {
      std::string prefix;
      while (prefix.size() < lead) prefix += filler;
      for (bool zw : {false, true}) {
        std::string addr = kBech;
        if (zw) addr.insert(20, "\xE2\x80\x8B");
        const std::string text = prefix + addr + (prefix.empty() ? " " : prefix) + "end";
        std::vector<FoundWallet> found = FindWallets(text);
        ASSERT_EQ(found.size(), 1u) << lead << " " << zw << " [" << text << "]";
        EXPECT_EQ(found[0].wallet.address, kBech);
        EXPECT_EQ(found[0].offset, prefix.size());
        EXPECT_EQ(found[0].length, addr.size());
      }
    }
  }
}

TEST(FindWallets, EmptyAndBinaryInput) {
  EXPECT_TRUE(FindWallets("").empty());
  std::string bin;
  for (int i = 0; i < 4096; ++i) bin.push_back(static_cast<char>(i * 131));
  EXPECT_TRUE(FindWallets(bin).empty());
}

}  // namespace
}  // namespace extortrace::wallet

namespace extortrace::wallet {
namespace {

TEST(FindWallets, AdjacentValidAddressesStaySeparate) {
  std::string text = std::string(kBtc) + "\n" + kBech + "\n> " + kEth + " - " + kBtc;
  auto f = FindWallets(text);
  ASSERT_EQ(f.size(), 3u);
  for (const auto& w : f) EXPECT_EQ(w.recovered_from, "");
  EXPECT_EQ(f[0].wallet.address, kBtc);
  EXPECT_EQ(f[1].wallet.address, kBech);
  EXPECT_EQ(f[2].wallet.currency, "ETH");
}

TEST(FindWallets, FindsAddressGluedToAWord) {
  struct Case {
    std::string before, address, after, canonical;
  };
  const Case cases[] = {
      {"Send it to ", kBtc, "Then wait.", kBtc},
      {"the walletis", kBtc, " today", kBtc},
      {"wallet", kBech, "", kBech},
      {"Adresse", "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4", "Danke", kBech},
      {"", kBech, "Thanks", kBech},
      {"BTCaddress", "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", "",
       "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"},
      {"pay ", kXmr, "now", kXmr},
      {"ETH", kEth, "ok", kEth},
      {"(cash", kBch, "Bye)", std::string("bitcoincash:") + kBch},
  };
  for (const Case& c : cases) {
    const std::string text = c.before + c.address + c.after;
    auto f = FindWallets(text);
    ASSERT_EQ(f.size(), 1u) << text;
    EXPECT_EQ(f[0].wallet.address, c.canonical) << text;
    EXPECT_EQ(f[0].recovered_from, "glued") << text;
    EXPECT_EQ(text.substr(f[0].offset, f[0].length), c.address) << text;
  }
}

// Separators already end a run: these are whole runs, not glued ones.
TEST(FindWallets, AddressAfterColonOrNonAsciiWordIsWhole) {
  for (const std::string& text :
       {std::string("wallet:") + kBech, std::string("BTC-address:") + kBtc,
        std::string("\xD0\xB0\xD0\xB4\xD1\x80\xD0\xB5\xD1\x81") + kBtc}) {
    auto f = FindWallets(text);
    ASSERT_EQ(f.size(), 1u) << text;
    EXPECT_EQ(f[0].recovered_from, "") << text;
  }
}

// A single-case ETH address has no checksum: glued, it could be any 40 hex
// digits inside a longer token, so it is not taken.
TEST(FindWallets, SingleCaseEthIsNotTakenFromAGluedRun) {
  EXPECT_TRUE(FindWallets("addr0x52908400098527886e0f7030069857d2e4169ee7ok").empty());
  EXPECT_EQ(FindWallets("addr 0x52908400098527886e0f7030069857d2e4169ee7 ok").size(), 1u);
}

// Runs of letters and digits of address length around random words: the
// glued search must not find anything (its checksums make that ~2^-24 per
// run), and it stays bounded.
TEST(FindWallets, RandomGluedRunsProduceNothing) {
  std::mt19937 rng(777);
  const std::string base58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
  const std::string bech = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  std::string text;
  for (int k = 0; k < 1000; ++k) {
    text += " word";
    text += "13LMmn"[rng() % 6];
    for (int i = 0; i < 33; ++i) text.push_back(base58[rng() % base58.size()]);
    text += "Then abcbc1q";
    for (int i = 0; i < 38; ++i) text.push_back(bech[rng() % bech.size()]);
    text += "Thanks";
  }
  EXPECT_TRUE(FindWallets(text).empty());
}

TEST(FindWallets, BchTestnetPrefix) {
  auto f = FindWallets("pay bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t today");
  ASSERT_EQ(f.size(), 1u);
  EXPECT_TRUE(f[0].wallet.testnet);
  EXPECT_EQ(f[0].offset, 4u);
  EXPECT_EQ(f[0].wallet.address, "bchtest:pr6m7j9njldwwzlg9v7v53unlr4jkmx6eyvwc0uz5t");
}

}  // namespace
}  // namespace extortrace::wallet
