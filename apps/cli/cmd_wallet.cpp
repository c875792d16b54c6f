// extortrace wallet ADDRESS : one address's history on the chain (payments
// with USD), its cluster and labels. Reads no store.
#include <cstdio>
#include <memory>
#include <string>

#include "commands.h"
#include "link/link.h"
#include "trace/json.h"

namespace extortrace::cli {

void AddChainOptions(CLI::App* sub, std::string* chain, std::string* cache_dir);

namespace {

struct WalletArgs {
  std::string address, chain, cache_dir, prices, labels;
  bool json = false, change = false;
};

int RunWallet(const WalletArgs& a) {
  trace::ViewOptions vo;
  vo.cache_dir = a.cache_dir;
  auto in = link::OpenTraceInputs(a.chain, a.prices, a.labels, vo);
  if (!in) {
    std::fprintf(stderr, "extortrace: wallet: %s\n", in.error().ToString().c_str());
    return kExitInputError;
  }
  trace::PaymentOptions po;
  po.drop_campaign_inputs = false;  // one address, no campaign context
  auto h =
      trace::TraceWallet(*in->view, a.address, {}, {}, in->prices ? &*in->prices : nullptr, po);
  if (!h) {
    std::fprintf(stderr, "extortrace: wallet: %s\n", h.error().ToString().c_str());
    return kExitInputError;
  }
  trace::ClusterOptions co;
  co.change_heuristic = a.change;
  auto c = trace::ClusterOf(*in->view, a.address, co);
  if (!c) {
    std::fprintf(stderr, "extortrace: wallet: cluster: %s\n", c.error().ToString().c_str());
    return kExitInputError;
  }
  std::vector<const trace::Label*> labels;
  if (in->labels) labels = in->labels->FindAll(a.address);
  if (!a.json) {
    std::printf("%s on %s\n", a.address.c_str(), in->view->Describe().c_str());
    std::printf("received %.8f BTC, sent %.8f BTC, %lld txs, %zu payments\n",
                static_cast<double>(h->received_sat) / 1e8, static_cast<double>(h->sent_sat) / 1e8,
                static_cast<long long>(h->tx_count), h->payments.size());
    for (const trace::Payment& p : h->payments) {
      std::printf("  %s:%u height %lld  %.8f BTC", p.txid.c_str(), p.vout,
                  static_cast<long long>(p.height), static_cast<double>(p.value_sat) / 1e8);
      if (p.usd) std::printf("  %.2f USD", *p.usd);
      std::printf("\n");
    }
    std::printf("cluster: %zu addresses%s\n", c->members.size(),
                c->truncated ? " (truncated)" : "");
    for (const trace::Label* l : labels)
      std::printf("label: %s (%s, %s)\n", l->label.c_str(), l->Kind().c_str(), l->pack.c_str());
    return kExitOk;
  }
  std::string out = trace::WalletToJson(a.address, in->view->Describe(), *h, *c, labels);
  out += "\n";
  std::fwrite(out.data(), 1, out.size(), stdout);
  return kExitOk;
}

}  // namespace

Command RegisterWallet(CLI::App& app) {
  auto a = std::make_shared<WalletArgs>();
  CLI::App* sub = app.add_subcommand(
      "wallet", "History, cluster and labels of one Bitcoin address on the chain");
  sub->add_option("address", a->address, "Bitcoin address")->required();
  AddChainOptions(sub, &a->chain, &a->cache_dir);
  sub->add_option("--prices", a->prices, "Daily BTC-USD CSV for USD values");
  sub->add_option("--labels", a->labels, "Directory of GraphSense TagPacks");
  sub->add_flag("--change", a->change, "Also cluster by the change heuristic");
  sub->add_flag("--json", a->json, "JSON output");
  return {sub, [a] { return RunWallet(*a); }};
}

}  // namespace extortrace::cli
