// link: where the mail side meets the chain side.
//
// TraceStoredWallets runs trace (payments, cluster, flows, labels) for every
// BTC wallet named by stored extortion mail, with the demands of the
// messages naming it, and persists the results in the trace_* tables
// (schema migration 2); a wallet's rows are replaced on each run, one
// transaction per wallet, so an interrupted run keeps what it finished.
// BuildMoneySection reads those tables back into the report's
// follow-the-money model: revenue per campaign (BTC, USD), payments per
// day, the flow graph, labelled destinations and consolidation points
// shared by campaigns.
//
// Not thread-safe (one Store, one ChainView).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "report/money.h"
#include "store/store.h"
#include "trace/chain_view.h"
#include "trace/cluster.h"
#include "trace/flow.h"
#include "trace/labels.h"
#include "trace/payments.h"
#include "trace/prices.h"

namespace extortrace::link {

struct StoredWallet {
  std::string address;
  std::vector<std::string> campaigns;  // labels, sorted
  std::vector<trace::Demand> demands;  // one per message with a demand
};

// BTC wallets named by extortion messages, by address.
Result<std::vector<StoredWallet>> StoredWallets(store::Store& store);

struct TraceOptions {
  trace::PaymentOptions payments;
  bool cluster = true;
  trace::ClusterOptions cluster_options;
  bool flows = true;
  trace::FlowOptions flow_options;
  std::string only_address;  // trace just this wallet (empty: all)
};

struct TraceSummary {
  int64_t wallets = 0, traced = 0, paid = 0, payments = 0, kept = 0, errors = 0;
  int64_t kept_sat = 0;
  double kept_usd = 0;
  int64_t destinations = 0;
  std::vector<std::string> problems;  // "address: error"
};

using Progress = std::function<void(size_t done, size_t total, const std::string& address)>;

Result<TraceSummary> TraceStoredWallets(store::Store& store, trace::ChainView& view,
                                        const trace::PriceTable* prices,
                                        const trace::LabelSet* labels, const TraceOptions& options,
                                        int64_t now_unix, const Progress& progress = {});

// The report's money section from the trace_* tables; nullopt-like empty
// section (no runs) is reported by has_value() == false.
Result<std::optional<report::MoneySection>> BuildMoneySection(store::Store& store,
                                                              size_t max_graph_nodes = 40);

}  // namespace extortrace::link

namespace extortrace::link {

// What the trace, wallet and flow commands open: the chain view, and the
// optional price table and labels (empty paths: not loaded).
struct TraceInputs {
  std::unique_ptr<trace::ChainView> view;
  std::optional<trace::PriceTable> prices;
  std::optional<trace::LabelSet> labels;
  trace::LabelLoadStats label_stats;
};
Result<TraceInputs> OpenTraceInputs(const std::string& chain_spec, const std::string& prices_csv,
                                    const std::string& labels_dir,
                                    const trace::ViewOptions& view_options = {});

}  // namespace extortrace::link
