// ===========================================================================
// FOLLOW-THE-MONEY SECTION — reserved for the chain-side work (see money.h).
// Revenue per campaign, payments over time and the flow graph go here; the
// HTML writer already calls this function between the campaign details and
// the wallet list. Only the placeholder note exists today.
// ===========================================================================
#include <cstdio>

#include "report/escape.h"
#include "report/html.h"

namespace extortrace::report {

void RenderMoneySection(const std::optional<MoneySection>& money, std::string* out) {
  *out += "<section id=\"money\" class=\"money\"><h2>Follow the money</h2>";
  if (!money) {
    *out +=
        "<p class=\"note\">No payment data is attached to this report. Payments received by the "
        "campaign wallets, revenue per campaign and where the money went appear here once the "
        "wallets have been traced on the blockchain.</p></section>";
    return;
  }
  // Minimal rendering of what the model holds so far; to be replaced.
  *out += "<table><thead><tr><th>Campaign</th><th class=\"num\">Payments</th>"
          "<th class=\"num\">BTC</th><th class=\"num\">USD</th></tr></thead><tbody>";
  for (const CampaignRevenue& r : money->revenue) {
    char btc[32], usd[32];
    std::snprintf(btc, sizeof btc, "%.8f", static_cast<double>(r.satoshi) / 1e8);
    std::snprintf(usd, sizeof usd, "%.0f", r.usd);
    *out += "<tr><td>" + HtmlEscape(r.campaign) + "</td><td class=\"num\">" +
            std::to_string(r.payments) + "</td><td class=\"num\">" + btc +
            "</td><td class=\"num\">" + usd + "</td></tr>";
  }
  *out += "</tbody></table></section>";
}

}  // namespace extortrace::report
