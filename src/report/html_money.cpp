// ===========================================================================
// FOLLOW-THE-MONEY SECTION (model in money.h, filled by link::BuildMoneySection
// from what `extortrace trace` stored): revenue per campaign, payments over
// time, the money-flow graph from campaign wallets to labelled destinations,
// labelled destinations and consolidation points. Called by the HTML writer
// between the campaign details and the wallet list.
// ===========================================================================
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "report/escape.h"
#include "report/html.h"
#include "report/svg.h"

namespace extortrace::report {
namespace {

std::string Btc(double sat) {
  char b[40];
  std::snprintf(b, sizeof b, "%.8f", sat / 1e8);
  return b;
}
std::string Usd(double usd) {
  char b[40];
  std::snprintf(b, sizeof b, "%.0f", usd);
  std::string s = b, out;
  int n = 0;
  for (auto it = s.rbegin(); it != s.rend(); ++it) {
    if (n && n % 3 == 0 && *it != '-') out.insert(out.begin(), ',');
    out.insert(out.begin(), *it);
    ++n;
  }
  return "$" + out;
}
std::string Short(const std::string& a) {
  return a.size() > 16 ? a.substr(0, 8) + "\xe2\x80\xa6" + a.substr(a.size() - 6) : a;
}
std::string Join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += (s.empty() ? "" : ", ") + x;
  return s;
}

// Layered flow graph: campaign wallets (hop 0) on the left, one column per
// hop, edge width by tainted BTC (log scale), labelled entities highlighted.
std::string FlowGraph(const MoneySection& m) {
  std::map<int, std::vector<const GraphNode*>> cols;
  for (const GraphNode& n : m.nodes) cols[n.hop].push_back(&n);
  if (cols.empty()) return {};
  size_t rows = 1;
  for (auto& [h, v] : cols) rows = std::max(rows, v.size());
  const int col_w = 190, row_h = 34, pad = 20;
  const int w = pad * 2 + static_cast<int>(cols.size()) * col_w;
  const int h = pad * 2 + static_cast<int>(rows) * row_h + 20;
  std::map<std::string, std::pair<int, int>> pos;
  int ci = 0;
  for (auto& [hop, v] : cols) {
    for (size_t i = 0; i < v.size(); ++i)
      pos[v[i]->address] = {pad + ci * col_w, pad + 20 + static_cast<int>(i) * row_h};
    ++ci;
  }
  double max_sat = 1;
  for (const FlowEdge& e : m.edges) max_sat = std::max(max_sat, e.satoshi);
  std::string s = "<svg class=\"chart flow\" data-chart=\"money-flow\" data-points=\"" +
                  std::to_string(m.edges.size()) + "\" viewBox=\"0 0 " + std::to_string(w) + " " +
                  std::to_string(h) +
                  "\" role=\"img\"><title>Money flow from campaign wallets "
                  "(left) to labelled destinations, by hop</title>";
  ci = 0;
  for (auto& [hop, v] : cols) {
    s += "<text x=\"" + std::to_string(pad + ci * col_w) + "\" y=\"" + std::to_string(pad) +
         "\" font-size=\"11\" fill=\"#555\">" +
         (hop == 0 ? std::string("campaign wallets") : "hop " + std::to_string(hop)) + "</text>";
    ++ci;
  }
  for (const FlowEdge& e : m.edges) {
    auto a = pos.find(e.from), b = pos.find(e.to);
    if (a == pos.end() || b == pos.end()) continue;
    double width = 1 + 5 * std::log1p(e.satoshi) / std::log1p(max_sat);
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.2f", width);
    int x1 = a->second.first + 150, y1 = a->second.second + 10;
    int x2 = b->second.first, y2 = b->second.second + 10;
    if (x2 <= x1) x2 = x1 + 10;  // same column (rare): short hook
    int mx = (x1 + x2) / 2;
    s += "<path d=\"M" + std::to_string(x1) + "," + std::to_string(y1) + " C" + std::to_string(mx) +
         "," + std::to_string(y1) + " " + std::to_string(mx) + "," + std::to_string(y2) + " " +
         std::to_string(x2) + "," + std::to_string(y2) + "\" fill=\"none\" stroke=\"" +
         (e.to_label.empty() ? "#8aa" : "#c60") + "\" stroke-opacity=\"0.7\" stroke-width=\"" +
         buf + "\"><title>" +
         HtmlEscape(Short(e.from) + " \xe2\x86\x92 " + Short(e.to) + ": " + Btc(e.satoshi) +
                    " BTC (tainted)") +
         "</title></path>";
  }
  for (const GraphNode& n : m.nodes) {
    auto [x, y] = pos[n.address];
    const char* fill = n.kind == "wallet" ? "#dbe8f6" : n.kind == "labelled" ? "#fde3c8" : "#eee";
    std::string text = n.kind == "address" ? Short(n.address) : n.label;
    if (text.size() > 26) text = text.substr(0, 25) + "\xe2\x80\xa6";
    s += "<g><title>" + HtmlEscape(n.address + (n.label.empty() ? "" : " (" + n.label + ")")) +
         "</title><rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) +
         "\" width=\"150\" height=\"20\" rx=\"4\" fill=\"" + fill +
         "\" stroke=\"#999\"/><text x=\"" + std::to_string(x + 5) + "\" y=\"" +
         std::to_string(y + 14) + "\" font-size=\"10\">" + HtmlEscape(text) + "</text></g>";
  }
  s += "</svg>";
  return s;
}

}  // namespace

