// The HTML report: one detail section per campaign, and the helpers the
// HTML files share.
#include <algorithm>
#include <cstdio>
#include <map>

#include "report/detail/html_parts.h"
#include "report/escape.h"
#include "report/ids.h"
#include "report/stix.h"

namespace extortrace::report::detail {

std::string Bdi(const std::string& s) { return "<bdi>" + HtmlEscape(s) + "</bdi>"; }

std::string Thousands(int64_t v) {
  std::string digits = std::to_string(v < 0 ? -v : v);
  std::string s = v < 0 ? "-" : "";
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) s += ',';
    s += digits[i];
  }
  return s;
}

std::string Percent(int64_t part, int64_t total) {
  if (total <= 0) return "0%";
  char buf[16];
  double p = 100.0 * static_cast<double>(part) / static_cast<double>(total);
  std::snprintf(buf, sizeof buf, p > 0 && p < 1 ? "%.1f%%" : "%.0f%%", p);
  return buf;
}

std::vector<Bar> TopBars(const std::map<std::string, int64_t>& m, size_t n) {
  std::vector<Bar> bars;
  auto all = TopCounts(m, m.size());
  int64_t other = 0;
  for (size_t i = 0; i < all.size(); ++i) {
    if (i < n) {
      bars.push_back({all[i].first.empty() ? "(none)" : all[i].first, all[i].second, false});
    } else {
      other += all[i].second;
    }
  }
  if (other > 0) bars.push_back({"other", other, false});
  return bars;
}

