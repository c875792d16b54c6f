// Pieces shared by the HTML writer's files (html.cpp, html_campaign.cpp).
#pragma once

#include <array>
#include <map>
#include <string>
#include <vector>

#include "report/model.h"
#include "report/svg.h"

namespace extortrace::report::detail {

// Escaped mail-derived text, isolated for bidirectional display.
std::string Bdi(const std::string& s);
// "1,234".
std::string Thousands(int64_t v);
// "12%" of a total.
std::string Percent(int64_t part, int64_t total);
// Bars of a count map, most frequent first, the rest folded into "other".
std::vector<Bar> TopBars(const std::map<std::string, int64_t>& m, size_t n);
// Monday-first weekday bars, Saturday and Sunday highlighted.
std::vector<Bar> WeekdayBars(const std::array<int64_t, 7>& per_weekday);
// per_day without the days after the report's date (Date headers forged into
// the future would stretch every time axis); `dropped` counts their messages.
// No filtering when now_unix is 0.
std::map<std::string, int64_t> PlausibleDays(const std::map<std::string, int64_t>& per_day,
                                             int64_t now_unix, int64_t* dropped = nullptr);
// "median $1,500 ($800 – $2,500, 12 msgs)", or "$900 (1 msg)" when all agree.
std::string DemandText(const campaign::DemandStats& d);
// Anchor id of a campaign's detail section.
std::string Anchor(const std::string& label);
// A <figure> around a chart.
std::string Figure(const std::string& caption, const std::string& note, const std::string& svg,
                   bool wide = false);

// The per-campaign detail sections (html_campaign.cpp).
void RenderCampaignDetails(const ReportModel& model, std::string* out);

}  // namespace extortrace::report::detail
