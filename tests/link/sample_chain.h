// The generator of samples/chain (SYNTHETIC): blocks in the real wire format
// in which victims pay the campaign wallets of samples/mail, the operator
// consolidates the wallets into one address, then cashes out to an exchange
// and a mixer labelled by a synthetic TagPack; plus a synthetic daily price
// series for those dates. Deterministic: tests/link/sample_chain_test.cpp
// rebuilds it and compares with the committed files, and
//   ET_REGENERATE_SAMPLES=1 build/.../tests/link_tests --gtest_filter=SampleChain.*
// rewrites them.
#pragma once

#include <fmt/format.h>

#include <cmath>
#include <string>
#include <vector>

#include "chain/block.h"
#include "chain/block_builder.h"
#include "chain/script.h"
#include "crypto/hash.h"
#include "trace/prices.h"

namespace extortrace::link::testing {

using chain::Hash256;

struct SampleChain {
  Bytes blk;  // framed blocks (blk00000.dat)
  std::string prices_csv;
  std::string tagpack;
  // Facts the tests check.
  std::string exchange, exchange2, mixer, consolidation;
  int64_t payments = 0;
  std::vector<std::pair<std::string, int64_t>> paid;  // wallet, sat
};

inline Bytes Hash160Of(const std::string& seed) {
  auto h = crypto::Sha256(AsBytes(seed));
  return Bytes(h.begin(), h.begin() + 20);
}

// Piecewise-linear synthetic BTC/USD close between rounded anchor points.
inline double SyntheticClose(int64_t day) {
  static const std::pair<const char*, double> kAnchors[] = {
      {"2022-06-01", 30000}, {"2022-11-15", 16500}, {"2023-06-01", 27000}, {"2024-03-14", 71000},
      {"2024-10-12", 62500}, {"2025-02-03", 98000}, {"2025-04-30", 94000}};
  for (size_t i = 0; i + 1 < std::size(kAnchors); ++i) {
    int64_t a = *DayNumber(kAnchors[i].first), b = *DayNumber(kAnchors[i + 1].first);
    if (day >= a && day <= b) {
      double f = static_cast<double>(day - a) / static_cast<double>(b - a);
      return std::round((kAnchors[i].second + f * (kAnchors[i + 1].second - kAnchors[i].second)) *
                        100) /
             100;
    }
  }
  return 0;
}

inline SampleChain BuildSampleChain() {
  SampleChain out;
  auto unix_of = [](const char* ymd, int hour) { return *DayNumber(ymd) * 86400 + hour * 3600; };
  auto p2wpkh = [](const std::string& seed) { return chain::WitnessScript(0, Hash160Of(seed)); };
  auto p2pkh = [](const std::string& seed) { return chain::P2pkhScript(Hash160Of(seed)); };
  auto addr = [](const Bytes& script) { return *chain::ScriptToAddress(script); };

  struct Utxo {
    Hash256 txid;
    uint32_t vout;
    int64_t value;
    std::string address;
  };
  std::vector<Bytes> blocks;
  Hash256 prev{};
  int64_t height = 0;
  std::vector<Utxo> coinbases;  // victims' funds
  auto add_block = [&](int64_t time, std::vector<chain::TxSpec> txs, const Bytes& miner) {
    chain::BlockSpec b;
    b.prev_hash = prev;
    b.time = static_cast<uint32_t>(time);
    b.txs.push_back(chain::MakeCoinbase(height, 50'0000'0000, miner));
    coinbases.push_back({chain::TxidOf(b.txs[0]), 0, 50'0000'0000, addr(miner)});
    for (auto& t : txs) b.txs.push_back(std::move(t));
    Bytes block = chain::SerializeBlock(b);
    prev = chain::BlockHashOf(block);
    blocks.push_back(std::move(block));
    ++height;
  };
  auto spend = [](std::vector<Utxo> ins, std::vector<std::pair<Bytes, int64_t>> outs) {
    chain::TxSpec t;
    for (const Utxo& u : ins) t.inputs.push_back({u.txid, u.vout, {}, 0xffffffff, {}});
    for (auto& [s, v] : outs) t.outputs.push_back({v, s});
    return t;
  };
  const int64_t kFee = 10000;
  int victim = 0;
  // Funding blocks: each coinbase pays a victim.
  for (int i = 0; i < 10; ++i)
    add_block(unix_of("2022-06-01", 0) + i * 600, {},
              p2wpkh(fmt::format("extortrace-demo-victim-{}", victim++)));

  struct Pay {
    const char* wallet;
    const char* day;
    double usd;  // 0: use btc
    double btc;
  };
  const Pay pays[] = {
      {"bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", "2022-06-15", 2500, 0},  // c-000002, 2,500 USD
      {"bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", "2022-06-16", 2500, 0},
      {"bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h", "2022-06-20", 1000, 0},  // partial: no match
      {"14A8r7TcpMewe8TNotM9KvcP2Evp81Cocb", "2022-10-20", 0, 0.15},          // c-000004, 0.15 BTC
      {"bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh", "2024-03-15", 900, 0},   // c-000005, 900 USD
      {"bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh", "2024-03-16", 900, 0},
      {"bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh", "2024-03-17", 900, 0},
      {"1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE", "2024-10-13", 1350, 0},  // c-000001, 1,350 USD
      {"1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE", "2024-10-14", 1350, 0},
      {"bc1p8hmgaey382whmq3wgk4y4fw2fmccqqujssfce8rhpz6zwpwfz9tsklc800", "2025-02-04", 1300,
       0},  // c-000003, 1,200 EUR
  };
  std::vector<Utxo> received;
  size_t funder = 0;
  for (const Pay& p : pays) {
    int64_t t = unix_of(p.day, 12);
    double price = SyntheticClose(*DayNumber(p.day));
    int64_t sat = p.usd > 0 ? static_cast<int64_t>(std::llround(p.usd / price * 1e8))
                            : static_cast<int64_t>(std::llround(p.btc * 1e8));
    Utxo from = coinbases[funder++];
    Bytes wallet = *chain::ScriptForAddress(p.wallet);
    Bytes change = p2wpkh(fmt::format("extortrace-demo-victim-change-{}", funder));
    auto tx = spend({from}, {{wallet, sat}, {change, from.value - sat - kFee}});
    received.push_back({chain::TxidOf(tx), 0, sat, p.wallet});
    out.paid.emplace_back(p.wallet, sat);
    add_block(t, {std::move(tx)}, p2wpkh(fmt::format("extortrace-demo-victim-{}", victim++)));
  }
  out.payments = static_cast<int64_t>(std::size(pays));
  // Consolidation of every campaign wallet into one operator address.
  Bytes k = p2wpkh("extortrace-demo-operator-consolidation");
  out.consolidation = addr(k);
  int64_t total = 0;
  for (const Utxo& u : received) total += u.value;
  auto consolidate = spend(received, {{k, total - kFee}});
  Hash256 kid = chain::TxidOf(consolidate);
  add_block(unix_of("2025-02-10", 9), {std::move(consolidate)}, p2wpkh("extortrace-demo-miner"));
  // Cash-out: 60% to an exchange deposit, 30% to a mixer, change to a fresh address.
  Bytes e = p2pkh("extortrace-demo-exchange-deposit-1"), x = p2wpkh("extortrace-demo-mixer-1");
  Bytes k2 = p2wpkh("extortrace-demo-operator-change");
  out.exchange = addr(e);
  out.mixer = addr(x);
  int64_t kv = total - kFee;
  int64_t to_e = kv * 6 / 10, to_x = kv * 3 / 10, to_k2 = kv - to_e - to_x - kFee;
  auto cashout = spend({{kid, 0, kv, out.consolidation}}, {{e, to_e}, {x, to_x}, {k2, to_k2}});
  Hash256 cid = chain::TxidOf(cashout);
  add_block(unix_of("2025-02-12", 15), {std::move(cashout)}, p2wpkh("extortrace-demo-miner"));
  Bytes e2 = p2pkh("extortrace-demo-exchange-deposit-2");
  out.exchange2 = addr(e2);
  auto last = spend({{cid, 2, to_k2, addr(k2)}}, {{e2, to_k2 - kFee}});
  add_block(unix_of("2025-02-20", 8), {std::move(last)}, p2wpkh("extortrace-demo-miner"));

  for (const Bytes& b : blocks) {
    Bytes f = chain::FrameBlock(b);
    out.blk.insert(out.blk.end(), f.begin(), f.end());
  }
  out.prices_csv = "Date,Open,High,Low,Close,Adj Close,Volume\n";
  for (int64_t d = *DayNumber("2022-06-01"); d <= *DayNumber("2025-04-30"); ++d) {
    double c = SyntheticClose(d);
    out.prices_csv +=
        fmt::format("{},{:.2f},{:.2f},{:.2f},{:.2f},{:.2f},0\n", DayString(d), c, c, c, c, c);
  }
  out.tagpack = fmt::format(
      "title: extortrace demo services (SYNTHETIC)\n"
      "creator: extortrace samples\n"
      "description: Made-up addresses derived from sha256 seeds; nobody owns them.\n"
      "currency: BTC\n"
      "lastmod: 2025-04-30\n"
      "confidence: ownership\n"
      "source: samples/chain/README.md\n"
      "tags:\n"
      "- address: {}\n  label: Example Exchange (synthetic)\n  category: exchange\n  actor: example-exchange\n"
      "- address: {}\n  label: Example Exchange (synthetic)\n  category: exchange\n  actor: example-exchange\n"
      "- address: {}\n  label: Example Mixer (synthetic)\n  category: mixing_service\n  actor: example-mixer\n",
      out.exchange, out.exchange2, out.mixer);
  return out;
}

}  // namespace extortrace::link::testing
