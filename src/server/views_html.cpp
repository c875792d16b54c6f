#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "campaign/stats.h"
#include "core/html_escape.h"
#include "core/time.h"
#include "server/views.h"

namespace extortrace::server::views {
namespace {

constexpr std::string_view kStyle = R"(<style>
body{font:14px/1.45 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2330}
header{background:#1d2330;color:#fff;padding:14px 24px}header h1{margin:0;font-size:20px}
header p{margin:4px 0 0;color:#b9c0cf}main{padding:16px 24px;max-width:1200px}
section{background:#fff;border:1px solid #dde1e8;border-radius:6px;padding:12px 16px;margin:0 0 16px}
h2{font-size:16px;margin:0 0 10px}table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:4px 8px;border-bottom:1px solid #eceff3;vertical-align:top}
th{font-weight:600;color:#4a5366}td.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:1px 7px;border-radius:9px;font-size:12px;font-weight:600}
.ext{background:#fde2e1;color:#a3120b}.clean{background:#e1f5e6;color:#17692d}
.charts{display:flex;gap:16px;flex-wrap:wrap}.charts section{flex:1;min-width:340px}
td.date{white-space:nowrap}code{font-size:12px;word-break:break-all}.muted{color:#7a8294}
.explain{max-width:760px}.explain .headline{font-size:18px;font-weight:700}
.explain li{margin:4px 0}
</style>)";

// "2024-03-14 01:00:00" (UTC).
std::string Time(int64_t unix) {
  std::string t = Rfc3339Utc(unix);  // "2024-03-14T01:00:00Z"
  t[10] = ' ';
  t.pop_back();
  return t;
}

// A horizontal bar chart as inline SVG.
std::string BarChart(const std::vector<std::pair<std::string, int64_t>>& bars,
                     std::string_view title, std::string_view colour) {
  int64_t max = 1;
  for (const auto& b : bars) max = std::max(max, b.second);
  const int row = 22, label_w = 110, bar_w = 260;
  int h = static_cast<int>(bars.size()) * row + 8;
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"{}\">",
      label_w + bar_w + 60, h, HtmlEscape(title));
  int y = 4;
  for (const auto& [label, n] : bars) {
    int w = static_cast<int>(bar_w * n / max);
    s += fmt::format(
        "<text x=\"{}\" y=\"{}\" font-size=\"12\" text-anchor=\"end\">{}</text>"
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" rx=\"2\"/>"
        "<text x=\"{}\" y=\"{}\" font-size=\"12\">{}</text>",
        label_w - 6, y + 14, HtmlEscape(label), label_w, y + 2, std::max(w, 1), row - 6, colour,
        label_w + std::max(w, 1) + 4, y + 14, n);
    y += row;
  }
  s += "</svg>";
  return s;
}

// A column chart of a day series as inline SVG (the last `days` days that
// have data).
std::string DayChart(const std::map<std::string, int64_t>& per_day, size_t days) {
  std::vector<std::pair<std::string, int64_t>> v(per_day.begin(), per_day.end());
  if (v.size() > days) v.erase(v.begin(), v.end() - static_cast<ptrdiff_t>(days));
  int64_t max = 1;
  for (const auto& d : v) max = std::max(max, d.second);
  const int w = 420, h = 150, base = 130;
  int col = v.empty() ? 10 : std::max(4, (w - 20) / static_cast<int>(v.size()));
  std::string s = fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{}\" height=\"{}\" role=\"img\" "
      "aria-label=\"messages per day\"><line x1=\"10\" y1=\"{}\" x2=\"{}\" y2=\"{}\" "
      "stroke=\"#999\"/>",
      w, h, base, w - 10, base);
  int x = 10;
  for (const auto& [day, n] : v) {
    int bh = static_cast<int>((base - 20) * n / max);
    s += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#c0392b\"><title>{}: {}"
        "</title></rect>",
        x, base - bh, std::max(col - 2, 2), bh, HtmlEscape(day), n);
    x += col;
  }
  if (!v.empty()) {
    s += fmt::format("<text x=\"10\" y=\"146\" font-size=\"11\">{}</text>",
                     HtmlEscape(v.front().first));
    s += fmt::format("<text x=\"{}\" y=\"146\" font-size=\"11\" text-anchor=\"end\">{}</text>",
                     w - 10, HtmlEscape(v.back().first));
  }
  s += "</svg>";
  return s;
}

std::string VerdictBadge(const record::ScanRecord& r) {
  return r.verdict == record::Verdict::kExtortion ? "<span class=\"badge ext\">extortion</span>"
                                                  : "<span class=\"badge clean\">clean</span>";
}

}  // namespace

std::string DashboardHtml(ScanService& service) {
  std::vector<RecentEntry> recent = service.Recent(200);
  std::string h =
      "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<title>extortrace — live</title>";
  h += kStyle;
  h += "</head><body><header><h1>extortrace — live protection</h1>";
  int64_t ext = std::count_if(recent.begin(), recent.end(), [](const RecentEntry& e) {
    return e.record.verdict == record::Verdict::kExtortion;
  });
  h += fmt::format(
      "<p>{} messages scanned since start · {} of the last {} flagged as extortion · "
      "store: {}</p></header><main>",
      service.scans_total(), ext, recent.size(),
      service.has_store() ? "connected" : "none (start with --db)");

  // Charts: recent verdicts by category; extortion per day from the store.
  std::map<std::string, int64_t> by_cat;
  for (const auto& e : recent) {
    std::string_view cat = e.record.category == record::Category::kNone
                               ? "other"
                               : record::ToString(e.record.category);
    by_cat[std::string(e.record.verdict == record::Verdict::kExtortion ? cat : "clean")]++;
  }
  std::vector<std::pair<std::string, int64_t>> bars;
  for (const char* c : {"sextortion", "corporate", "data_leak", "other", "clean"}) {
    bars.emplace_back(c, by_cat[c]);
  }
  h += "<div class=\"charts\"><section id=\"chart-verdicts\"><h2>Recent verdicts</h2>";
  h += BarChart(bars, "recent verdicts by category", "#c0392b");
  h += "</section>";

  std::vector<campaign::CampaignStats> camps;
  std::map<std::string, int64_t> per_day;
  std::string store_error;
  if (service.has_store()) {
    Status st = service.WithStore([&](store::Store& s) -> Status {
      auto c = campaign::ComputeCampaignStats(s);
      if (!c) return Fail(c.error());
      camps = std::move(*c);
      auto all = campaign::ComputeOverallStats(s);
      if (!all) return Fail(all.error());
      per_day = std::move(all->per_day);
      return {};
    });
    if (!st) store_error = st.error().ToString();
  }
  h += "<section id=\"chart-days\"><h2>Extortion messages per day (stored)</h2>";
  h += per_day.empty() ? "<p class=\"muted\">No dated extortion messages in the store.</p>"
                       : DayChart(per_day, 60);
  h += "</section></div>";

  h += "<section id=\"campaigns\"><h2>Campaigns</h2>";
  if (!service.has_store()) {
    h += "<p class=\"muted\">Campaigns need a store: start the server with --db.</p>";
  } else if (!store_error.empty()) {
    h += "<p>Store error: " + HtmlEscape(store_error) + "</p>";
  } else if (camps.empty()) {
    h += "<p class=\"muted\">No campaigns yet.</p>";
  } else {
    std::sort(camps.begin(), camps.end(),
              [](const auto& a, const auto& b) { return a.messages > b.messages; });
    h += "<table><tr><th>campaign</th><th>messages</th><th>first seen</th><th>last seen</th>"
         "<th>languages</th><th>wallet</th><th>subject</th></tr>";
    for (size_t i = 0; i < camps.size() && i < 100; ++i) {
      const auto& c = camps[i];
      std::string langs;
      for (const auto& [l, n] : c.languages) langs += (langs.empty() ? "" : ", ") + l;
      h += fmt::format(
          "<tr><td><a href=\"/v1/campaigns/{0}\">{0}</a></td><td class=\"num\">{1}</td><td "
          "class=\"date\">{2}</td><td class=\"date\">{3}</td><td>{4}</td><td><code>{5}</code></td><td>{6}</td></tr>",
          HtmlEscape(c.label), c.messages, HtmlEscape(c.first_seen.substr(0, 10)),
          HtmlEscape(c.last_seen.substr(0, 10)), HtmlEscape(langs),
          c.wallets.empty() ? "" : HtmlEscape(c.wallets.front().address),
          c.top_subjects.empty() ? "" : HtmlEscape(c.top_subjects.front().first));
    }
    h += "</table>";
  }
  h += "</section>";

  h += "<section id=\"recent\"><h2>Recent verdicts</h2>";
  if (recent.empty()) {
    h += "<p class=\"muted\">Nothing scanned yet. POST a message to /v1/scan.</p>";
  } else {
    h += "<table><tr><th>received (UTC)</th><th>verdict</th><th>category</th><th>score</th>"
         "<th>lang</th><th>subject</th><th>wallet</th><th>campaign</th><th>explain</th></tr>";
    for (size_t i = 0; i < recent.size() && i < 100; ++i) {
      const record::ScanRecord& r = recent[i].record;
      std::string subject = r.subject.size() > 90 ? r.subject.substr(0, 90) + "…" : r.subject;
      h += fmt::format(
          "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{:.2f}</td><td>{}</td>"
          "<td>{}</td><td><code>{}</code></td><td>{}</td><td><a href=\"/explain/{}?lang=ja\">日本語"
          "</a> · <a href=\"/explain/{}?lang=en\">English</a></td></tr>",
          Time(recent[i].received_unix), VerdictBadge(r), HtmlEscape(record::ToString(r.category)),
          r.score, HtmlEscape(r.language), HtmlEscape(subject),
          r.wallets.empty() ? "" : HtmlEscape(r.wallets.front().address), HtmlEscape(r.campaign),
          HtmlEscape(r.content_hash), HtmlEscape(r.content_hash));
    }
    h += "</table>";
  }
  h += "</section></main></body></html>\n";
  return h;
}

std::string ExplainHtml(const RecentEntry& e, const explain::Explanation& ex) {
  const bool ja = ex.lang == explain::Lang::kJa;
  std::string h = fmt::format(
      "<!doctype html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title>{}"
      "</head><body><header><h1>{}</h1><p>{}</p></header><main class=\"explain\"><section>",
      ja ? "ja" : "en", ja ? "このメールについて" : "About this message", kStyle,
      ja ? "このメールについて" : "About this message", HtmlEscape(e.record.subject));
  h += "<p class=\"headline\">" + VerdictBadge(e.record) + " " + HtmlEscape(ex.headline) + "</p>";
  h += "<p>" + HtmlEscape(ex.summary) + "</p></section>";
  auto list = [&](std::string_view id, std::string_view title, const std::vector<std::string>& v) {
    if (v.empty()) return;
    h += fmt::format("<section id=\"{}\"><h2>{}</h2><ul>", id, HtmlEscape(title));
    for (const std::string& s : v) h += "<li>" + HtmlEscape(s) + "</li>";
    h += "</ul></section>";
  };
  list("evidence", ja ? "そう判断した理由" : "Why we think so", ex.evidence);
  list("advice", ja ? "どうすればよいか" : "What to do", ex.advice);
  list("report", ja ? "相談・通報先" : "Where to report it", ex.report_to);
  h += fmt::format(
      "<p class=\"muted\"><a href=\"/explain/{0}?lang=ja\">日本語</a> · <a "
      "href=\"/explain/{0}?lang=en\">English</a> · <a href=\"/\">dashboard</a></p>",
      HtmlEscape(e.record.content_hash));
  h += "</main></body></html>\n";
  return h;
}

}  // namespace extortrace::server::views
