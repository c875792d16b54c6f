#include "campaign/stats.h"

#include <algorithm>
#include <cstdio>
#include <unordered_map>

#include "core/time.h"
#include "record/record.h"

namespace extortrace::campaign {
namespace {

template <typename K>
std::vector<std::pair<K, int64_t>> Top(const std::map<K, int64_t>& counts, size_t n) {
  std::vector<std::pair<K, int64_t>> v(counts.begin(), counts.end());
  std::stable_sort(v.begin(), v.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  if (v.size() > n) v.resize(n);
  return v;
}

class Accumulator {
 public:
  explicit Accumulator(std::string label) { s_.label = std::move(label); }

  void Add(const store::StoredMessage& m) {
    ++s_.messages;
    std::string member = m.source;
    if (!m.member.empty()) member += ":" + m.member;
    member += "#" + std::to_string(m.index);
    s_.members.push_back(std::move(member));
    auto parsed = record::FromJson(m.record_json);
    if (!parsed) return;
    const record::ScanRecord& r = *parsed;
    const std::string& date = r.date;
    if (date.size() >= 10) {
      if (s_.first_seen.empty() || date < s_.first_seen) s_.first_seen = date;
      if (s_.last_seen.empty() || date > s_.last_seen) s_.last_seen = date;
      std::string day = date.substr(0, 10);
      ++s_.per_day[day];
      int wd = WeekdayOf(day);
      if (wd >= 0) ++s_.per_weekday[static_cast<size_t>(wd)];
    }
    if (r.category != record::Category::kNone) {
      ++s_.categories[std::string(record::ToString(r.category))];
    }
    ++s_.languages[r.language];
    ++subjects_[r.subject];
    if (r.demand && r.demand->amount > 0) amounts_[r.demand->currency].push_back(r.demand->amount);
    if (r.deadline_hours) ++s_.deadlines[*r.deadline_hours];
    if (r.sender.self_sent) ++s_.self_sent;
    if (!r.sender.country.empty()) ++s_.countries[r.sender.country];
    if (!r.sender.ip.empty()) ++ips_[r.sender.ip];
    for (const std::string& o : r.obfuscation) ++s_.obfuscation[o];
    for (const record::WalletFinding& w : r.wallets) {
      auto [it, fresh] = wallet_index_.emplace(w.address, s_.wallets.size());
      if (fresh) s_.wallets.push_back({w.currency, w.address, w.kind, 0});
      ++s_.wallets[it->second].messages;
    }
  }

  CampaignStats Finish() {
    s_.top_subjects = Top(subjects_, 10);
    s_.top_ips = Top(ips_, 10);
    for (auto& [cur, v] : amounts_) {
      std::sort(v.begin(), v.end());
      DemandStats d;
      d.currency = cur;
      d.count = static_cast<int64_t>(v.size());
      d.min = v.front();
      d.max = v.back();
      d.median = v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2;
      s_.demands.push_back(d);
    }
    std::stable_sort(s_.demands.begin(), s_.demands.end(),
                     [](const DemandStats& a, const DemandStats& b) { return a.count > b.count; });
    std::stable_sort(
        s_.wallets.begin(), s_.wallets.end(),
        [](const WalletStat& a, const WalletStat& b) { return a.messages > b.messages; });
    return std::move(s_);
  }

 private:
  CampaignStats s_;
  std::map<std::string, int64_t> subjects_, ips_;
  std::map<std::string, std::vector<double>> amounts_;
  std::unordered_map<std::string, size_t> wallet_index_;
};

}  // namespace

int WeekdayOf(const std::string& ymd) {
  std::optional<int64_t> day = DayNumber(ymd);
  return day ? WeekdayOfDay(*day) : -1;  // 0 = Monday
}

Result<CampaignStats> ComputeStatsOfCampaign(store::Store& store,
                                             const store::CampaignRow& campaign) {
  Accumulator acc(campaign.label);
  Status st = store.ForEachMessageOfCampaign(campaign.id, [&acc](const store::StoredMessage& m) {
    acc.Add(m);
    return Status{};
  });
  if (!st) return Fail(st.error());
  return acc.Finish();
}

Result<std::vector<CampaignStats>> ComputeCampaignStats(store::Store& store) {
  auto campaigns = store.Campaigns();
  if (!campaigns) return Fail(campaigns.error());
  std::vector<CampaignStats> out;
  for (const store::CampaignRow& c : *campaigns) {
    auto stats = ComputeStatsOfCampaign(store, c);
    if (!stats) return Fail(stats.error());
    if (stats->messages > 0) out.push_back(std::move(*stats));
  }
  return out;
}

Result<CampaignStats> ComputeOverallStats(store::Store& store) {
  Accumulator acc("all");
  Status st = store.ForEachExtortionMessage(/*unassigned_only=*/false,
                                            [&acc](const store::StoredMessage& m) {
                                              acc.Add(m);
                                              return Status{};
                                            });
  if (!st) return Fail(st.error());
  return acc.Finish();
}

}  // namespace extortrace::campaign
