// Downstream flows: where money paid to a wallet went, over N hops, with
// haircut taint.
//
// Haircut taint: when a tx spends inputs worth V of which T is tainted, every
// output o carries T / V * value(o) tainted satoshis (the fee keeps its share).
// Propagation is linear, so a tx reached again later (more taint arriving by
// another path) only propagates the increment. Hop 1 is the tx spending a
// start output. An output whose address carries an entity label (exchange,
// mixer, miner, market... - a TagPack category) is a destination: recorded,
// not followed (the entity's internal shuffling says nothing about the
// campaign). Labels with only an `abuse` (e.g. other sextortion wallets) are
// recorded but followed unless stop_at_abuse_labels.
//
// Bounded by max_hops and max_txs (the result says when it was truncated).
#pragma once

#include <cstdint>
#include <set>
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
  int64_t input_sat = 0;
  double tainted_in_sat = 0;
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
  bool truncated = false;
};

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
