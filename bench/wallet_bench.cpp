// Throughput of the address scanner on mail-like text, and cost per
// ValidateAddress() call for each address family.
#include <benchmark/benchmark.h>

#include <string>
#include <vector>

#include "wallet/address.h"
#include "wallet/finder.h"

namespace {

using extortrace::wallet::FindWallets;
using extortrace::wallet::ValidateAddress;

// A typical extortion mail: plain English, wrapped at ~72 columns, about
// 10 KB, with one Bitcoin address in the middle.
std::string MailBody(bool with_address) {
  const std::vector<std::string> sentences = {
      "Hello, I have very bad news for you.",
      "A few months ago I gained access to the device you use to browse the internet.",
      "After that I started tracking your internet activity and collected your contacts.",
      "The software I used is undetectable by antivirus programs and updates its signature.",
      "I recorded a video of you with the camera of your device while you were watching.",
      "If you want me to delete this material, transfer the amount below to my wallet.",
      "You have exactly 48 hours from the moment you opened this letter to make the payment.",
      "I will know when you read this message, because the letter contains a tracking pixel.",
      "Do not try to reply to this email, the address was generated for this single message.",
      "If you do not pay, every contact in your address book will receive the recording.",
      "Think about your reputation, your family and your colleagues before you decide.",
      "Once the payment is confirmed I will destroy the data and you will never hear from me.",
      "Bitcoin can be bought at any exchange; search the web for how to buy bitcoin.",
      "Amount: 1250 USD, to be paid in Bitcoin at the current exchange rate, no less.",
  };
  std::string out;
  size_t col = 0, i = 0;
  bool address_done = !with_address;
  while (out.size() < 10 * 1024) {
    std::string s = sentences[i % sentences.size()];
    if (!address_done && out.size() > 5 * 1024) {
      s = "My Bitcoin wallet: 1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa (copy it exactly).";
      address_done = true;
    }
    ++i;
    size_t pos = 0;
    while (pos < s.size()) {
      size_t sp = s.find(' ', pos);
      std::string word = s.substr(pos, sp == std::string::npos ? std::string::npos : sp - pos);
      pos = sp == std::string::npos ? s.size() : sp + 1;
      if (col + word.size() + 1 > 72) {
        out += "\n";
        col = 0;
      } else if (col > 0) {
        out += " ";
        ++col;
      }
      out += word;
      col += word.size();
    }
    if (i % 4 == 0) {
      out += "\n\n";
      col = 0;
    }
  }
  return out;
}

void BM_FindWallets_Mail10K(benchmark::State& state) {
  const std::string text = MailBody(state.range(0) != 0);
  for (auto _ : state) {
    auto found = FindWallets(text);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindWallets_Mail10K)->Arg(1)->Arg(0);

void BM_FindWallets_SplitQuoted(benchmark::State& state) {
  std::string text = MailBody(false);
  text += "\n> wallet: 1A1zP1eP5QGefi2DMPTfT\n> L5SLmv7DivfNa\n";
  for (auto _ : state) {
    auto found = FindWallets(text);
    benchmark::DoNotOptimize(found);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindWallets_SplitQuoted);

void BM_ValidateAddress(benchmark::State& state, const char* address) {
  for (auto _ : state) {
    auto a = ValidateAddress(address);
    benchmark::DoNotOptimize(a);
  }
}
BENCHMARK_CAPTURE(BM_ValidateAddress, btc_p2pkh, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa");
BENCHMARK_CAPTURE(BM_ValidateAddress, btc_bech32, "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
BENCHMARK_CAPTURE(BM_ValidateAddress, btc_p2tr,
                  "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0");
BENCHMARK_CAPTURE(BM_ValidateAddress, bch_cashaddr,
                  "bitcoincash:qpm2qsznhks23z7629mms6s4cwef74vcwvy22gdx6a");
BENCHMARK_CAPTURE(BM_ValidateAddress, eth_eip55, "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed");
BENCHMARK_CAPTURE(BM_ValidateAddress, xmr_standard,
                  "42z3MVZMRgE72dPA89MtCD6tYeWke8cV2B3YPYg1pe5x9X7VVqee6MWhjPrjCMiUFwejWkh8KL6MpN8"
                  "cwX7B5WuZAxw2YbQ");
BENCHMARK_CAPTURE(BM_ValidateAddress, btc_bad_checksum, "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNb");
BENCHMARK_CAPTURE(BM_ValidateAddress, english_word, "extraordinarily");

}  // namespace

BENCHMARK_MAIN();
