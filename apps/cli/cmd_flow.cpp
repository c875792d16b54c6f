// extortrace flow ADDRESS --hops N : where the money paid to an address went
// (haircut taint, stopping at labelled entities). Reads no store.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "link/link.h"
#include "trace/json.h"

namespace extortrace::cli {

void AddChainOptions(CLI::App* sub, std::string* chain, std::string* cache_dir);

namespace {

struct FlowArgs {
  std::string address, chain, cache_dir, labels;
  int hops = 6;
  bool json = false, through_labels = false;
};

int RunFlow(const FlowArgs& a) {
  trace::ViewOptions vo;
  vo.cache_dir = a.cache_dir;
  auto in = link::OpenTraceInputs(a.chain, "", a.labels, vo);
  if (!in) {
    std::fprintf(stderr, "extortrace: flow: %s\n", in.error().ToString().c_str());
    return kExitInputError;
  }
  auto src = trace::SourcesOfAddress(*in->view, a.address);
  if (!src) {
    std::fprintf(stderr, "extortrace: flow: %s\n", src.error().ToString().c_str());
    return kExitInputError;
  }
  trace::FlowOptions fo;
  fo.max_hops = a.hops;
  fo.stop_at_labels = !a.through_labels;
  auto f = trace::TraceFlow(*in->view, *src, in->labels ? &*in->labels : nullptr, {a.address}, fo);
  if (!f) {
    std::fprintf(stderr, "extortrace: flow: %s\n", f.error().ToString().c_str());
    return kExitInputError;
  }
  if (!a.json) {
    std::printf("%s on %s: %zu txs within %d hops%s\n", a.address.c_str(),
                in->view->Describe().c_str(), f->txs.size(), a.hops,
                f->truncated ? " (truncated)" : "");
    for (const trace::FlowTx& t : f->txs) {
      std::printf("  hop %d  %s  height %lld  tainted %.8f BTC", t.hop, t.txid.c_str(),
                  static_cast<long long>(t.height), t.TaintedOut() / 1e8);
      for (const trace::FlowOutput& o : t.outputs)
        if (!o.label.empty()) std::printf("  -> %s (%s)", o.label.c_str(), o.category.c_str());
      std::printf("\n");
    }
    return kExitOk;
  }
  std::string out = trace::FlowToJson(a.address, in->view->Describe(), a.hops, *f);
  out += "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterFlow(CLI::App& app) {
  auto a = std::make_shared<FlowArgs>();
  CLI::App* sub = app.add_subcommand(
      "flow", "Transactions reached downstream of an address, with haircut taint");
  sub->add_option("address", a->address, "Bitcoin address")->required();
  AddChainOptions(sub, &a->chain, &a->cache_dir);
  sub->add_option("--hops", a->hops, "Hops to follow (default 6)");
  sub->add_option("--labels", a->labels, "Directory of GraphSense TagPacks");
  sub->add_flag("--through-labels", a->through_labels, "Do not stop at labelled entities");
  sub->add_flag("--json", a->json, "JSON output");
  return {sub, [a] { return RunFlow(*a); }};
}

}  // namespace extortrace::cli
