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
  double usd = 0;        // at the day's price of each payment
};

struct MoneySection {
  std::vector<CampaignRevenue> revenue;  // to be extended: payments per day, flow graph
};

}  // namespace extortrace::report
