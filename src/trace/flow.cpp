#include "trace/flow.h"

#include <algorithm>
#include <map>
#include <unordered_map>

namespace extortrace::trace {

double FlowTx::TaintedOut() const {
  double t = 0;
  for (const FlowOutput& o : outputs) t += o.tainted_sat;
  return t;
}

std::string FlowTx::MainSource() const {
  const std::pair<std::string, double>* best = nullptr;
  for (const auto& f : tainted_from)
    if (best == nullptr || f.second > best->second) best = &f;
  return best ? best->first : std::string();
}

Result<std::vector<TaintSource>> SourcesOfAddress(ChainView& view, const std::string& address) {
  auto outs = view.OutputsOf(address);
  if (!outs) return Fail(outs.error());
  std::vector<TaintSource> s;
  for (const AddressOutput& o : *outs) s.push_back({o.txid, o.vout, o.value, address});
  return s;
}

Result<FlowResult> TraceFlow(ChainView& view, const std::vector<TaintSource>& start,
                             const LabelSet* labels, const std::set<std::string>& start_addresses,
                             const FlowOptions& options) {
  FlowResult r;
  struct Taint {
    double sat = 0;
    std::string address;  // of the tainted output
  };
  std::map<std::pair<std::string, uint32_t>, Taint> frontier;
  for (const TaintSource& s : start) {
    Taint& t = frontier[{s.txid, s.vout}];
    t.sat += static_cast<double>(s.taint_sat);
    if (t.address.empty()) t.address = s.address;
  }
  std::unordered_map<std::string, size_t> tx_pos;                  // txid -> r.txs index
  std::map<std::pair<std::string, std::string>, size_t> dest_pos;  // (address, txid)
  for (int hop = 1; hop <= options.max_hops && !frontier.empty(); ++hop) {
    // spending txid -> tainted input, by input address
    std::map<std::string, std::map<std::string, double>> arriving;
    for (const auto& [op, taint] : frontier) {
      auto sp = view.SpenderOf(op.first, op.second);
      if (!sp) return Fail(sp.error());
      if (*sp) arriving[(*sp)->txid][taint.address] += taint.sat;
    }
    frontier.clear();
    for (const auto& [txid, from] : arriving) {
      double taint_in = 0;
      for (const auto& [a, t] : from) taint_in += t;
      auto pos = tx_pos.find(txid);
      if (pos == tx_pos.end()) {
        if (r.txs.size() >= options.max_txs) {
          r.truncated = true;
          continue;
        }
        auto tx = view.GetTx(txid);
        if (!tx) return Fail(tx.error());
        FlowTx f;
        f.hop = hop;
        f.txid = txid;
        f.height = tx->height;
        f.time = tx->time;
        f.input_sat = tx->InputValue();
        if (f.input_sat <= 0) f.input_sat = tx->OutputValue();
        for (const TxOutput& o : tx->outputs) {
          FlowOutput fo;
          fo.vout = o.vout;
          fo.address = o.address;
          fo.value = o.value;
          if (labels && !o.address.empty() && !start_addresses.count(o.address)) {
            if (const Label* l = labels->Find(o.address)) {
              fo.label = l->label.empty() ? l->actor : l->label;
              fo.category = l->Kind();
              fo.stopped =
                  options.stop_at_labels && (!l->category.empty() || options.stop_at_abuse_labels);
            }
          }
          f.outputs.push_back(std::move(fo));
        }
        pos = tx_pos.emplace(txid, r.txs.size()).first;
        r.txs.push_back(std::move(f));
      }
      FlowTx& f = r.txs[pos->second];
      f.tainted_in_sat += taint_in;
      for (const auto& [a, t] : from) {
        auto it = std::find_if(f.tainted_from.begin(), f.tainted_from.end(),
                               [&](const auto& p) { return p.first == a; });
        if (it == f.tainted_from.end())
          f.tainted_from.emplace_back(a, t);
        else
          it->second += t;
      }
      double share = f.input_sat > 0 ? taint_in / static_cast<double>(f.input_sat) : 0;
      for (FlowOutput& o : f.outputs) {
        double t = share * static_cast<double>(o.value);
        if (t <= 0) continue;
        o.tainted_sat += t;
        if (!o.label.empty()) {
          auto key = std::make_pair(o.address, f.txid);
          auto d = dest_pos.find(key);
          if (d == dest_pos.end()) {
            const Label* l = labels->Find(o.address);
            d = dest_pos.emplace(key, r.destinations.size()).first;
            r.destinations.push_back(
                {o.address, o.label, o.category, l ? l->pack : "", f.txid, f.hop, 0});
          }
          r.destinations[d->second].tainted_sat += t;
        }
        if (o.stopped || t < options.min_taint_sat) continue;
        Taint& next = frontier[{f.txid, o.vout}];
        next.sat += t;
        next.address = o.address;
      }
    }
  }
  if (!frontier.empty()) {
    // Taint still moving after max_hops: not an error, the caller chose N.
  }
  std::stable_sort(r.txs.begin(), r.txs.end(), [](const FlowTx& a, const FlowTx& b) {
    return a.hop != b.hop ? a.hop < b.hop : a.txid < b.txid;
  });
  return r;
}

std::vector<Consolidation> FindConsolidations(
    const std::vector<std::pair<std::string, const FlowResult*>>& flows, size_t min_sources) {
  std::map<std::string, Consolidation> by_address;
  for (const auto& [wallet, flow] : flows) {
    if (flow == nullptr) continue;
    for (const FlowTx& tx : flow->txs) {
      for (const FlowOutput& o : tx.outputs) {
        if (o.address.empty() || o.tainted_sat <= 0 || o.address == wallet) continue;
        Consolidation& c = by_address[o.address];
        c.address = o.address;
        if (std::find(c.sources.begin(), c.sources.end(), wallet) == c.sources.end())
          c.sources.push_back(wallet);
        c.min_hop = c.min_hop == 0 ? tx.hop : std::min(c.min_hop, tx.hop);
        c.tainted_sat += o.tainted_sat;
        if (!o.label.empty()) c.label = o.label;
      }
    }
  }
  std::vector<Consolidation> out;
  for (auto& [a, c] : by_address) {
    if (c.sources.size() < min_sources) continue;
    std::sort(c.sources.begin(), c.sources.end());
    out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const Consolidation& a, const Consolidation& b) {
    return a.sources.size() > b.sources.size();
  });
  return out;
}

}  // namespace extortrace::trace
