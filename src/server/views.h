// Renderings of store contents and recent verdicts for the HTTP API: JSON
// documents and the server-rendered dashboard (HTML with inline SVG charts,
// no scripts, no external resources). Internal to the server module.
#pragma once

#include <optional>
#include <string>

#include "core/result.h"
#include "explain/explain.h"
#include "server/service.h"
#include "store/store.h"

namespace extortrace::server::views {

// {"campaigns":[{label, messages, first_seen, last_seen, categories, languages,
//   wallets:[...], demands:[...], top_subjects:[...], per_day:{...}}]}
Result<std::string> CampaignsJson(store::Store& s);
// One campaign with its member messages; nullopt when there is no such label
// (or it was merged away). Reads only that campaign's messages.
Result<std::optional<std::string>> CampaignJson(store::Store& s, const std::string& label);
// {address, messages, campaigns:[...], first_seen, last_seen, items:[{sha256, date, subject,
// campaign}]} over the extortion messages naming the address (items: the first 1,000 by store
// order); looked up through the address index.
Result<std::optional<std::string>> WalletJson(store::Store& s, const std::string& address);

std::string DashboardHtml(ScanService& service);
std::string ExplainHtml(const RecentEntry& e, const explain::Explanation& ex);

}  // namespace extortrace::server::views
