#include "trace/payments.h"

#include <cmath>
#include <unordered_map>
#include <unordered_set>

namespace extortrace::trace {

int64_t WalletHistory::kept_sat() const {
  int64_t s = 0;
  for (const Payment& p : payments)
    if (p.kept()) s += p.value_sat;
  return s;
}
double WalletHistory::kept_usd() const {
  double s = 0;
  for (const Payment& p : payments)
    if (p.kept() && p.usd) s += *p.usd;
  return s;
}
int64_t WalletHistory::kept_count() const {
  int64_t n = 0;
  for (const Payment& p : payments) n += p.kept();
  return n;
}

bool MatchesDemand(std::optional<double> usd, int64_t sat, const std::vector<Demand>& demands,
                   double tolerance) {
  for (const Demand& d : demands) {
    if (!(d.amount > 0)) continue;
    double paid;
    if (d.currency == "USD" || d.currency == "usd" || d.currency == "$") {
      if (!usd) continue;
      paid = *usd;
    } else if (d.currency == "BTC" || d.currency == "btc") {
      paid = static_cast<double>(sat) / 1e8;
    } else {
      continue;
    }
    if (std::fabs(paid - d.amount) <= tolerance * d.amount) return true;
  }
  return false;
}

Result<WalletHistory> TraceWallet(ChainView& view, const std::string& address,
                                  const std::set<std::string>& campaign_wallets,
                                  const std::vector<Demand>& demands, const PriceTable* prices,
                                  const PaymentOptions& options) {
  WalletHistory h;
  h.address = address;
  auto outs = view.OutputsOf(address);
  if (!outs) return Fail(outs.error());
  std::unordered_set<std::string> txs;
  std::unordered_map<std::string, TxInfo> cache;
  for (const AddressOutput& o : *outs) {
    h.received_sat += o.value;
    txs.insert(o.txid);
    auto sp = view.SpenderOf(o.txid, o.vout);
    if (!sp) return Fail(sp.error());
    if (*sp) {
      h.sent_sat += o.value;
      txs.insert((*sp)->txid);
    }
    Payment p;
    p.wallet = address;
    p.txid = o.txid;
    p.vout = o.vout;
    p.height = o.height;
    p.time = o.time;
    p.value_sat = o.value;
    if (prices && o.time > 0) p.usd = prices->UsdOf(o.value, o.time);
    p.matches_demand = MatchesDemand(p.usd, p.value_sat, demands, options.demand_tolerance);
    if (options.drop_campaign_inputs || options.drop_single_output) {
      auto it = cache.find(o.txid);
      if (it == cache.end()) {
        auto tx = view.GetTx(o.txid);
        if (!tx) return Fail(tx.error());
        it = cache.emplace(o.txid, std::move(*tx)).first;
      }
      const TxInfo& tx = it->second;
      if (options.drop_campaign_inputs) {
        for (const TxInput& in : tx.inputs) {
          if (!in.address.empty() &&
              (in.address == address || campaign_wallets.count(in.address) > 0)) {
            p.dropped_by = "campaign-input";
            break;
          }
        }
      }
      if (p.dropped_by.empty() && options.drop_single_output && tx.outputs.size() == 1)
        p.dropped_by = "single-output";
    }
    if (p.dropped_by.empty() && options.usd_band && p.usd &&
        (*p.usd < options.min_usd || *p.usd > options.max_usd))
      p.dropped_by = "usd-band";
    h.payments.push_back(std::move(p));
  }
  h.tx_count = static_cast<int64_t>(txs.size());
  return h;
}

}  // namespace extortrace::trace
