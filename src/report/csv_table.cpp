// CSV writers and the terminal campaign table.
#include <algorithm>
#include <cstdio>
#include <vector>

#include "report/escape.h"
#include "report/exports.h"

namespace extortrace::report {
namespace {

std::string Join(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const std::string& s : v) {
    if (!out.empty()) out += sep;
    out += s;
  }
  return out;
}

void Row(const std::vector<std::string>& fields, std::string* out) {
  *out += Join(fields, ",");
  *out += "\r\n";
}

std::string Num(int64_t v) { return std::to_string(v); }

std::string Num(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.10g", v);
  return buf;
}

std::string Languages(const campaign::CampaignStats& s) {
  std::vector<std::string> langs;
  for (const auto& [lang, n] : TopCounts(s.languages, s.languages.size())) langs.push_back(lang);
  return Join(langs, " ");
}

}  // namespace

std::string RenderCampaignCsv(const ReportModel& model) {
  std::string out;
  Row({"campaign", "messages", "first_seen", "last_seen", "languages", "category", "top_subject",
       "demand_currency", "demand_median", "demand_min", "demand_max", "wallets",
       "wallet_addresses", "countries", "self_sent"},
      &out);
  for (const CampaignReport& c : model.campaigns) {
    const campaign::CampaignStats& s = c.stats;
    std::vector<std::string> addresses;
    for (const campaign::WalletStat& w : s.wallets) addresses.push_back(w.address);
    std::vector<std::string> countries;
    for (const auto& [cc, n] : TopCounts(s.countries, s.countries.size())) countries.push_back(cc);
    const campaign::DemandStats* d = s.demands.empty() ? nullptr : &s.demands[0];
    Row({CsvField(s.label), Num(s.messages), CsvField(s.first_seen), CsvField(s.last_seen),
         CsvField(Languages(s)), CsvField(c.category),
         CsvField(s.top_subjects.empty() ? std::string() : s.top_subjects[0].first),
         d ? CsvField(d->currency) : "", d ? Num(d->median) : "", d ? Num(d->min) : "",
         d ? Num(d->max) : "", Num(static_cast<int64_t>(s.wallets.size())),
         CsvField(Join(addresses, " ")), CsvField(Join(countries, " ")), Num(s.self_sent)},
        &out);
  }
  return out;
}

std::string RenderWalletCsv(const ReportModel& model) {
  std::string out;
  Row({"address", "currency", "kind", "campaigns", "messages", "first_seen", "last_seen"}, &out);
  for (const WalletRow& w : model.wallets) {
    Row({CsvField(w.address), CsvField(w.currency), CsvField(w.kind),
         CsvField(Join(w.campaigns, " ")), Num(w.messages), CsvField(w.first_seen),
         CsvField(w.last_seen)},
        &out);
  }
  return out;
}

std::string RenderCampaignTable(const ReportModel& model, size_t width) {
  struct Col {
    const char* title;
    bool right;
  };
  const std::vector<Col> cols = {
      {"CAMPAIGN", false},  {"MSGS", true},       {"FIRST SEEN", false},
      {"LAST SEEN", false}, {"LANGUAGES", false}, {"CATEGORY", false},
      {"DEMAND", true},     {"WALLETS", true},    {"TOP SUBJECT", false}};
  std::vector<std::vector<std::string>> rows;
  for (const CampaignReport& c : model.campaigns) {
    const campaign::CampaignStats& s = c.stats;
    std::string demand = MedianDemand(s);
    rows.push_back(
        {s.label, Num(s.messages), DayOf(s.first_seen), DayOf(s.last_seen),
         FitWidth(CountsSummary(s.languages, 2), 18), c.category.empty() ? "-" : c.category,
         demand.empty() ? "-" : FitWidth(demand, 16), Num(static_cast<int64_t>(s.wallets.size())),
         s.top_subjects.empty() ? "-" : s.top_subjects[0].first});
  }
  std::vector<size_t> w(cols.size());
  for (size_t i = 0; i < cols.size(); ++i) w[i] = DisplayWidth(cols[i].title);
  for (const auto& r : rows) {
    for (size_t i = 0; i + 1 < cols.size(); ++i) w[i] = std::max(w[i], DisplayWidth(r[i]));
  }
  size_t used = 0;
  for (size_t i = 0; i + 1 < cols.size(); ++i) used += w[i] + 2;
  w.back() = width > used + 16 ? width - used : 16;

  std::string out;
  auto emit = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (size_t i = 0; i < cols.size(); ++i) {
      std::string cell = i + 1 == cols.size() ? FitWidth(cells[i], w[i]) : cells[i];
      size_t pad = w[i] > DisplayWidth(cell) ? w[i] - DisplayWidth(cell) : 0;
      if (cols[i].right) line.append(pad, ' ');
      line += cell;
      if (i + 1 < cols.size()) {
        if (!cols[i].right) line.append(pad, ' ');
        line += "  ";
      }
    }
    out += line + "\n";
  };
  std::vector<std::string> header;
  for (const Col& c : cols) header.push_back(c.title);
  emit(header);
  for (const auto& r : rows) emit(r);
  char summary[200];
  std::snprintf(summary, sizeof summary,
                "%zu campaigns, %lld extortion messages, %zu wallets, %zu languages\n",
                model.campaigns.size(), static_cast<long long>(model.overall.messages),
                model.wallets.size(), model.overall.languages.size());
  out += summary;
  return out;
}

}  // namespace extortrace::report
