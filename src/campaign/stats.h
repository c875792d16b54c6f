// Statistics per campaign and over all extortion messages: the tables a
// research report needs (volumes over time and by weekday, languages,
// subjects, demands, deadlines, sending IPs and countries, self-sent spoofs,
// obfuscation tricks, wallets).
//
// Computed from the stored scan records, streamed a page at a time (memory is
// that of the counters, plus one `members` string per message); dates are the sender's local dates
// (the Date header with its own offset), which is where weekend waves show.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "store/store.h"

namespace extortrace::campaign {

struct DemandStats {
  std::string currency;
  double min = 0, median = 0, max = 0;
  int64_t count = 0;
};

struct WalletStat {
  std::string currency, address, kind;
  int64_t messages = 0;
};

struct CampaignStats {
  std::string label;  // "c-000042", or "all"
  int64_t messages = 0;
  std::string first_seen, last_seen;       // RFC 3339 dates, empty if no dated message
  std::map<std::string, int64_t> per_day;  // "2024-03-14" -> messages
  std::array<int64_t, 7> per_weekday{};    // Monday first
  std::map<std::string, int64_t> categories;
  std::map<std::string, int64_t> languages;
  std::vector<std::pair<std::string, int64_t>> top_subjects;  // most frequent first, up to 10
  std::vector<DemandStats> demands;                           // per currency
  std::map<int64_t, int64_t> deadlines;                       // hours -> messages
  std::map<std::string, int64_t> countries;
  std::vector<std::pair<std::string, int64_t>> top_ips;  // up to 10
  int64_t self_sent = 0;
  std::map<std::string, int64_t> obfuscation;
  std::vector<WalletStat> wallets;   // most used first
  std::vector<std::string> members;  // "source[:member]#index", in store order
};

// One entry per live campaign with messages, ordered by campaign id.
Result<std::vector<CampaignStats>> ComputeCampaignStats(store::Store& store);

// The statistics of one campaign (messages == 0 if it has none, e.g. merged
// away). Reads only that campaign's messages, through the campaign index,
// a page at a time: the cost of one campaign, not of the store.
Result<CampaignStats> ComputeStatsOfCampaign(store::Store& store,
                                             const store::CampaignRow& campaign);

// The same statistics over every extortion message in the store.
Result<CampaignStats> ComputeOverallStats(store::Store& store);

// Monday = 0 for a "YYYY-MM-DD" date; -1 if it does not parse.
int WeekdayOf(const std::string& ymd);

}  // namespace extortrace::campaign
