#include "report/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <unordered_map>

#include "campaign/cluster.h"
#include "record/record.h"
#include "report/ids.h"

namespace extortrace::report {
namespace {

struct WalletAcc {
  WalletRow row;
  std::set<std::string> campaigns;
  std::optional<int64_t> first, last;
};

void AddMessage(const store::StoredMessage& m, const std::string& label, CampaignReport* c,
                std::map<std::string, WalletAcc>* wallets) {
  MessageRef ref;
  ref.source = m.source;
  ref.member = m.member;
  ref.index = m.index;
  ref.subject = m.subject;
  ref.language = m.language;
  ref.category = m.category;
  ref.sha256 = m.sha256;
  // An unreadable record still lists the message, with what its row holds.
  record::ScanRecord r = record::FromJson(m.record_json).value_or(record::ScanRecord{});
  ref.message_id = r.message_id;
  ref.date = r.date;
  if (r.demand) {
    ref.demand_amount = r.demand->amount;
    ref.demand_currency = r.demand->currency;
  }
  std::optional<int64_t> when = ParseRfc3339(ref.date);
  std::set<std::string> seen;
  for (const record::WalletFinding& w : r.wallets) {
    if (w.address.empty() || !seen.insert(w.address).second) continue;
    WalletAcc& acc = (*wallets)[w.address];
    if (acc.row.address.empty()) {
      acc.row.address = w.address;
      acc.row.currency = w.currency;
      acc.row.kind = w.kind;
    }
    acc.campaigns.insert(label);
    ++acc.row.messages;
    if (when) {
      if (!acc.first || *when < *acc.first) acc.first = when, acc.row.first_seen = ref.date;
      if (!acc.last || *when > *acc.last) acc.last = when, acc.row.last_seen = ref.date;
    }
  }
  c->messages.push_back(std::move(ref));
}

}  // namespace

Result<ReportModel> BuildReportModel(store::Store& store, const BuildOptions& options) {
  ReportModel model;
  model.generated_unix = options.now_unix;
  model.data_source = RedactUrl(options.data_source);
  if (!IsTlpLevel(options.tlp)) {
    return Fail(
        Error::InvalidArgument("TLP level must be clear, green, amber or red: " + options.tlp));
  }
  model.tlp = options.tlp;
  auto count = store.MessageCount();
  if (!count) return Fail(count.error());
  model.scanned_messages = *count;
  auto overall = campaign::ComputeOverallStats(store);
  if (!overall) return Fail(overall.error());
  model.overall = std::move(*overall);
  auto stats = campaign::ComputeCampaignStats(store);
  if (!stats) return Fail(stats.error());
  auto rows = store.Campaigns();
  if (!rows) return Fail(rows.error());
  std::unordered_map<std::string, int64_t> id_of;
  for (const store::CampaignRow& r : *rows) id_of[r.label] = r.id;

  std::map<std::string, WalletAcc> wallets;
  for (campaign::CampaignStats& s : *stats) {
    CampaignReport c;
    auto it = id_of.find(s.label);
    if (it != id_of.end()) {
      // A page at a time: a campaign's record JSON is never held whole.
      Status st = store.ForEachMessageOfCampaign(it->second, [&](const store::StoredMessage& m) {
        AddMessage(m, s.label, &c, &wallets);
        return Status{};
      });
      if (!st) return Fail(st.error());
    }
    c.id_seed = s.label + ":" + (c.messages.empty() ? std::string() : c.messages[0].sha256);
    auto top = TopCounts(s.categories, 1);
    if (!top.empty()) c.category = top[0].first;
    c.stats = std::move(s);
    model.campaigns.push_back(std::move(c));
  }
  std::sort(model.campaigns.begin(), model.campaigns.end(),
            [](const CampaignReport& a, const CampaignReport& b) {
              return a.stats.label < b.stats.label;
            });
  for (auto& [address, acc] : wallets) {
    acc.row.campaigns.assign(acc.campaigns.begin(), acc.campaigns.end());
    model.wallets.push_back(std::move(acc.row));
  }
  std::stable_sort(model.wallets.begin(), model.wallets.end(),
                   [](const WalletRow& a, const WalletRow& b) { return a.messages > b.messages; });
  return model;
}

Result<ReportModel> ClusterAndBuild(store::Store& store, const BuildOptions& options) {
  auto clustered = campaign::AssignCampaigns(store, {}, options.now_unix);
  if (!clustered) return Fail(clustered.error());
  return BuildReportModel(store, options);
}

bool IsTlpLevel(const std::string& tlp) {
  return tlp == "clear" || tlp == "green" || tlp == "amber" || tlp == "red";
}

std::string RedactUrl(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return url;
  size_t at = url.find('@', scheme + 3);
  if (at == std::string::npos) return url;
  size_t colon = url.find(':', scheme + 3);
  if (colon == std::string::npos || colon > at) return url;
  return url.substr(0, colon + 1) + "***" + url.substr(at);
}

std::string DayOf(const std::string& rfc3339) {
  return rfc3339.size() >= 10 ? rfc3339.substr(0, 10) : std::string();
}

std::vector<std::pair<std::string, int64_t>> TopCounts(const std::map<std::string, int64_t>& m,
                                                       size_t n) {
  std::vector<std::pair<std::string, int64_t>> v(m.begin(), m.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > n) v.resize(n);
  return v;
}

std::string CountsSummary(const std::map<std::string, int64_t>& m, size_t n) {
  std::string out;
  auto top = TopCounts(m, n);
  for (const auto& [k, v] : top) {
    if (!out.empty()) out += ", ";
    out += k + " " + std::to_string(v);
  }
  if (m.size() > top.size()) out += ", +" + std::to_string(m.size() - top.size());
  return out;
}

std::string FormatAmount(double amount, const std::string& currency) {
  char buf[64];
  bool crypto = currency == "BTC" || currency == "ETH" || currency == "LTC" || currency == "BCH" ||
                currency == "XMR";
  if (crypto || std::fabs(amount - std::round(amount)) > 1e-9) {
    std::snprintf(buf, sizeof buf, "%.8g", amount);
  } else {
    std::snprintf(buf, sizeof buf, "%.0f", amount);
  }
  // Thousands separators in the integer part.
  std::string raw = buf;
  size_t dot = raw.find_first_of(".e");
  size_t int_end = dot == std::string::npos ? raw.size() : dot;
  size_t first = raw[0] == '-' ? 1 : 0;
  std::string num = raw.substr(0, first);
  for (size_t i = first; i < int_end; ++i) {
    if (i > first && (int_end - i) % 3 == 0) num += ',';
    num += raw[i];
  }
  num += raw.substr(int_end);
  if (currency == "USD") return "$" + num;
  if (currency == "EUR") return "\u20ac" + num;
  return currency.empty() ? num : num + " " + currency;
}

std::string MedianDemand(const campaign::CampaignStats& s) {
  if (s.demands.empty()) return {};
  return FormatAmount(s.demands[0].median, s.demands[0].currency);
}

}  // namespace extortrace::report
