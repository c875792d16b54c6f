// STIX 2.1 bundle of the report: an identity for extortrace, one campaign
// object per campaign, one indicator per wallet, and `indicates`
// relationships from each wallet's indicator to the campaigns that used it.
//
// Wallets are not a STIX 2.1 cyber-observable type. Each one is exported as a
// `cryptocurrency-wallet` SCO defined by an extension definition carried in
// the bundle, and the indicator's pattern is
// `[cryptocurrency-wallet:value = '<address>']`; see
// docs/decisions/0005-stix-wallet-indicators.md. Ids are UUIDv5 of stable
// names (the address, the campaign's id seed), so re-exporting the same store
// gives the same ids. The bundle validates against the OASIS STIX 2.1 JSON
// schemas (tests/e2e/report_test.sh).
#pragma once

#include <string>

#include "report/model.h"

namespace extortrace::report {

std::string StixIdentityId();
std::string StixCampaignId(const CampaignReport& c);
std::string StixIndicatorId(const std::string& address);
std::string StixWalletId(const std::string& address);

std::string RenderStix(const ReportModel& model);

}  // namespace extortrace::report
