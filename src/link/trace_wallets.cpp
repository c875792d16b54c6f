#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "core/log.h"
#include "link/link.h"

namespace extortrace::link {

Result<std::vector<StoredWallet>> StoredWallets(store::Store& store) {
  auto rows = store.db().Query(
      "SELECT w.address, c.label, m.demand_amount, m.demand_currency "
      "FROM wallets w JOIN message_wallets mw ON mw.wallet = w.id "
      "JOIN messages m ON m.id = mw.message "
      "LEFT JOIN campaigns c ON c.id = m.campaign_id "
      "WHERE w.currency = 'BTC' AND m.verdict = 'extortion' ORDER BY w.address, m.id");
  if (!rows) return Fail(rows.error());
  std::map<std::string, StoredWallet> by;
  for (const store::Row& r : *rows) {
    StoredWallet& w = by[store::AsText(r[0])];
    w.address = store::AsText(r[0]);
    std::string c = store::AsText(r[1]);
    if (!c.empty() && std::find(w.campaigns.begin(), w.campaigns.end(), c) == w.campaigns.end())
      w.campaigns.push_back(c);
    if (!store::IsNull(r[2]) && store::AsDouble(r[2]) > 0)
      w.demands.push_back({store::AsDouble(r[2]), store::AsText(r[3])});
  }
  std::vector<StoredWallet> out;
  for (auto& [a, w] : by) {
    std::sort(w.campaigns.begin(), w.campaigns.end());
    out.push_back(std::move(w));
  }
  return out;
}

namespace {

Status Persist(store::Db& db, int64_t run, const trace::WalletHistory& h,
               const trace::Cluster* cluster, const trace::FlowResult* flow,
               const trace::LabelSet* labels) {
  const std::string& a = h.address;
  for (const char* t : {"trace_wallets WHERE address", "trace_payments WHERE wallet",
                        "trace_clusters WHERE wallet", "trace_flows WHERE wallet"}) {
    if (Status s = db.Exec(fmt::format("DELETE FROM {} = $1", t), {a}); !s) return s;
  }
  Status s = db.Exec(
      "INSERT INTO trace_wallets (address, run, received_sat, sent_sat, tx_count, cluster_size, "
      "cluster_truncated) VALUES ($1, $2, $3, $4, $5, $6, $7)",
      {a, run, h.received_sat, h.sent_sat, h.tx_count,
       static_cast<int64_t>(cluster ? cluster->members.size() : 1),
       static_cast<int64_t>(cluster && cluster->truncated)});
  if (!s) return s;
  for (const trace::Payment& p : h.payments) {
    s = db.Exec(
        "INSERT INTO trace_payments (wallet, txid, vout, height, block_time, value_sat, usd, "
        "matches_demand, dropped_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        {a, p.txid, static_cast<int64_t>(p.vout), p.height, p.time, p.value_sat,
         p.usd ? store::Value(*p.usd) : store::Value(), static_cast<int64_t>(p.matches_demand),
         p.dropped_by.empty() ? store::Value() : store::Value(p.dropped_by)});
    if (!s) return s;
  }
  if (cluster) {
    std::map<std::string, const trace::ClusterLink*> why;
    for (const trace::ClusterLink& l : cluster->evidence) why.emplace(l.b, &l);
    for (const std::string& m : cluster->members) {
      auto w = why.find(m);
      s = db.Exec("INSERT INTO trace_clusters (wallet, member, rule, txid) VALUES ($1, $2, $3, $4)",
                  {a, m, w == why.end() ? store::Value() : store::Value(w->second->rule),
                   w == why.end() ? store::Value() : store::Value(w->second->txid)});
      if (!s) return s;
    }
  }
  if (flow) {
    std::set<std::string> labelled;
    for (const trace::FlowTx& t : flow->txs) {
      std::string from = t.MainSource();
      for (const trace::FlowOutput& o : t.outputs) {
        if (o.tainted_sat <= 0) continue;
        s = db.Exec(
            "INSERT INTO trace_flows (wallet, hop, txid, vout, height, block_time, from_address, "
            "address, value_sat, tainted_sat, label, category, stopped) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            {a, static_cast<int64_t>(t.hop), t.txid, static_cast<int64_t>(o.vout), t.height, t.time,
             from, o.address, o.value, o.tainted_sat,
             o.label.empty() ? store::Value() : store::Value(o.label),
             o.category.empty() ? store::Value() : store::Value(o.category),
             static_cast<int64_t>(o.stopped)});
        if (!s) return s;
        if (!o.label.empty()) labelled.insert(o.address);
      }
    }
    if (labels) {
      for (const std::string& addr : labelled) {
        for (const trace::Label* l : labels->FindAll(addr)) {
          s = db.Exec("DELETE FROM trace_labels WHERE address = $1 AND label = $2 AND pack = $3",
                      {addr, l->label, l->pack});
          if (s)
            s = db.Exec(
                "INSERT INTO trace_labels (address, label, category, pack) VALUES ($1, $2, $3, $4)",
                {addr, l->label, l->Kind(), l->pack});
          if (!s) return s;
        }
      }
    }
  }
  return {};
}

}  // namespace