std::vector<Bar> WeekdayBars(const std::array<int64_t, 7>& per_weekday) {
  static const char* const kNames[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
  std::vector<Bar> bars;
  for (size_t i = 0; i < 7; ++i) bars.push_back({kNames[i], per_weekday[i], i >= 5});
  return bars;
}

std::map<std::string, int64_t> PlausibleDays(const std::map<std::string, int64_t>& per_day,
                                             int64_t now_unix, int64_t* dropped) {
  if (dropped != nullptr) *dropped = 0;
  if (now_unix <= 0) return per_day;
  std::string limit = UtcDate(now_unix + 86400);
  std::map<std::string, int64_t> out;
  for (const auto& [day, n] : per_day) {
    if (day <= limit) {
      out.emplace(day, n);
    } else if (dropped != nullptr) {
      *dropped += n;
    }
  }
  return out;
}

std::string DemandText(const campaign::DemandStats& d) {
  std::string count = Thousands(d.count) + (d.count == 1 ? " msg" : " msgs");
  if (d.min == d.max) return HtmlEscape(FormatAmount(d.median, d.currency)) + " (" + count + ")";
  return "median " + HtmlEscape(FormatAmount(d.median, d.currency)) + " (" +
         HtmlEscape(FormatAmount(d.min, d.currency)) + " &ndash; " +
         HtmlEscape(FormatAmount(d.max, d.currency)) + ", " + count + ")";
}

std::string Anchor(const std::string& label) {
  std::string a = "campaign-";
  for (char c : label) {
    bool ok =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-';
    a += ok ? c : '_';
  }
  return a;
}

std::string Figure(const std::string& caption, const std::string& note, const std::string& svg,
                   bool wide) {
  return std::string("<figure") + (wide ? " class=\"wide\"" : "") + "><figcaption>" + caption +
         (note.empty() ? "" : "<span>" + note + "</span>") + "</figcaption>" + svg + "</figure>";
}

namespace {

constexpr size_t kMaxDetails = 100;

std::string CountList(const std::map<std::string, int64_t>& m, size_t n) {
  std::string out;
  auto top = TopCounts(m, n);
  for (const auto& [k, v] : top) {
    out += (out.empty() ? "" : ", ") + Bdi(k.empty() ? "(none)" : k) + " " + Thousands(v);
  }
  if (m.size() > top.size()) out += ", +" + std::to_string(m.size() - top.size()) + " more";
  return out.empty() ? "&ndash;" : out;
}

void Fact(const char* key, const std::string& value, std::string* out) {
  *out += "<dt>" + std::string(key) + "</dt><dd>" + value + "</dd>";
}

void RenderOne(const CampaignReport& c, int64_t now_unix, std::string* out) {
  const campaign::CampaignStats& s = c.stats;
  *out += "<article class=\"campaign\" id=\"" + Anchor(s.label) + "\"><h3>" + HtmlEscape(s.label) +
          (c.category.empty() ? "" : " <span class=\"tag\">" + HtmlEscape(c.category) + "</span>") +
          "</h3><div class=\"cols\"><div><dl class=\"facts\">";
  Fact("Messages", Thousands(s.messages), out);
  if (!s.first_seen.empty()) {
    auto a = DayNumber(s.first_seen), b = DayNumber(s.last_seen);
    int64_t days = a && b ? *b - *a + 1 : 0;
    std::string active = HtmlEscape(DayOf(s.first_seen)) + " to " + HtmlEscape(DayOf(s.last_seen)) +
                         " (" + Thousands(days) + (days == 1 ? " day)" : " days)");
    int64_t future = 0;
    PlausibleDays(s.per_day, now_unix, &future);
    if (future > 0) {
      active += "<br><span class=\"muted\">" + Thousands(future) +
                (future == 1 ? " message is" : " messages are") +
                " dated after this report: a forged Date header</span>";
    }
    Fact("Active", active, out);
  }
  Fact("Languages", CountList(s.languages, 5), out);
  Fact("Countries", CountList(s.countries, 6), out);
  std::string demands;
  for (const campaign::DemandStats& d : s.demands) {
    demands += (demands.empty() ? "" : "<br>") + DemandText(d);
  }
  Fact("Demand", demands.empty() ? "&ndash;" : demands, out);
  std::string deadlines;
  for (const auto& [h, n] : s.deadlines) {
    deadlines += (deadlines.empty() ? "" : ", ") + std::to_string(h) + " h (" + Thousands(n) + ")";
  }
  Fact("Deadline", deadlines.empty() ? "&ndash;" : deadlines, out);
  Fact("Self-sent", Thousands(s.self_sent) + " (" + Percent(s.self_sent, s.messages) + ")", out);
  Fact("Obfuscation", CountList(s.obfuscation, 6), out);
  std::string ips;
  for (size_t i = 0; i < s.top_ips.size() && i < 5; ++i) {
    ips +=
        (ips.empty() ? "" : ", ") + Bdi(s.top_ips[i].first) + " " + Thousands(s.top_ips[i].second);
  }
  Fact("Top relays", ips.empty() ? "&ndash;" : ips, out);
  Fact("STIX id", "<span class=\"mono\">" + HtmlEscape(StixCampaignId(c)) + "</span>", out);
  *out += "</dl></div><div>";
  *out += Figure(
      "Volume", "",
      TimeSeriesChart(PlausibleDays(s.per_day, now_unix),
                      {"volume-" + s.label, "Messages of " + s.label + " over time", 520, 170}));
  *out += "</div></div>";

  *out +=
      "<h4>Subjects</h4><table><thead><tr><th>Subject</th><th class=\"num\">Messages</th>"
      "</tr></thead><tbody>";
  for (const auto& [subject, n] : s.top_subjects) {
    *out += "<tr><td class=\"subject\">" +
            (subject.empty() ? "<span class=\"muted\">(empty)</span>" : Bdi(subject)) +
            "</td><td class=\"num\">" + Thousands(n) + "</td></tr>";
  }
  *out += "</tbody></table>";

  if (!s.wallets.empty()) {
    *out +=
        "<h4>Wallets</h4><table><thead><tr><th>Address</th><th>Currency</th><th>Kind</th>"
        "<th class=\"num\">Messages</th></tr></thead><tbody>";
    for (const campaign::WalletStat& w : s.wallets) {
      *out += "<tr><td class=\"mono\">" + Bdi(w.address) + "</td><td>" + HtmlEscape(w.currency) +
              "</td><td>" + HtmlEscape(w.kind) + "</td><td class=\"num\">" + Thousands(w.messages) +
              "</td></tr>";
    }
    *out += "</tbody></table>";
  }

  // Member messages grouped by source (a file, mbox or archive).
  std::vector<std::pair<std::string, std::vector<const MessageRef*>>> sources;
  std::map<std::string, size_t> index_of;
  for (const MessageRef& m : c.messages) {
    auto [it, fresh] = index_of.emplace(m.source, sources.size());
    if (fresh) sources.push_back({m.source, {}});
    sources[it->second].second.push_back(&m);
  }
  constexpr size_t kMaxSources = 12, kMaxPerSource = 8;
  *out += "<h4>Messages by source</h4><ul class=\"sources\">";
  for (size_t i = 0; i < sources.size() && i < kMaxSources; ++i) {
    const auto& [source, msgs] = sources[i];
    *out += "<li><span class=\"mono\">" + Bdi(source) + "</span> &middot; " +
            Thousands(static_cast<int64_t>(msgs.size())) +
            (msgs.size() == 1 ? " message" : " messages");
    if (msgs.size() > 1 || !msgs[0]->member.empty() || msgs[0]->index > 0) {
      *out += ": ";
      for (size_t k = 0; k < msgs.size() && k < kMaxPerSource; ++k) {
        const MessageRef* m = msgs[k];
        *out += (k ? ", " : "") + (m->member.empty() ? "" : Bdi(m->member)) + "#" +
                std::to_string(m->index);
      }
      if (msgs.size() > kMaxPerSource) *out += ", &hellip;";
    }
    *out += "</li>";
  }
  if (sources.size() > kMaxSources) {
    *out += "<li class=\"muted\">and " + std::to_string(sources.size() - kMaxSources) +
            " more sources (full list in the JSON export)</li>";
  }
  *out += "</ul></article>";
}

}  // namespace

void RenderCampaignDetails(const ReportModel& model, std::string* out) {
  *out += "<section id=\"details\"><h2>Campaign details</h2>";
  if (model.campaigns.empty()) *out += "<p class=\"note\">No campaigns.</p>";
  // The largest campaigns get a section (in label order); a store of many
  // thousand one-message campaigns must not give a report nobody can open.
  std::vector<const CampaignReport*> shown;
  for (const CampaignReport& c : model.campaigns) shown.push_back(&c);
  if (shown.size() > kMaxDetails) {
    std::stable_sort(shown.begin(), shown.end(),
                     [](const CampaignReport* a, const CampaignReport* b) {
                       return a->stats.messages > b->stats.messages;
                     });
    shown.resize(kMaxDetails);
    std::sort(shown.begin(), shown.end(), [](const CampaignReport* a, const CampaignReport* b) {
      return a->stats.label < b->stats.label;
    });
    *out += "<p class=\"note\">The " + std::to_string(kMaxDetails) + " largest of " +
            Thousands(static_cast<int64_t>(model.campaigns.size())) +
            " campaigns are detailed here; all are in the campaign table and the JSON export.</p>";
  }
  for (const CampaignReport* c : shown) RenderOne(*c, model.generated_unix, out);
  *out += "</section>";
}

}  // namespace extortrace::report::detail
