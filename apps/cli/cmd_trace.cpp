// extortrace trace : follow the money of every BTC wallet in the store
// (payments, clusters, flows, labels) and store the results for the report.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <memory>
#include <string>

#include "commands.h"
#include "link/link.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct TraceArgs {
  std::string db, chain, prices, labels, cache_dir, address, usd_band;
  int hops = 6;
  bool no_filter_campaign_inputs = false, drop_single_output = false, change = false;
  bool no_flows = false, no_cluster = false, quiet = false;
  double tolerance = 0.10;
  int64_t now = 0;
};

int RunTrace(const TraceArgs& a) {
  link::TraceOptions o;
  o.payments.drop_campaign_inputs = !a.no_filter_campaign_inputs;
  o.payments.drop_single_output = a.drop_single_output;
  o.payments.demand_tolerance = a.tolerance;
  if (!a.usd_band.empty()) {
    double lo = 0, hi = 0;
    if (std::sscanf(a.usd_band.c_str(), "%lf:%lf", &lo, &hi) != 2 || lo > hi) {
      std::fprintf(stderr, "extortrace: trace: --usd-band wants MIN:MAX, e.g. 100:10000\n");
      return kExitUsage;
    }
    o.payments.usd_band = true;
    o.payments.min_usd = lo;
    o.payments.max_usd = hi;
  }
  o.cluster = !a.no_cluster;
  o.cluster_options.change_heuristic = a.change;
  o.flows = !a.no_flows;
  o.flow_options.max_hops = a.hops;
  o.only_address = a.address;
  std::string url = StoreUrl(a.db, StoreNeed::kRequired);
  auto store = store::Store::Open(url);
  if (!store) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", url.c_str(),
                 store.error().ToString().c_str());
    return kExitInputError;
  }
  trace::ViewOptions vo;
  vo.cache_dir = a.cache_dir;
  auto in = link::OpenTraceInputs(a.chain, a.prices, a.labels, vo);
  if (!in) {
    std::fprintf(stderr, "extortrace: trace: %s\n", in.error().ToString().c_str());
    return kExitInputError;
  }
  int64_t now = a.now ? a.now : static_cast<int64_t>(std::time(nullptr));
  link::Progress progress;
  // Progress only on a terminal, never in pipes or logs.
  if (!a.quiet && isatty(STDERR_FILENO) == 1) {
    progress = [](size_t done, size_t total, const std::string& address) {
      if (!address.empty())
        std::fprintf(stderr, "\rtrace: %zu/%zu %-62s", done + 1, total, address.c_str());
      else
        std::fprintf(stderr, "\r%-80s\r", "");
    };
  }
  auto sum = link::TraceStoredWallets(**store, *in->view, in->prices ? &*in->prices : nullptr,
                                      in->labels ? &*in->labels : nullptr, o, now, progress);
  if (!sum) {
    std::fprintf(stderr, "extortrace: trace: %s\n", sum.error().ToString().c_str());
    return kExitInternal;
  }
  for (const std::string& p : sum->problems)
    std::fprintf(stderr, "extortrace: trace: %s\n", p.c_str());
  std::fprintf(stderr,
               "extortrace: trace: %s: %lld wallets traced, %lld paid, %lld payments kept "
               "(%lld dropped by filters), %.8f BTC, %.2f USD, %lld labelled destinations\n",
               in->view->Describe().c_str(), static_cast<long long>(sum->traced),
               static_cast<long long>(sum->paid), static_cast<long long>(sum->kept),
               static_cast<long long>(sum->payments - sum->kept),
               static_cast<double>(sum->kept_sat) / 1e8, sum->kept_usd,
               static_cast<long long>(sum->destinations));
  return sum->errors > 0 ? kExitInputError : kExitOk;
}

}  // namespace

// Options shared with `wallet` and `flow`.
void AddChainOptions(CLI::App* sub, std::string* chain, std::string* cache_dir) {
  sub->add_option("--chain", *chain,
                  "Chain source: blocks:DIR (Bitcoin Core blocks dir or a .blk file), "
                  "esplora:URL (e.g. esplora:https://blockstream.info/api) or core:URL "
                  "(Bitcoin Core JSON-RPC)")
      ->required();
  sub->add_option("--cache-dir", *cache_dir,
                  "Where indexes and HTTP responses are cached (default: ~/.cache/extortrace)");
}

Command RegisterTrace(CLI::App& app) {
  auto a = std::make_shared<TraceArgs>();
  CLI::App* sub = app.add_subcommand(
      "trace", "Follow the money of every BTC wallet in the store and store the results");
  AddChainOptions(sub, &a->chain, &a->cache_dir);
  sub->add_option("--db", a->db, "Store URL (default: $EXTORTRACE_DB, else extortrace.db)");
  sub->add_option("--prices", a->prices, "Daily BTC-USD CSV (Date,...,Close,...) for USD values");
  sub->add_option("--labels", a->labels, "Directory of GraphSense TagPacks (*.yaml)");
  sub->add_option("--hops", a->hops, "Downstream hops to follow (default 6)");
  sub->add_option("--address", a->address, "Trace only this stored wallet");
  sub->add_option("--tolerance", a->tolerance,
                  "Demand match tolerance as a fraction (default 0.10)");
  sub->add_flag("--no-filter-campaign-inputs", a->no_filter_campaign_inputs,
                "Keep payments whose tx spends from a campaign wallet");
  sub->add_flag("--drop-single-output", a->drop_single_output,
                "Drop payments made by single-output transactions");
  sub->add_option("--usd-band", a->usd_band, "Keep only payments worth MIN:MAX USD");
  sub->add_flag("--change", a->change, "Also cluster by the change heuristic (probabilistic)");
  sub->add_flag("--no-cluster", a->no_cluster, "Skip address clustering");
  sub->add_flag("--no-flows", a->no_flows, "Skip downstream flows");
  sub->add_flag("-q,--quiet", a->quiet, "No progress line");
  sub->add_option("--now", a->now, "Run timestamp (Unix seconds)")->group("");
  return {sub, [a] { return RunTrace(*a); }};
}

}  // namespace extortrace::cli
