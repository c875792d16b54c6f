#include "trace/flow.h"

#include <algorithm>
#include <map>
#include <optional>
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

TaintSplit SplitTaint(const TxInfo& tx, std::span<const double> input_taint) {
  TaintSplit s;
  s.value_in = std::max(tx.InputValue(), tx.OutputValue());
  s.inputs.assign(tx.inputs.size(), 0);
  for (size_t i = 0; i < tx.inputs.size() && i < input_taint.size(); ++i) {
    double t = std::max(0.0, input_taint[i]);
    if (tx.inputs[i].value > 0) t = std::min(t, static_cast<double>(tx.inputs[i].value));
    s.inputs[i] = t;
    s.tainted_in += t;
  }
  const double v = static_cast<double>(s.value_in);
  if (s.tainted_in > v) {  // only when some input value is unknown
    const double k = v > 0 ? v / s.tainted_in : 0;
    for (double& t : s.inputs) t *= k;
    s.tainted_in = v;
  }
  const double share = v > 0 ? s.tainted_in / v : 0;
  double out = 0;
  s.outputs.reserve(tx.outputs.size());
  for (const TxOutput& o : tx.outputs) {
    s.outputs.push_back(std::min(static_cast<double>(o.value), share * o.value));
    out += s.outputs.back();
  }
  s.fee = std::max(0.0, s.tainted_in - out);
  return s;
}

namespace {

using OutPoint = std::pair<std::string, uint32_t>;

// Taint arriving at a tx through one of its inputs.
struct Arrival {
  OutPoint spent;
  uint32_t vin = 0;  // as the view says; checked against the tx
  std::string address;
  double sat = 0;
};

// The input of `tx` spending `a.spent` (the view's vin when it matches).
std::optional<size_t> InputOf(const TxInfo& tx, const Arrival& a) {
  auto is = [&](size_t i) {
    return tx.inputs[i].prev_txid == a.spent.first && tx.inputs[i].prev_vout == a.spent.second;
  };
  if (a.vin < tx.inputs.size() && is(a.vin)) return a.vin;
  for (size_t i = 0; i < tx.inputs.size(); ++i)
    if (is(i)) return i;
  return std::nullopt;
}

// What the walk keeps per tx reached, beside its FlowTx.
struct Reached {
  TxInfo tx;
  std::vector<double> input_taint;  // all taint that arrived, per input
  TaintSplit split;                 // of input_taint
};

struct Taint {
  double sat = 0;
  std::string address;  // of the tainted output
};
using Frontier = std::map<OutPoint, Taint>;

class FlowWalk {
 public:
  FlowWalk(ChainView& view, const LabelSet* labels, const std::set<std::string>& start_addresses,
           const FlowOptions& options)
      : view_(view), labels_(labels), start_addresses_(start_addresses), options_(options) {}

  Result<FlowResult> Run(const std::vector<TaintSource>& start);

 private:
  Status Spenders(const Frontier& f);
  // Moves the taint of `f` into the txs spending it at `hop`; outputs that
  // are starting outputs (change back to the start) go to `*again` (the same
  // hop), the others to `*next`. Returns the taint the txs accepted.
  Result<double> Step(int hop, const Frontier& f, Frontier* again, Frontier* next);
  Result<size_t> Reach(int hop, const std::string& txid);

