// Downstream flows: where money paid to a wallet went, over N hops, with
// haircut taint.
//
// The taint model (docs/chain.md "Flows and taint"):
// - Haircut: a tx whose inputs are worth V, T of it tainted, gives every
//   output o the share T / V * value(o); the fee keeps T / V * fee, which
//   leaves the flow (taint in = taint out + fee share). V is the inputs' sum,
//   or the outputs' sum when some input value is unknown and the known ones
//   fall short (so the fee share is never negative).
// - Taint never exceeds value: an input carries at most the value it spends,
//   a tx at most V, and so every output at most its value (SplitTaint).
// - Change back to the start: a starting output made by a tx that spends a
//   starting output is change, not a payment. It gets that tx's haircut
//   share like any output (the same coins are not counted once as a starting
//   payment and again as taint carried over), and moving on from it does not
//   count as a hop: all the start's own spends are hop 1.
// - An output never carries on more taint than its value, whatever paths
//   reach it (money that comes back to the start through other addresses
//   finds its starting taint already there).
// - Propagation is linear, so a tx reached again later (more taint arriving
//   by another path) propagates only the increment. Hop 1 is the tx spending
//   a start output.
// An output whose address carries an entity label (exchange, mixer, miner,
// market... - a TagPack category) is a destination: recorded, not followed
// (the entity's internal shuffling says nothing about the campaign). Labels
// with only an `abuse` (e.g. other sextortion wallets) are recorded but
// followed unless stop_at_abuse_labels.
//
// Bounded by max_hops and max_txs (the result says when it was truncated).
// The taint moving at each hop never exceeds the taint at the start
// (FlowResult::hop_taint_sat is non-increasing).
#pragma once

#include <cstdint>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "core/result.h"
#include "trace/chain_view.h"
#include "trace/labels.h"

namespace extortrace::trace {

struct TaintSource {
  std::string txid;
  uint32_t vout = 0;
  int64_t taint_sat = 0;  // usually the output's whole value
  std::string address;    // the output's address (for the flow graph), may be ""
};

struct FlowOptions {
  int max_hops = 6;
  bool stop_at_labels = true;
  bool stop_at_abuse_labels = false;
  double min_taint_sat = 1;  // do not follow smaller taint
  size_t max_txs = 20000;
};

struct FlowOutput {
  uint32_t vout = 0;
  std::string address;
  int64_t value = 0;
  double tainted_sat = 0;
  std::string label, category;  // when labelled
  bool stopped = false;         // a labelled destination, not followed
};

struct FlowTx {
  int hop = 0;  // first hop at which the tx was reached
  std::string txid;
  int64_t height = -1, time = 0;
  int64_t input_sat = 0;      // V of the haircut (see SplitTaint)
  double tainted_in_sat = 0;  // <= input_sat; the fee's share is this minus TaintedOut()
  std::vector<std::pair<std::string, double>> tainted_from;  // input address -> taint in
  std::vector<FlowOutput> outputs;
  // The input address that brought the most taint ("" if none known).
  std::string MainSource() const;
  double TaintedOut() const;
};

struct Destination {
  std::string address, label, category, pack, txid;
  int hop = 0;
  double tainted_sat = 0;
};

struct FlowResult {
  std::vector<FlowTx> txs;                // by first hop, then txid
  std::vector<Destination> destinations;  // labelled outputs reached
  // The taint of the starting outputs that are payments: change back to the
  // start (an output made by a tx spending a starting output) is left out.
  double start_taint_sat = 0;
  // [h - 1]: the taint that reached txs at hop h from hop h - 1 (from the
  // start for h = 1; change back to the start moving on within the hop is
  // not counted again). Non-increasing, and [0] <= start_taint_sat.
  std::vector<double> hop_taint_sat;
  bool truncated = false;
};

// The haircut split of one transaction.
struct TaintSplit {
  int64_t value_in = 0;         // V: inputs' sum, or outputs' sum if larger
  double tainted_in = 0;        // T <= V
  std::vector<double> inputs;   // taint accepted per input (sums to T)
  std::vector<double> outputs;  // T / V * value, per output (each <= its value)
  double fee = 0;               // T - sum(outputs) >= 0: the fee's share
};

// Splits the taint arriving on `tx`'s inputs (`input_taint[i]` on input i,
// missing entries 0) over its outputs and fee. Each input accepts at most
// the value it spends (when known, > 0), the tx at most V (all inputs scaled
// down together when the unknown values make the sum exceed V).
TaintSplit SplitTaint(const TxInfo& tx, std::span<const double> input_taint);

// `start_addresses` are never treated as destinations (campaign wallets are
// often labelled sextortion themselves). `labels` may be null.
Result<FlowResult> TraceFlow(ChainView& view, const std::vector<TaintSource>& start,
                             const LabelSet* labels, const std::set<std::string>& start_addresses,
                             const FlowOptions& options = {});

// Every output paying `address`, as taint sources.
Result<std::vector<TaintSource>> SourcesOfAddress(ChainView& view, const std::string& address);

struct Consolidation {
  std::string address;
  std::vector<std::string> sources;  // wallets whose flows reach it, sorted
  int min_hop = 0;
  double tainted_sat = 0;
  std::string label;
};

// Addresses reached by the flows of at least `min_sources` different wallets
// (pairs of wallet, its flow), most sources first.
std::vector<Consolidation> FindConsolidations(
    const std::vector<std::pair<std::string, const FlowResult*>>& flows, size_t min_sources = 2);

}  // namespace extortrace::trace
