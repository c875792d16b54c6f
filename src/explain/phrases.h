// The sentences of an explanation, one table per language. Placeholders are
// fmt-style: {0}, {1}. Kept apart from the logic so a translator edits text
// only. Internal to the explain module.
#pragma once

#include <cstddef>
#include <string_view>

namespace extortrace::explain::detail {

struct FamilyPhrase {
  std::string_view family;  // reason family name (detect/lexicon.h)
  std::string_view text;    // {0} = quoted snippet
};

struct Phrases {
  std::string_view open_quote, close_quote;
  std::string_view headline_scam, headline_clean;
  std::string_view summary_sextortion, summary_corporate, summary_other, summary_clean;
  const FamilyPhrase* families;
  size_t family_count;
  std::string_view wallet;             // {0} currency, {1} address
  std::string_view wallet_seen;        // {0} count of other messages
  std::string_view campaign_size;      // {0} messages in the campaign
  std::string_view demand;             // {0} amount+currency, {1} as written
  std::string_view deadline;           // {0} hours
  std::string_view deadline_at;        // {0} the day, "YYYY-MM-DD"
  std::string_view self_sent;          // {0} address
  std::string_view auth_failed;        // {0} auth summary
  std::string_view auth_failed_alone;  // {0} auth summary
  std::string_view obfuscation;        // {0} list
  std::string_view password_quoted;    // {0} password
  std::string_view password_claimed;   // proof without a token we could pick out
  std::string_view no_real_data;
  std::string_view advice_pay, advice_reply, advice_delete, advice_password, advice_worry;
  std::string_view advice_threat;  // replaces advice_delete for threats of violence
  std::string_view advice_clean;
  std::string_view report_police, report_national, report_work;
  std::string_view title_evidence, title_advice, title_report;
  std::string_view list_sep;
};

const Phrases& English();
const Phrases& Japanese();

}  // namespace extortrace::explain::detail
