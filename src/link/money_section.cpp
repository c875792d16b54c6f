#include <algorithm>
#include <map>
#include <set>

#include "link/link.h"
#include "trace/prices.h"

namespace extortrace::link {

Result<std::optional<report::MoneySection>> BuildMoneySection(store::Store& store,
                                                              size_t max_graph_nodes) {
  store::Db& db = store.db();
  auto run = db.Query(
      "SELECT chain, started_at FROM trace_runs WHERE finished_at IS NOT NULL "
      "ORDER BY id DESC LIMIT 1");
  if (!run) return Fail(run.error());
  if (run->empty()) return std::optional<report::MoneySection>{};
  report::MoneySection m;
  m.chain = store::AsText((*run)[0][0]);
  m.traced_at = store::AsInt((*run)[0][1]);

  auto wallets = StoredWallets(store);
  if (!wallets) return Fail(wallets.error());
  std::map<std::string, std::vector<std::string>> campaigns_of;
  std::map<std::string, report::CampaignRevenue> revenue;
  auto traced = db.Query("SELECT address FROM trace_wallets");
  if (!traced) return Fail(traced.error());
  std::set<std::string> traced_set;
  for (const store::Row& r : *traced) traced_set.insert(store::AsText(r[0]));
  m.traced_wallets = static_cast<int64_t>(traced_set.size());
  for (const StoredWallet& w : *wallets) {
    std::vector<std::string> cs =
        w.campaigns.empty() ? std::vector<std::string>{"(none)"} : w.campaigns;
    campaigns_of[w.address] = cs;
    if (!traced_set.count(w.address)) continue;
    for (const std::string& c : cs) {
      revenue[c].campaign = c;
      ++revenue[c].wallets;
    }
  }

  auto pays = db.Query(
      "SELECT wallet, block_time, value_sat, usd, matches_demand, dropped_by FROM trace_payments "
      "ORDER BY block_time, txid, vout");
  if (!pays) return Fail(pays.error());
  std::map<std::string, report::PaymentDay> days;
  std::map<std::string, std::set<std::string>> paid_wallets;  // campaign -> wallets
  for (const store::Row& r : *pays) {
    std::string w = store::AsText(r[0]);
    bool kept = store::IsNull(r[5]) || store::AsText(r[5]).empty();
    const auto& cs = campaigns_of.count(w) ? campaigns_of[w] : std::vector<std::string>{"(none)"};
    for (const std::string& c : cs) {
      report::CampaignRevenue& rev = revenue[c];
      rev.campaign = c;
      if (!kept) {
        ++rev.dropped;
        continue;
      }
      ++rev.payments;
      rev.satoshi += store::AsInt(r[2]);
      rev.usd += store::AsDouble(r[3]);
      rev.matched += store::AsInt(r[4]) != 0;
      paid_wallets[c].insert(w);
    }
    if (!kept) continue;
    std::string day = DayString(DayOfUnix(store::AsInt(r[1])));
    report::PaymentDay& d = days[day];
    d.day = day;
    ++d.payments;
    d.satoshi += store::AsInt(r[2]);
    d.usd += store::AsDouble(r[3]);
  }
  for (auto& [c, rev] : revenue) {
    rev.wallets_paid = static_cast<int64_t>(paid_wallets[c].size());
    m.revenue.push_back(rev);
  }
  for (auto& [d, v] : days) m.per_day.push_back(v);

  auto flows = db.Query(
      "SELECT wallet, hop, from_address, address, tainted_sat, label, category FROM trace_flows");
  if (!flows) return Fail(flows.error());
  std::map<std::string, report::LabelledDestination> dest;
  std::map<std::string, report::ConsolidationPoint> cons;
  std::map<std::pair<std::string, std::string>, report::FlowEdge> edges;
  std::map<std::string, report::GraphNode> nodes;
  std::map<std::string, double> node_weight;
  for (const store::Row& r : *flows) {
    std::string w = store::AsText(r[0]);
    int hop = static_cast<int>(store::AsInt(r[1]));
    std::string from = store::AsText(r[2]), to = store::AsText(r[3]);
    double t = store::AsDouble(r[4]);
    std::string label = store::AsText(r[5]), category = store::AsText(r[6]);
    const auto& cs = campaigns_of.count(w) ? campaigns_of[w] : std::vector<std::string>{"(none)"};
    if (to.empty()) continue;
    if (!label.empty()) {
      report::LabelledDestination& d = dest[to];
      d.address = to;
      d.label = label;
      d.category = category;
      for (const std::string& c : cs)
        if (std::find(d.campaigns.begin(), d.campaigns.end(), c) == d.campaigns.end())
          d.campaigns.push_back(c);
      d.min_hop = d.min_hop == 0 ? hop : std::min(d.min_hop, hop);
      d.satoshi += t;
    }
    if (to != w) {
      report::ConsolidationPoint& c = cons[to];
      c.address = to;
      if (std::find(c.wallets.begin(), c.wallets.end(), w) == c.wallets.end())
        c.wallets.push_back(w);
      for (const std::string& cc : cs)
        if (std::find(c.campaigns.begin(), c.campaigns.end(), cc) == c.campaigns.end())
          c.campaigns.push_back(cc);
      c.min_hop = c.min_hop == 0 ? hop : std::min(c.min_hop, hop);
      c.satoshi += t;
      if (!label.empty()) c.label = label;
    }
    if (from.empty()) from = w;
    report::FlowEdge& e = edges[{from, to}];
    e.from = from;
    e.to = to;
    e.hop = e.hop == 0 ? hop : std::min(e.hop, hop);
    e.satoshi += t;
    e.to_label = label;
    e.to_category = category;
    node_weight[to] += t;
    node_weight[from] += t;
    report::GraphNode& n = nodes[to];
    n.address = to;
    n.hop = n.hop == 0 ? hop : std::min(n.hop, hop);
    if (!label.empty()) n.kind = "labelled", n.label = label;
  }
  for (auto& [a, n] : nodes) {
    if (n.kind.empty()) n.kind = "address";
  }
  for (const auto& [w, cs] : campaigns_of) {
    if (!node_weight.count(w)) continue;
    report::GraphNode& n = nodes[w];
    n.address = w;
    n.kind = "wallet";
    n.hop = 0;
    n.label.clear();
    for (const std::string& c : cs) n.label += (n.label.empty() ? "" : ", ") + c;
  }
  // Bound the graph: every wallet and labelled node, then the heaviest others.
  std::vector<std::pair<double, std::string>> order;
  for (const auto& [a, n] : nodes) {
    double prio = node_weight[a] + (n.kind == "address" ? 0 : 1e18);
    order.emplace_back(-prio, a);
  }
  std::sort(order.begin(), order.end());
  std::set<std::string> keep;
  for (const auto& [p, a] : order) {
    if (keep.size() >= max_graph_nodes) break;
    keep.insert(a);
  }
  for (const auto& [a, n] : nodes)
    if (keep.count(a)) m.nodes.push_back(n);
  for (const auto& [k, e] : edges)
    if (keep.count(e.from) && keep.count(e.to)) m.edges.push_back(e);

  for (auto& [a, d] : dest) {
    std::sort(d.campaigns.begin(), d.campaigns.end());
    m.destinations.push_back(std::move(d));
  }
  std::stable_sort(m.destinations.begin(), m.destinations.end(),
                   [](const auto& x, const auto& y) { return x.satoshi > y.satoshi; });
  for (auto& [a, c] : cons) {
    if (c.wallets.size() < 2 || campaigns_of.count(a)) continue;
    std::sort(c.wallets.begin(), c.wallets.end());
    std::sort(c.campaigns.begin(), c.campaigns.end());
    m.consolidations.push_back(std::move(c));
  }
  std::stable_sort(m.consolidations.begin(), m.consolidations.end(),
                   [](const auto& x, const auto& y) {
                     if (x.wallets.size() != y.wallets.size())
                       return x.wallets.size() > y.wallets.size();
                     return x.min_hop < y.min_hop;
                   });
  return std::optional<report::MoneySection>(std::move(m));
}

}  // namespace extortrace::link
