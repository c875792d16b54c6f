// Payments received by campaign wallets, valued in USD, matched to demands,
// and filtered as in Paquet-Clouston, Romiti, Haslhofer & Charvat, "Spams
// meet cryptocurrencies: sextortion in the bitcoin ecosystem" (AFT 2019):
//
//   1. campaign-input: drop a tx when a campaign wallet is among its inputs
//      (the operator moving money, not a victim paying);
//   2. usd-band: keep only payments whose USD value is inside [min, max];
//   3. single-output: drop txs with exactly one output (sweeps and
//      consolidations rather than a victim's wallet paying with change).
//
// Each filter is a switch. A dropped payment is still reported, with the
// name of the filter that dropped it, so totals can be recomputed.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/result.h"
#include "trace/chain_view.h"
#include "trace/prices.h"

namespace extortrace::trace {

struct Demand {
  double amount = 0;
  std::string currency;  // "USD", "BTC" (others are not matched)
};

struct PaymentOptions {
  bool drop_campaign_inputs = true;
  bool usd_band = false;
  double min_usd = 0, max_usd = 1e12;
  bool drop_single_output = false;
  // A payment matches a demand when |paid - demanded| <= tolerance * demanded.
  double demand_tolerance = 0.10;
};

struct Payment {
  std::string wallet, txid;
  uint32_t vout = 0;
  int64_t height = -1, time = 0;
  int64_t value_sat = 0;
  std::optional<double> usd;  // nullopt: no price for that day
  bool matches_demand = false;
  std::string dropped_by;  // "" kept, else "campaign-input", "usd-band", "single-output"
  bool kept() const { return dropped_by.empty(); }
};

struct WalletHistory {
  std::string address;
  int64_t received_sat = 0;       // all outputs paying the address
  int64_t sent_sat = 0;           // of those, spent
  int64_t tx_count = 0;           // distinct txs paying or spending it
  std::vector<Payment> payments;  // oldest first, dropped ones included
  int64_t kept_sat() const;
  double kept_usd() const;
  int64_t kept_count() const;
};

// True when `usd_or_btc` (the payment's USD value, and its BTC value)
// matches one of `demands` within `tolerance`.
bool MatchesDemand(std::optional<double> usd, int64_t sat, const std::vector<Demand>& demands,
                   double tolerance);

// The history of one wallet. `campaign_wallets` feeds filter 1 (the wallet
// itself always counts); `prices` may be null (no USD values; the USD band
// then drops nothing).
Result<WalletHistory> TraceWallet(ChainView& view, const std::string& address,
                                  const std::set<std::string>& campaign_wallets,
                                  const std::vector<Demand>& demands, const PriceTable* prices,
                                  const PaymentOptions& options = {});

}  // namespace extortrace::trace
