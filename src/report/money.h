// THE FOLLOW-THE-MONEY SECTION: a placeholder for the `link`/`trace` work.
//
// The research report leaves one marked place for what the chain side will
// compute: revenue per campaign, payments over time and the flow graph from
// campaign wallets to cash-out points. This header defines the model that
// section will render from; it is empty today. The engineer who builds it:
//   1. fills MoneySection from `link` (e.g. a BuildMoneySection(store) there,
//      so that report does not depend on chain/trace directly),
//   2. sets ReportModel::money (report/model.h) in apps/cli/cmd_report.cpp,
//   3. renders it in RenderMoneySection (report/html_money.cpp), which the
//      HTML writer already calls between the per-campaign sections and the
//      wallet list, and adds it to the JSON writer (report/json_export.cpp).
// Until then the HTML shows a short note that no payment data is attached.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace extortrace::report {

struct CampaignRevenue {
  std::string campaign;  // "c-000042"
  int64_t payments = 0;
  int64_t satoshi = 0;
  double usd = 0;            // at the day's price of each payment
  int64_t wallets = 0;       // BTC wallets the campaign's mail names
  int64_t wallets_paid = 0;  // of those, paid at least once
  int64_t matched = 0;       // payments within tolerance of a demanded amount
  int64_t dropped = 0;       // payments dropped by the Paquet-Clouston filters
};

// Payments on one UTC day (all campaigns).
struct PaymentDay {
  std::string day;  // "2019-01-04"
  int64_t payments = 0;
  int64_t satoshi = 0;
  double usd = 0;
};

// One edge of the money-flow graph: tainted satoshis moving from an address
// to another at a hop (hop 1 leaves a campaign wallet).
struct FlowEdge {
  std::string from, to;
  int hop = 0;
  double satoshi = 0;
  std::string to_label, to_category;  // when `to` is a labelled entity
};

struct GraphNode {
  std::string address;
  std::string kind;   // "wallet" (campaign wallet), "address", "labelled"
  std::string label;  // entity label or campaign labels
  int hop = 0;        // 0 for campaign wallets
};

// A labelled entity the campaigns' money reached (exchange, mixer, ...).
struct LabelledDestination {
  std::string address, label, category;
  std::vector<std::string> campaigns;
  int min_hop = 0;
  double satoshi = 0;  // tainted
};

// An address receiving from several campaign wallets.
struct ConsolidationPoint {
  std::string address;
  std::vector<std::string> wallets, campaigns;
  int min_hop = 0;
  double satoshi = 0;
  std::string label;
};

struct MoneySection {
  std::vector<CampaignRevenue> revenue;  // first: MoneySection{{...}} stays valid
  std::string chain{};                   // where it was traced ("blocks:...", "esplora:...")
  int64_t traced_at = 0;                 // Unix seconds of the last trace run
  int64_t traced_wallets = 0;
  std::vector<PaymentDay> per_day{};  // by day
  std::vector<GraphNode> nodes{};     // the flow graph (bounded)
  std::vector<FlowEdge> edges{};
  std::vector<LabelledDestination> destinations{};  // most tainted first
  std::vector<ConsolidationPoint> consolidations{};
};

}  // namespace extortrace::report
