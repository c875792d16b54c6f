// The report model: everything the writers (HTML, JSON, CSV, STIX, MISP,
// terminal table) render, gathered once from the store.
//
// BuildReportModel reads the live campaigns, their statistics
// (campaign/stats.h) and member messages, and the wallet list. It does not
// cluster: callers run campaign::AssignCampaigns first so the model is
// current. The writers are pure functions of the model, so tests can build a
// model by hand and every export of one model agrees with the others.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "campaign/stats.h"
#include "core/result.h"
#include "report/money.h"
#include "store/store.h"

namespace extortrace::report {

// One stored message of a campaign, as the exports list it.
struct MessageRef {
  std::string source, member;
  int64_t index = 0;
  std::string message_id, date, subject, language, category, sha256;
  double demand_amount = 0;  // 0 when the message names no amount
  std::string demand_currency;
};

struct CampaignReport {
  campaign::CampaignStats stats;  // stats.label is the campaign label
  // Seed of the campaign's STIX/MISP ids: label plus the SHA-256 of the
  // message that founded it, so that two stores that both number a campaign
  // "c-000001" do not export the same id for different campaigns.
  std::string id_seed;
  std::string category;              // most frequent category, "" if none
  std::vector<MessageRef> messages;  // store order
};

// A wallet over all campaigns.
struct WalletRow {
  std::string currency, address, kind;
  std::vector<std::string> campaigns;  // labels, ordered
  int64_t messages = 0;
  std::string first_seen, last_seen;  // RFC 3339 (sender's offset), "" if undated
};

struct ReportModel {
  std::string title = "Crypto-extortion campaigns";
  std::string tool_version = "extortrace 0.1.0";
  std::string data_source;       // the store, without credentials
  int64_t generated_unix = 0;    // the report's own timestamp (STIX `modified`, MISP date)
  int64_t scanned_messages = 0;  // all stored messages, clean ones included
  campaign::CampaignStats overall;
  std::vector<CampaignReport> campaigns;  // ordered by label
  std::vector<WalletRow> wallets;         // most messages first, then address
  std::optional<MoneySection> money;      // the follow-the-money section, when computed
  // Traffic Light Protocol level of the whole report: "clear", "green",
  // "amber" or "red". Shown on the HTML report, marks the STIX objects, tags
  // the MISP event.
  std::string tlp = "amber";
};

struct BuildOptions {
  int64_t now_unix = 0;
  std::string data_source;
  std::string tlp = "amber";
};

// True for the TLP levels ReportModel::tlp accepts.
bool IsTlpLevel(const std::string& tlp);

Result<ReportModel> BuildReportModel(store::Store& store, const BuildOptions& options);

// Brings the campaigns up to date (campaign::AssignCampaigns with default
// options at options.now_unix), then builds the model. What the `report` and
// `campaigns` commands run.
Result<ReportModel> ClusterAndBuild(store::Store& store, const BuildOptions& options);

// The store URL for display: a PostgreSQL password is replaced by "***".
std::string RedactUrl(const std::string& url);

// Helpers the writers share.
// "2024-03-14" of an RFC 3339 date-time, or "" when shorter.
std::string DayOf(const std::string& rfc3339);
// Keys of a count map, most frequent first (ties by key), at most n.
std::vector<std::pair<std::string, int64_t>> TopCounts(const std::map<std::string, int64_t>& m,
                                                       size_t n);
// "en 12, ja 3" from a count map, most frequent first.
std::string CountsSummary(const std::map<std::string, int64_t>& m, size_t n = 3);
// "$2,500", "0.15 BTC", "2,500 EUR": an amount with its currency.
std::string FormatAmount(double amount, const std::string& currency);
// The median demand of the most common currency, "" if none.
std::string MedianDemand(const campaign::CampaignStats& s);

}  // namespace extortrace::report
