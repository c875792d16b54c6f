// The research report as one self-contained HTML document: no script, no
// network, inline CSS and SVG; prints on A4.
//
// Sections, in order: masthead with the TLP level; summary (messages,
// campaigns, wallets, languages, date range, key findings); charts (volume
// over time, weekday, languages, countries, demands, categories, obfuscation);
// the campaign table; one detail section per campaign; the follow-the-money
// section (report/money.h; a note while it is not computed); the wallet list;
// method notes.
//
// Every string from mail (subjects, sources, languages, countries, wallet
// addresses) is HTML-escaped and shown inside <bdi>, so a subject can neither
// inject markup nor reorder the text around it. Pure function of the model.
#pragma once

#include <optional>
#include <string>

#include "report/model.h"

namespace extortrace::report {

std::string RenderHtml(const ReportModel& model);

// The follow-the-money section (report/html_money.cpp). Appends a <section
// id="money"> to `out`: the rendered section when `money` is set, otherwise
// a note that no payment data is attached to this report.
void RenderMoneySection(const std::optional<MoneySection>& money, std::string* out);

}  // namespace extortrace::report
