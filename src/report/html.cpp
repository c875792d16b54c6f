// The HTML report: document frame, summary, charts, tables.
#include "report/html.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/detail/html_parts.h"
#include "report/escape.h"
#include "report/ids.h"
#include "report/svg.h"

namespace extortrace::report {
namespace {

using detail::Bdi;
using detail::Figure;
using detail::Percent;
using detail::Thousands;

constexpr const char* kCss = R"CSS(
:root{--ink:#1f2933;--muted:#616e7c;--line:#d9dee4;--accent:#2f5d8a;--warm:#d9822b;--bg:#f3f5f8}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 "Segoe UI",system-ui,-apple-system,"Helvetica Neue","DejaVu Sans",Arial,"Noto Sans CJK JP","Hiragino Sans","Yu Gothic",sans-serif;color:var(--ink);background:#fff}
header.masthead{background:#14293d;color:#fff;padding:26px 32px 22px}
header.masthead .inner{max-width:1160px;margin:0 auto;position:relative}
header.masthead .kicker{color:#8fb3d9;font-size:12px;letter-spacing:1.5px;text-transform:uppercase}
header.masthead h1{margin:2px 0 6px;font-size:28px;font-weight:600}
header.masthead .meta{color:#b8c4d0;font-size:13px}
.tlp{position:absolute;right:0;top:0;font:700 13px/1 "DejaVu Sans Mono",monospace;padding:7px 11px;background:#000;border-radius:3px}
.tlp-amber{color:#ffc000}.tlp-red{color:#ff2b2b}.tlp-green{color:#33ff00}.tlp-clear{color:#fff}
main{max-width:1160px;margin:0 auto;padding:4px 32px 40px}
nav.toc{font-size:13px;color:var(--muted);margin:14px 0 0}
nav.toc a{color:var(--accent);text-decoration:none;margin-right:14px}
h2{font-size:19px;border-bottom:2px solid var(--ink);padding-bottom:4px;margin:34px 0 14px}
h3{font-size:16px;margin:0 0 8px}
a{color:var(--accent)}
.cards{display:grid;grid-template-columns:repeat(5,1fr);gap:12px}
.card{border:1px solid var(--line);border-top:3px solid var(--accent);padding:10px 14px;background:#fff}
.card .v{font-size:25px;font-weight:600;line-height:1.25}
.card .k{color:var(--muted);font-size:11px;text-transform:uppercase;letter-spacing:.6px}
.card .s{color:var(--muted);font-size:12px}
.findings{margin:16px 0 0;padding-left:20px}
.findings li{margin:3px 0}
.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
figure{margin:0;border:1px solid var(--line);padding:10px 14px 8px;break-inside:avoid}
figure.wide{grid-column:1/-1}
figcaption{font-weight:600;margin-bottom:4px}
figcaption span{font-weight:400;color:var(--muted);font-size:12px;margin-left:6px}
svg.chart{width:100%;height:auto;display:block}
svg.spark{display:block}
table{border-collapse:collapse;width:100%;font-size:12.5px}
th{text-align:left;font-weight:600;border-bottom:2px solid var(--ink);padding:6px 7px;background:var(--bg);white-space:nowrap}
td{border-bottom:1px solid var(--line);padding:5px 7px;vertical-align:top}
tbody tr:nth-child(even) td{background:#fafbfc}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.nowrap{white-space:nowrap}
.mono{font-family:"DejaVu Sans Mono",Consolas,Menlo,monospace;font-size:11.5px;word-break:break-all}
.subject{overflow-wrap:anywhere;min-width:180px}
.muted{color:var(--muted)}
.tag{display:inline-block;font-size:11px;padding:0 6px;border-radius:8px;background:#e6eef6;color:#24476b;white-space:nowrap}
article.campaign{border:1px solid var(--line);border-left:4px solid var(--accent);padding:14px 18px;margin:16px 0}
article.campaign .cols{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:18px}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:0 0 10px}
dl.facts dt{color:var(--muted)}dl.facts dd{margin:0}
h4{font-size:13px;margin:12px 0 4px;color:var(--muted);text-transform:uppercase;letter-spacing:.5px}
ul.sources{margin:0;padding-left:18px;font-size:12px}
p.note{color:var(--muted);font-style:italic}
footer{color:var(--muted);font-size:12px;border-top:1px solid var(--line);margin-top:36px;padding-top:10px}
@media (max-width:860px){.cards{grid-template-columns:repeat(2,1fr)}.grid,article.campaign .cols{grid-template-columns:1fr}}
@media print{
@page{size:A4;margin:13mm 12mm}
body{font-size:10.5px}
header.masthead{-webkit-print-color-adjust:exact;print-color-adjust:exact;padding:16px 18px}
.tlp,.bar,.card,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}
main{max-width:none;padding:0}
nav.toc{display:none}
a{color:inherit;text-decoration:none}
thead{display:table-header-group}
tr,figure,.card,dl.facts{break-inside:avoid}
#details,#wallets{break-before:page}
article.campaign{break-inside:avoid-page}
h2,h3{break-after:avoid}
}
)CSS";

std::string Card(const std::string& key, const std::string& value, const std::string& sub) {
  return "<div class=\"card\"><div class=\"k\">" + key + "</div><div class=\"v\">" + value +
         "</div><div class=\"s\">" + sub + "</div></div>";
}

int64_t SpanDays(const std::string& first, const std::string& last) {
  auto a = DayNumber(first), b = DayNumber(last);
  return a && b ? *b - *a + 1 : 0;
}

void RenderSummary(const ReportModel& m, std::string* out) {
  const campaign::CampaignStats& all = m.overall;
  *out += "<section id=\"summary\"><h2>Summary</h2><div class=\"cards\">";
  *out += Card("Extortion messages", Thousands(all.messages),
               "of " + Thousands(m.scanned_messages) + " scanned");
  *out += Card("Campaigns", Thousands(static_cast<int64_t>(m.campaigns.size())),
               "template or wallet clusters");
  *out += Card("Wallets", Thousands(static_cast<int64_t>(m.wallets.size())), "payment addresses");
  auto langs = TopCounts(all.languages, 3);
  std::string lang_sub;
  for (const auto& [l, n] : langs) lang_sub += (lang_sub.empty() ? "" : ", ") + HtmlEscape(l);
  *out += Card("Languages", Thousands(static_cast<int64_t>(all.languages.size())), lang_sub);
  int64_t future = 0;
  auto days = detail::PlausibleDays(all.per_day, m.generated_unix, &future);
  if (days.empty()) {
    *out += Card("Date range", "&ndash;", "no dated messages");
  } else {
    const std::string& first = days.begin()->first;
    const std::string& last = days.rbegin()->first;
    *out += Card("Date range", HtmlEscape(first),
                 "to " + HtmlEscape(last) + " (" + Thousands(SpanDays(first, last)) + " days)");
  }
  *out += "</div><ul class=\"findings\">";
  if (!m.campaigns.empty()) {
    const CampaignReport* big = &m.campaigns[0];
    for (const CampaignReport& c : m.campaigns) {
      if (c.stats.messages > big->stats.messages) big = &c;
    }
    *out += "<li>The largest campaign, <a href=\"#" + detail::Anchor(big->stats.label) + "\">" +
            HtmlEscape(big->stats.label) + "</a>, accounts for " + Thousands(big->stats.messages) +
            " of " + Thousands(all.messages) + " messages (" +
            Percent(big->stats.messages, all.messages) + ").</li>";
  }
  int64_t dated = 0;
  for (int64_t v : all.per_weekday) dated += v;
  if (dated > 0) {
    int64_t weekend = all.per_weekday[5] + all.per_weekday[6];
    *out += "<li>" + Percent(weekend, dated) +
            " of dated messages were sent on a Saturday or Sunday (sender&#39;s local date; an "
            "even spread would give 29%).</li>";
  }
  if (!langs.empty()) {
    *out += "<li>Most messages are written in <bdi>" + HtmlEscape(langs[0].first) + "</bdi> (" +
            Percent(langs[0].second, all.messages) + ")";
    if (all.languages.size() > 1) {
      *out += "; " + std::to_string(all.languages.size()) + " languages in all";
    }
    *out += ".</li>";
  }
  if (!all.demands.empty()) {
    const campaign::DemandStats& d = all.demands[0];
    *out += "<li>Demands in " + HtmlEscape(d.currency) + " range from " +
            HtmlEscape(FormatAmount(d.min, d.currency)) + " to " +
            HtmlEscape(FormatAmount(d.max, d.currency)) + " (median " +
            HtmlEscape(FormatAmount(d.median, d.currency)) + ", " + Thousands(d.count) +
            " messages).</li>";
  }
  if (all.self_sent > 0) {
    *out += "<li>" + Percent(all.self_sent, all.messages) +
            " of messages forge the recipient&#39;s own address as sender (&ldquo;sent from your "
            "account&rdquo;).</li>";
  }
  if (future > 0) {
    *out += "<li>" + Thousands(future) + (future == 1 ? " message carries" : " messages carry") +
            " a Date header after the date of this report (forged); the time charts leave "
            "them out.</li>";
  }
  auto countries = TopCounts(all.countries, 1);
  if (!countries.empty()) {
    *out += "<li>The most frequent sending country is <bdi>" + HtmlEscape(countries[0].first) +
            "</bdi> (" + Percent(countries[0].second, all.messages) + " of messages).</li>";
  }
  *out += "</ul></section>";
}

// Buckets of demanded amounts in the most common currency, on a 1-2.5-5 scale.
std::vector<Bar> DemandBars(const ReportModel& m, std::string* currency) {
  if (m.overall.demands.empty()) return {};
  *currency = m.overall.demands[0].currency;
  std::vector<double> amounts;
  for (const CampaignReport& c : m.campaigns) {
    for (const MessageRef& r : c.messages) {
      if (r.demand_amount > 0 && r.demand_currency == *currency) amounts.push_back(r.demand_amount);
    }
  }
  if (amounts.empty()) return {};
  auto [lo_it, hi_it] = std::minmax_element(amounts.begin(), amounts.end());
  const double lo = *lo_it, hi = *hi_it;
  std::vector<double> edges;
  for (double p = std::pow(10.0, std::floor(std::log10(lo))); edges.empty() || edges.back() <= hi;
       p *= 10) {
    for (double k : {1.0, 2.5, 5.0}) edges.push_back(k * p);
  }
  while (edges.size() > 2 && edges[1] <= lo) edges.erase(edges.begin());
  while (edges.size() > 2 && edges[edges.size() - 2] > hi) edges.pop_back();
  auto compact = [&](double v) {
    char buf[32];
    if (v >= 1000) {
      std::snprintf(buf, sizeof buf, "%gk", v / 1000);
    } else {
      std::snprintf(buf, sizeof buf, "%g", v);
    }
    return std::string(buf);
  };
  std::string sign = *currency == "USD" ? "$" : *currency == "EUR" ? "\u20ac" : "";
  std::vector<Bar> bars;
  for (size_t i = 0; i + 1 < edges.size(); ++i) {
    Bar b;
    b.label = sign + compact(edges[i]) + "\u2013" + compact(edges[i + 1]);
    for (double a : amounts) b.value += a >= edges[i] && a < edges[i + 1];
    bars.push_back(b);
  }
  return bars;
}

void RenderCharts(const ReportModel& m, std::string* out) {
  const campaign::CampaignStats& all = m.overall;
  *out += "<section id=\"charts\"><h2>Activity</h2><div class=\"grid\">";
  *out += Figure("Volume over time",
                 "extortion messages by the sender&#39;s local date; weekends in orange",
                 TimeSeriesChart(detail::PlausibleDays(all.per_day, m.generated_unix),
                                 {"volume", "Extortion messages over time", 1100, 260}),
                 true);
  *out += Figure("Day of the week", "Monday first",
                 VerticalBarChart(detail::WeekdayBars(all.per_weekday),
                                  {"weekday", "Messages by day of the week", 540, 240}));
  std::string currency;
  std::vector<Bar> demand = DemandBars(m, &currency);
  *out += Figure("Demands",
                 currency.empty() ? "no amounts found" : "amounts asked in " + HtmlEscape(currency),
                 VerticalBarChart(demand, {"demands", "Demanded amounts", 540, 240}));
  *out += Figure("Languages", "",
                 HorizontalBarChart(detail::TopBars(all.languages, 8), all.messages,
                                    {"languages", "Messages by language", 540, 0}));
  *out += Figure("Sending countries", "first external relay",
                 HorizontalBarChart(detail::TopBars(all.countries, 8), all.messages,
                                    {"countries", "Messages by sending country", 540, 0}));
  *out += Figure("Categories", "",
                 HorizontalBarChart(detail::TopBars(all.categories, 6), all.messages,
                                    {"categories", "Messages by category", 540, 0}));
  *out += Figure("Obfuscation", "filter-evasion tricks seen",
                 HorizontalBarChart(detail::TopBars(all.obfuscation, 8), all.messages,
                                    {"obfuscation", "Messages by obfuscation technique", 540, 0}));
  *out += "</div></section>";
}

void RenderCampaignTable(const ReportModel& m, std::string* out) {
  *out += "<section id=\"campaigns\"><h2>Campaigns</h2>";
  if (m.campaigns.empty()) {
    *out += "<p class=\"note\">No campaigns: the store holds no extortion messages.</p></section>";
    return;
  }
  auto days = detail::PlausibleDays(m.overall.per_day, m.generated_unix);
  std::string first_day = days.empty() ? "" : days.begin()->first;
  std::string last_day = days.empty() ? "" : days.rbegin()->first;
  *out +=
      "<table><thead><tr><th>Campaign</th><th class=\"num\">Messages</th><th>First seen</th>"
      "<th>Last seen</th><th>Timeline</th><th>Languages</th><th>Category</th>"
      "<th>Top subject</th><th class=\"num\">Demand (median)</th><th class=\"num\">Wallets</th>"
      "</tr></thead><tbody>";
  for (const CampaignReport& c : m.campaigns) {
    const campaign::CampaignStats& s = c.stats;
    std::string langs;
    for (const auto& [l, n] : TopCounts(s.languages, 3)) {
      langs += (langs.empty() ? "" : " ") + std::string("<span class=\"tag\">") + HtmlEscape(l) +
               "</span>";
    }
    *out += "<tr><td class=\"nowrap\"><a href=\"#" + detail::Anchor(s.label) + "\">" +
            HtmlEscape(s.label) + "</a></td><td class=\"num\">" + Thousands(s.messages) +
            "</td><td class=\"nowrap\">" + HtmlEscape(DayOf(s.first_seen)) +
            "</td><td class=\"nowrap\">" + HtmlEscape(DayOf(s.last_seen)) + "</td><td>" +
            Sparkline(s.per_day, first_day, last_day) + "</td><td>" + langs + "</td><td>" +
            HtmlEscape(c.category.empty() ? "-" : c.category) + "</td><td class=\"subject\">" +
            (s.top_subjects.empty() ? "" : Bdi(s.top_subjects[0].first)) +
            "</td><td class=\"num\">" + HtmlEscape(MedianDemand(s)) + "</td><td class=\"num\">" +
            std::to_string(s.wallets.size()) + "</td></tr>";
  }
  *out += "</tbody></table></section>";
}

void RenderWalletTable(const ReportModel& m, std::string* out) {
  *out += "<section id=\"wallets\"><h2>Wallets</h2>";
  if (m.wallets.empty()) {
    *out += "<p class=\"note\">No wallet addresses were found.</p></section>";
    return;
  }
  *out +=
      "<table><thead><tr><th>Address</th><th>Currency</th><th>Kind</th><th>Campaigns</th>"
      "<th class=\"num\">Messages</th><th>First seen</th><th>Last seen</th></tr></thead><tbody>";
  for (const WalletRow& w : m.wallets) {
    std::string campaigns;
    for (const std::string& l : w.campaigns) {
      campaigns += (campaigns.empty() ? "" : " ") + std::string("<a href=\"#") + detail::Anchor(l) +
                   "\">" + HtmlEscape(l) + "</a>";
    }
    *out += "<tr><td class=\"mono\">" + Bdi(w.address) + "</td><td>" + HtmlEscape(w.currency) +
            "</td><td>" + HtmlEscape(w.kind) + "</td><td>" + campaigns + "</td><td class=\"num\">" +
            Thousands(w.messages) + "</td><td class=\"nowrap\">" + HtmlEscape(DayOf(w.first_seen)) +
            "</td><td class=\"nowrap\">" + HtmlEscape(DayOf(w.last_seen)) + "</td></tr>";
  }
  *out += "</tbody></table></section>";
}

void RenderMethod(std::string* out) {
  *out +=
      "<section id=\"method\"><h2>Method and caveats</h2><ul class=\"findings\">"
      "<li>Messages are classified by extortrace&#39;s multilingual detector after de-obfuscation "
      "(invisible characters, look-alike letters, character references, hidden HTML). Wallet "
      "addresses are validated by checksum, including ones split or hidden in images.</li>"
      "<li>A campaign groups messages that share a text template (MinHash similarity of the "
      "normalized text with addresses, names and amounts masked) or a wallet address.</li>"
      "<li>Dates are the sender&#39;s local dates from the Date header, which spam tools can "
      "forge; countries are those of the first external relay in the Received chain.</li>"
      "<li>Subjects and addresses are quoted as received: they are attacker-controlled text.</li>"
      "</ul></section>";
}

}  // namespace

std::string RenderHtml(const ReportModel& m) {
  std::string out;
  out.reserve(64 * 1024);
  std::string tlp = IsTlpLevel(m.tlp) ? m.tlp : "amber";
  std::string upper = tlp;
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return std::toupper(c); });
  out +=
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">"
      "<meta name=\"generator\" content=\"" +
      HtmlEscape(m.tool_version) +
      "\">"
      "<title>" +
      HtmlEscape(m.title) + " &ndash; " + HtmlEscape(UtcDate(m.generated_unix)) +
      "</title><style>" + kCss + "</style></head><body>";
  out += "<header class=\"masthead\"><div class=\"inner\"><div class=\"tlp tlp-" + tlp +
         "\">TLP:" + upper + "</div><div class=\"kicker\">Threat intelligence report</div><h1>" +
         HtmlEscape(m.title) + "</h1><div class=\"meta\">Generated " +
         HtmlEscape(StixTimestamp(m.generated_unix).substr(0, 16)) + " UTC by " +
         HtmlEscape(m.tool_version) +
         (m.data_source.empty() ? "" : " from <bdi>" + HtmlEscape(m.data_source) + "</bdi>") +
         "</div></div></header><main>";
  out +=
      "<nav class=\"toc\"><a href=\"#summary\">Summary</a><a href=\"#charts\">Activity</a>"
      "<a href=\"#campaigns\">Campaigns</a><a href=\"#details\">Campaign details</a>"
      "<a href=\"#money\">Follow the money</a><a href=\"#wallets\">Wallets</a>"
      "<a href=\"#method\">Method</a></nav>";
  RenderSummary(m, &out);
  RenderCharts(m, &out);
  RenderCampaignTable(m, &out);
  detail::RenderCampaignDetails(m, &out);
  RenderMoneySection(m.money, &out);
  RenderWalletTable(m, &out);
  RenderMethod(&out);
  out +=
      "<footer>" + HtmlEscape(m.tool_version) +
      " &middot; machine-readable indicators: <code>extortrace report --stix</code>, "
      "<code>--misp</code>, <code>--json</code>, <code>--csv</code></footer></main></body></html>\n";
  return out;
}

}  // namespace extortrace::report
