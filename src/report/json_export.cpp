// JSON writer of the report model.
#include <map>
#include <nlohmann/json.hpp>

#include "report/exports.h"
#include "report/ids.h"
#include "report/stix.h"

namespace extortrace::report {
namespace {

using Json = nlohmann::ordered_json;

const char* const kWeekdays[7] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};

Json Counts(const std::map<std::string, int64_t>& m) {
  Json j = Json::object();
  for (const auto& [k, v] : TopCounts(m, m.size())) j[k] = v;
  return j;
}

Json StatsJson(const campaign::CampaignStats& s) {
  Json j;
  j["messages"] = s.messages;
  j["first_seen"] = s.first_seen.empty() ? Json() : Json(s.first_seen);
  j["last_seen"] = s.last_seen.empty() ? Json() : Json(s.last_seen);
  j["per_day"] = Json::object();
  for (const auto& [day, n] : s.per_day) j["per_day"][day] = n;
  j["per_weekday"] = Json::object();
  for (size_t i = 0; i < 7; ++i) j["per_weekday"][kWeekdays[i]] = s.per_weekday[i];
  j["categories"] = Counts(s.categories);
  j["languages"] = Counts(s.languages);
  j["countries"] = Counts(s.countries);
  j["top_subjects"] = Json::array();
  for (const auto& [subject, n] : s.top_subjects) {
    j["top_subjects"].push_back({{"subject", subject}, {"messages", n}});
  }
  j["demands"] = Json::array();
  for (const campaign::DemandStats& d : s.demands) {
    j["demands"].push_back({{"currency", d.currency},
                            {"count", d.count},
                            {"min", d.min},
                            {"median", d.median},
                            {"max", d.max}});
  }
  j["deadline_hours"] = Json::object();
  for (const auto& [h, n] : s.deadlines) j["deadline_hours"][std::to_string(h)] = n;
  j["top_sender_ips"] = Json::array();
  for (const auto& [ip, n] : s.top_ips)
    j["top_sender_ips"].push_back({{"ip", ip}, {"messages", n}});
  j["self_sent"] = s.self_sent;
  j["obfuscation"] = Counts(s.obfuscation);
  return j;
}

Json WalletJson(const WalletRow& w) {
  return {{"address", w.address},
          {"currency", w.currency},
          {"kind", w.kind},
          {"campaigns", w.campaigns},
          {"messages", w.messages},
          {"first_seen", w.first_seen.empty() ? Json() : Json(w.first_seen)},
          {"last_seen", w.last_seen.empty() ? Json() : Json(w.last_seen)},
          {"stix_indicator_id", StixIndicatorId(w.address)}};
}

Json CampaignJson(const CampaignReport& c) {
  Json j;
  j["id"] = c.stats.label;
  j["stix_id"] = StixCampaignId(c);
  j["category"] = c.category.empty() ? Json() : Json(c.category);
  j["messages"] = c.stats.messages;
  j["first_seen"] = c.stats.first_seen.empty() ? Json() : Json(c.stats.first_seen);
  j["last_seen"] = c.stats.last_seen.empty() ? Json() : Json(c.stats.last_seen);
  j["wallets"] = Json::array();
  for (const campaign::WalletStat& w : c.stats.wallets) {
    j["wallets"].push_back({{"address", w.address},
                            {"currency", w.currency},
                            {"kind", w.kind},
                            {"messages", w.messages}});
  }
  j["statistics"] = StatsJson(c.stats);
  // Member messages grouped by source, sources in order of first appearance.
  Json sources = Json::array();
  std::map<std::string, size_t> index_of;
  for (const MessageRef& m : c.messages) {
    auto [it, fresh] = index_of.emplace(m.source, sources.size());
    if (fresh) sources.push_back({{"source", m.source}, {"messages", Json::array()}});
    Json msg;
    if (!m.member.empty()) msg["member"] = m.member;
    msg["index"] = m.index;
    msg["message_id"] = m.message_id.empty() ? Json() : Json(m.message_id);
    msg["date"] = m.date.empty() ? Json() : Json(m.date);
    msg["subject"] = m.subject;
    msg["language"] = m.language;
    msg["category"] = m.category.empty() ? Json() : Json(m.category);
    msg["sha256"] = m.sha256;
    sources[it->second]["messages"].push_back(std::move(msg));
  }
  j["sources"] = std::move(sources);
  return j;
}

}  // namespace

std::string RenderJson(const ReportModel& model) {
  Json j;
  j["report"] = {{"title", model.title},
                 {"tool", model.tool_version},
                 {"generated", StixTimestamp(model.generated_unix)},
                 {"data_source", model.data_source},
                 {"scanned_messages", model.scanned_messages}};
  j["summary"] = {
      {"extortion_messages", model.overall.messages},
      {"campaigns", model.campaigns.size()},
      {"wallets", model.wallets.size()},
      {"languages", model.overall.languages.size()},
      {"first_seen", model.overall.first_seen.empty() ? Json() : Json(model.overall.first_seen)},
      {"last_seen", model.overall.last_seen.empty() ? Json() : Json(model.overall.last_seen)}};
  j["overall"] = StatsJson(model.overall);
  j["campaigns"] = Json::array();
  for (const CampaignReport& c : model.campaigns) j["campaigns"].push_back(CampaignJson(c));
  j["wallets"] = Json::array();
  for (const WalletRow& w : model.wallets) j["wallets"].push_back(WalletJson(w));
  if (model.money) {
    Json money;
    money["revenue"] = Json::array();
    for (const CampaignRevenue& r : model.money->revenue) {
      money["revenue"].push_back({{"campaign", r.campaign},
                                  {"payments", r.payments},
                                  {"satoshi", r.satoshi},
                                  {"usd", r.usd}});
    }
    j["money"] = std::move(money);
  } else {
    j["money"] = nullptr;
  }
  return j.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace extortrace::report