Result<TraceSummary> TraceStoredWallets(store::Store& store, trace::ChainView& view,
                                        const trace::PriceTable* prices,
                                        const trace::LabelSet* labels, const TraceOptions& options,
                                        int64_t now_unix, const Progress& progress) {
  auto wallets = StoredWallets(store);
  if (!wallets) return Fail(wallets.error());
  if (!options.only_address.empty()) {
    std::erase_if(*wallets,
                  [&](const StoredWallet& w) { return w.address != options.only_address; });
  }
  std::set<std::string> campaign_wallets;
  for (const StoredWallet& w : *wallets) campaign_wallets.insert(w.address);
  store::Db& db = store.db();
  auto run = db.Query(
      store.backend() == store::Backend::kPostgres
          ? "INSERT INTO trace_runs (chain, started_at, wallets) VALUES ($1, $2, $3) RETURNING id"
          : "INSERT INTO trace_runs (chain, started_at, wallets) VALUES ($1, $2, $3) RETURNING id",
      {view.Describe(), now_unix, static_cast<int64_t>(wallets->size())});
  if (!run) return Fail(run.error());
  int64_t run_id = run->empty() ? 0 : store::AsInt((*run)[0][0]);
  TraceSummary sum;
  sum.wallets = static_cast<int64_t>(wallets->size());
  size_t done = 0;
  for (const StoredWallet& w : *wallets) {
    if (progress) progress(done, wallets->size(), w.address);
    ++done;
    auto h =
        trace::TraceWallet(view, w.address, campaign_wallets, w.demands, prices, options.payments);
    if (!h) {
      ++sum.errors;
      sum.problems.push_back(w.address + ": " + h.error().ToString());
      continue;
    }
    std::optional<trace::Cluster> cluster;
    std::optional<trace::FlowResult> flow;
    if (options.cluster && !h->payments.empty()) {
      auto c = trace::ClusterOf(view, w.address, options.cluster_options);
      if (c)
        cluster = std::move(*c);
      else
        sum.problems.push_back(w.address + ": cluster: " + c.error().ToString());
    }
    if (options.flows && !h->payments.empty()) {
      auto src = trace::SourcesOfAddress(view, w.address);
      if (src) {
        auto f = trace::TraceFlow(view, *src, labels, campaign_wallets, options.flow_options);
        if (f)
          flow = std::move(*f);
        else
          sum.problems.push_back(w.address + ": flow: " + f.error().ToString());
      }
    }
    if (Status s = store.Begin(); !s) return Fail(s.error());
    Status s =
        Persist(db, run_id, *h, cluster ? &*cluster : nullptr, flow ? &*flow : nullptr, labels);
    if (!s) {
      (void)store.Rollback();
      return Fail(s.error());
    }
    if (Status c = store.Commit(); !c) return Fail(c.error());
    ++sum.traced;
    sum.payments += static_cast<int64_t>(h->payments.size());
    sum.kept += h->kept_count();
    sum.paid += h->kept_count() > 0;
    sum.kept_sat += h->kept_sat();
    sum.kept_usd += h->kept_usd();
    if (flow) sum.destinations += static_cast<int64_t>(flow->destinations.size());
  }
  if (progress) progress(done, wallets->size(), "");
  if (Status s =
          db.Exec("UPDATE trace_runs SET finished_at = $1 WHERE id = $2", {now_unix, run_id});
      !s)
    return Fail(s.error());
  return sum;
}

}  // namespace extortrace::link