  ChainView& view_;
  const LabelSet* labels_;
  const std::set<std::string>& start_addresses_;
  const FlowOptions& options_;
  FlowResult r_;
  std::set<OutPoint> sources_;  // the starting outputs
  // Taint each output has carried on so far (starting taint included): what
  // leaves an output is capped so that this never exceeds its value.
  std::map<OutPoint, double> carried_;
  std::map<OutPoint, std::optional<SpendRef>> spender_;             // looked up, this step
  std::unordered_map<std::string, size_t> tx_pos_;                  // txid -> r_.txs index
  std::vector<Reached> reached_;                                    // parallel to r_.txs
  std::map<std::pair<std::string, std::string>, size_t> dest_pos_;  // (address, txid)
};

Status FlowWalk::Spenders(const Frontier& f) {
  for (const auto& entry : f) {
    const OutPoint& op = entry.first;
    if (spender_.count(op)) continue;
    auto sp = view_.SpenderOf(op.first, op.second);
    if (!sp) return Fail(sp.error());
    spender_.emplace(op, std::move(*sp));
  }
  return {};
}

Result<size_t> FlowWalk::Reach(int hop, const std::string& txid) {
  auto pos = tx_pos_.find(txid);
  if (pos != tx_pos_.end()) return pos->second;
  auto tx = view_.GetTx(txid);
  if (!tx) return Fail(tx.error());
  FlowTx f;
  f.hop = hop;
  f.txid = txid;
  f.height = tx->height;
  f.time = tx->time;
  for (const TxOutput& o : tx->outputs) {
    FlowOutput fo;
    fo.vout = o.vout;
    fo.address = o.address;
    fo.value = o.value;
    if (labels_ && !o.address.empty() && !start_addresses_.count(o.address)) {
      if (const Label* l = labels_->Find(o.address)) {
        fo.label = l->label.empty() ? l->actor : l->label;
        fo.category = l->Kind();
        fo.stopped =
            options_.stop_at_labels && (!l->category.empty() || options_.stop_at_abuse_labels);
      }
    }
    f.outputs.push_back(std::move(fo));
  }
  Reached x;
  x.input_taint.assign(tx->inputs.size(), 0);
  x.split = SplitTaint(*tx, x.input_taint);
  f.input_sat = x.split.value_in;
  x.tx = std::move(*tx);
  tx_pos_.emplace(txid, r_.txs.size());
  r_.txs.push_back(std::move(f));
  reached_.push_back(std::move(x));
  return r_.txs.size() - 1;
}

Result<double> FlowWalk::Step(int hop, const Frontier& frontier, Frontier* again, Frontier* next) {
  if (Status s = Spenders(frontier); !s) return Fail(s.error());
  std::map<std::string, std::vector<Arrival>> arriving;  // spending txid -> inputs
  for (const auto& [op, taint] : frontier) {
    const auto& sp = spender_.at(op);
    if (sp) arriving[sp->txid].push_back({op, sp->vin, taint.address, taint.sat});
  }
  spender_.clear();
  double accepted = 0;
  for (const auto& [txid, in] : arriving) {
    if (!tx_pos_.count(txid) && r_.txs.size() >= options_.max_txs) {
      r_.truncated = true;
      continue;
    }
    auto pos = Reach(hop, txid);
    if (!pos) return Fail(pos.error());
    FlowTx& f = r_.txs[*pos];
    Reached& x = reached_[*pos];
    std::vector<std::pair<size_t, const std::string*>> touched;  // input, address
    for (const Arrival& a : in) {
      auto i = InputOf(x.tx, a);
      if (!i) continue;  // the view's spender does not spend it: nothing to attribute
      x.input_taint[*i] += a.sat;
      touched.emplace_back(*i, &a.address);
    }
    const TaintSplit before = std::move(x.split);
    x.split = SplitTaint(x.tx, x.input_taint);
    f.tainted_in_sat = x.split.tainted_in;
    accepted += std::max(0.0, x.split.tainted_in - before.tainted_in);
    std::sort(touched.begin(), touched.end());
    touched.erase(std::unique(touched.begin(), touched.end(),
                              [](const auto& p, const auto& q) { return p.first == q.first; }),
                  touched.end());
    for (const auto& [i, address_ptr] : touched) {
      const double t = x.split.inputs[i] - before.inputs[i];
      if (t <= 0) continue;
      const auto* address = address_ptr;  // clang 14 cannot capture a structured binding
      auto it = std::find_if(f.tainted_from.begin(), f.tainted_from.end(),
                             [&](const auto& p) { return p.first == *address; });
      if (it == f.tainted_from.end())
        f.tainted_from.emplace_back(*address, t);
      else
        it->second += t;
    }
    for (size_t k = 0; k < f.outputs.size(); ++k) {
      FlowOutput& o = f.outputs[k];
      const double t = x.split.outputs[k] - o.tainted_sat;
      if (t <= 0) continue;
      o.tainted_sat = x.split.outputs[k];
      if (!o.label.empty()) {
        auto key = std::make_pair(o.address, f.txid);
        auto d = dest_pos_.find(key);
        if (d == dest_pos_.end()) {
          const Label* l = labels_->Find(o.address);
          d = dest_pos_.emplace(key, r_.destinations.size()).first;
          r_.destinations.push_back(
              {o.address, o.label, o.category, l ? l->pack : "", f.txid, f.hop, 0});
        }
        r_.destinations[d->second].tainted_sat += t;
      }
      if (o.stopped) continue;
      const OutPoint op{f.txid, o.vout};
      double& c = carried_[op];
      const double move = std::min(t, static_cast<double>(o.value) - c);
      if (move <= 0) continue;
      c += move;
      if (move < options_.min_taint_sat) continue;
      Taint& n = (sources_.count(op) ? *again : *next)[op];
      n.sat += move;
      n.address = o.address;
    }
  }
  return accepted;
}

Result<FlowResult> FlowWalk::Run(const std::vector<TaintSource>& start) {
  Frontier frontier;
  for (const TaintSource& s : start) {
    sources_.insert({s.txid, s.vout});
    if (s.taint_sat <= 0) continue;
    Taint& t = frontier[{s.txid, s.vout}];
    t.sat += static_cast<double>(s.taint_sat);
    if (t.address.empty()) t.address = s.address;
  }
  // A starting output made by a tx that spends a starting output is change
  // back to the start, not a payment: it gets that tx's haircut share
  // instead of its own starting taint.
  if (Status s = Spenders(frontier); !s) return Fail(s.error());
  std::set<std::string> spending_start;
  for (const auto& [op, sp] : spender_)
    if (sp) spending_start.insert(sp->txid);
  for (auto it = frontier.begin(); it != frontier.end();) {
    if (spending_start.count(it->first.first)) {
      spender_.erase(it->first);
      it = frontier.erase(it);
    } else {
      r_.start_taint_sat += it->second.sat;
      carried_[it->first] += it->second.sat;
      ++it;
    }
  }
  for (int hop = 1; hop <= options_.max_hops && !frontier.empty(); ++hop) {
    // Change back to the start stays in this hop: the start's own spends
    // are all hop 1, however long its chain of change.
    Frontier next;
    std::optional<double> moved;
    while (!frontier.empty()) {
      Frontier again;
      auto a = Step(hop, frontier, &again, &next);
      if (!a) return Fail(a.error());
      if (!moved) moved = *a;  // what came from the previous hop
      frontier = std::move(again);
    }
    r_.hop_taint_sat.push_back(moved.value_or(0));
    frontier = std::move(next);
  }
  while (!r_.hop_taint_sat.empty() && r_.hop_taint_sat.back() <= 0) r_.hop_taint_sat.pop_back();
  // Taint still moving after max_hops is not an error: the caller chose N.
  std::stable_sort(r_.txs.begin(), r_.txs.end(), [](const FlowTx& a, const FlowTx& b) {
    return a.hop != b.hop ? a.hop < b.hop : a.txid < b.txid;
  });
  return std::move(r_);
}

}  // namespace

Result<FlowResult> TraceFlow(ChainView& view, const std::vector<TaintSource>& start,
                             const LabelSet* labels, const std::set<std::string>& start_addresses,
                             const FlowOptions& options) {
  return FlowWalk(view, labels, start_addresses, options).Run(start);
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
