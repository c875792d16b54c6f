// Machine-readable and terminal writers of the report model: JSON, CSV and
// the aligned campaign table. STIX and MISP are in stix.h and misp.h, HTML in
// html.h. All are pure functions of the model (thread-safe, no I/O) and
// return the whole document as UTF-8 text.
#pragma once

#include <cstddef>
#include <string>

#include "report/model.h"

namespace extortrace::report {

// Every campaign with its id, STIX id, statistics, wallets and member messages
// grouped by source; the summary, the overall statistics and the wallet list.
// Pretty-printed, always valid JSON (ill-formed UTF-8 becomes U+FFFD).
std::string RenderJson(const ReportModel& model);

// One row per campaign, with a header row (RFC 4180, CRLF line ends).
std::string RenderCampaignCsv(const ReportModel& model);
// One row per wallet, with a header row.
std::string RenderWalletCsv(const ReportModel& model);

// The campaign table for a terminal `width` columns wide (the subject column
// takes what is left, at least 16). Columns are aligned by display width, so
// Japanese subjects line up; control characters in subjects are blanked.
std::string RenderCampaignTable(const ReportModel& model, size_t width = 120);

}  // namespace extortrace::report