void RenderMoneySection(const std::optional<MoneySection>& money, std::string* out) {
  *out += "<section id=\"money\" class=\"money\"><h2>Follow the money</h2>";
  if (!money) {
    *out +=
        "<p class=\"note\">No payment data is attached to this report. Payments received by the "
        "campaign wallets, revenue per campaign and where the money went appear here once the "
        "wallets have been traced on the blockchain (<code>extortrace trace</code>).</p></section>";
    return;
  }
  const MoneySection& m = *money;
  int64_t payments = 0, sat = 0;
  double usd = 0;
  for (const CampaignRevenue& r : m.revenue) payments += r.payments, sat += r.satoshi, usd += r.usd;
  *out += "<p>" + std::to_string(m.traced_wallets) + " wallets traced on " + HtmlEscape(m.chain) +
          ": " + std::to_string(payments) + " payments, " + Btc(static_cast<double>(sat)) +
          " BTC (" + Usd(usd) +
          " at each day's price). Payments whose transaction spends from "
          "a campaign wallet are not counted (Paquet-Clouston et al., 2019); a wallet named by "
          "several campaigns counts for each.</p>";
  *out +=
      "<h3>Revenue per campaign</h3><table><thead><tr><th>Campaign</th>"
      "<th class=\"num\">Wallets paid</th><th class=\"num\">Payments</th>"
      "<th class=\"num\">Matching the demand</th><th class=\"num\">BTC</th>"
      "<th class=\"num\">USD</th><th class=\"num\">Dropped by filters</th></tr></thead><tbody>";
  for (const CampaignRevenue& r : m.revenue) {
    *out += "<tr><td>" + HtmlEscape(r.campaign) + "</td><td class=\"num\">" +
            std::to_string(r.wallets_paid) + " / " + std::to_string(r.wallets) +
            "</td><td class=\"num\">" + std::to_string(r.payments) + "</td><td class=\"num\">" +
            std::to_string(r.matched) + "</td><td class=\"num\">" +
            Btc(static_cast<double>(r.satoshi)) + "</td><td class=\"num\">" + Usd(r.usd) +
            "</td><td class=\"num\">" + std::to_string(r.dropped) + "</td></tr>";
  }
  *out += "</tbody></table>";
  if (!m.per_day.empty()) {
    std::map<std::string, int64_t> per_day;
    for (const PaymentDay& d : m.per_day)
      per_day[d.day] = static_cast<int64_t>(std::llround(d.usd));
    ChartOptions o;
    o.id = "payments-usd";
    o.title = "Payments received per day (USD)";
    *out += "<h3>Payments over time (USD per day)</h3>" + TimeSeriesChart(per_day, o);
  }
  if (!m.nodes.empty()) *out += "<h3>Money flow</h3>" + FlowGraph(m);
  if (!m.destinations.empty()) {
    *out +=
        "<h3>Labelled destinations</h3><table><thead><tr><th>Address</th><th>Entity</th>"
        "<th>Category</th><th>Campaigns</th><th class=\"num\">Hop</th>"
        "<th class=\"num\">Tainted BTC</th></tr></thead><tbody>";
    for (const LabelledDestination& d : m.destinations) {
      *out += "<tr><td><code>" + HtmlEscape(d.address) + "</code></td><td>" + HtmlEscape(d.label) +
              "</td><td>" + HtmlEscape(d.category) + "</td><td>" + HtmlEscape(Join(d.campaigns)) +
              "</td><td class=\"num\">" + std::to_string(d.min_hop) + "</td><td class=\"num\">" +
              Btc(d.satoshi) + "</td></tr>";
    }
    *out += "</tbody></table>";
  }
  if (!m.consolidations.empty()) {
    *out +=
        "<h3>Consolidation points</h3><p>Addresses receiving money from several campaign "
        "wallets (haircut taint).</p><table><thead><tr><th>Address</th><th>Label</th>"
        "<th class=\"num\">Wallets</th><th>Campaigns</th><th class=\"num\">Hop</th>"
        "<th class=\"num\">Tainted BTC</th></tr></thead><tbody>";
    size_t shown = 0;
    for (const ConsolidationPoint& c : m.consolidations) {
      if (++shown > 20) break;
      *out += "<tr><td><code>" + HtmlEscape(c.address) + "</code></td><td>" + HtmlEscape(c.label) +
              "</td><td class=\"num\">" + std::to_string(c.wallets.size()) + "</td><td>" +
              HtmlEscape(Join(c.campaigns)) + "</td><td class=\"num\">" +
              std::to_string(c.min_hop) + "</td><td class=\"num\">" + Btc(c.satoshi) + "</td></tr>";
    }
    *out += "</tbody></table>";
  }
  *out += "</section>";
}

}  // namespace extortrace::report
