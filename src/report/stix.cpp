// STIX 2.1 bundle writer.
#include "report/stix.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "report/ids.h"

namespace extortrace::report {
namespace {

using Json = nlohmann::ordered_json;

// The identity and its creation time never change, so its id and content
// are the same in every bundle.
constexpr const char* kIdentityCreated = "2024-01-01T00:00:00.000Z";

std::string Id(const std::string& type, const std::string& name) {
  return type + "--" + UuidV5(kExtortraceNamespace, type + ":" + name);
}

// The TLP 1.0 marking definitions predefined by STIX 2.1 §7.2.1.4 (TLP 2.0
// "clear" is TLP 1.0 "white").
struct Tlp {
  const char* level;
  const char* id;
  const char* name;
  const char* definition;
};
constexpr Tlp kTlp[] = {
    {"clear", "marking-definition--613f2e26-407d-48c7-9eca-b8e91df99dc9", "TLP:WHITE", "white"},
    {"green", "marking-definition--34098fce-860f-48ae-8e50-ebd3cc5e41da", "TLP:GREEN", "green"},
    {"amber", "marking-definition--f88d31f6-486f-44da-b317-01333bde0b82", "TLP:AMBER", "amber"},
    {"red", "marking-definition--5e57c739-391a-4eb3-b6be-7d15ca92d5ed", "TLP:RED", "red"},
};

const Tlp& TlpOf(const std::string& level) {
  for (const Tlp& t : kTlp) {
    if (level == t.level) return t;
  }
  return kTlp[2];
}

// UTC STIX timestamp of an RFC 3339 date, or `fallback`.
std::string Ts(const std::string& rfc3339, const std::string& fallback) {
  std::optional<int64_t> t = ParseRfc3339(rfc3339);
  return t ? StixTimestamp(*t) : fallback;
}

// STIX patterns quote strings with single quotes; \ and ' are escaped (§9.2).
std::string PatternString(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\\' || c == '\'') out += '\\';
    out += c;
  }
  return out + "'";
}

Json Common(const std::string& type, const std::string& id, const std::string& created,
            const std::string& modified, const Tlp& tlp) {
  Json j;
  j["type"] = type;
  j["spec_version"] = "2.1";
  j["id"] = id;
  j["created_by_ref"] = StixIdentityId();
  j["created"] = created;
  j["modified"] = std::max(created, modified);
  j["object_marking_refs"] = Json::array({tlp.id});
  return j;
}

std::string CampaignDescription(const CampaignReport& c) {
  const campaign::CampaignStats& s = c.stats;
  std::string d = "Crypto-extortion";
  if (!c.category.empty()) d += " (" + c.category + ")";
  d += " mail campaign found by extortrace: " + std::to_string(s.messages) + " messages";
  if (!s.first_seen.empty()) d += " from " + DayOf(s.first_seen) + " to " + DayOf(s.last_seen);
  d += ". Languages: " + CountsSummary(s.languages, 5) + ".";
  if (!s.countries.empty()) d += " Sending countries: " + CountsSummary(s.countries, 5) + ".";
  if (!s.demands.empty()) {
    const campaign::DemandStats& dm = s.demands[0];
    d += " Demand: median " + FormatAmount(dm.median, dm.currency) + " (" +
         FormatAmount(dm.min, dm.currency) + " to " + FormatAmount(dm.max, dm.currency) + ", " +
         std::to_string(dm.count) + " messages).";
  }
  d += " Wallets: " + std::to_string(s.wallets.size()) + ".";
  if (!s.top_subjects.empty()) d += " Most frequent subject: \"" + s.top_subjects[0].first + "\".";
  return d;
}

}  // namespace

std::string StixIdentityId() { return Id("identity", "extortrace"); }

std::string StixCampaignId(const CampaignReport& c) { return Id("campaign", c.id_seed); }

std::string StixIndicatorId(const std::string& address) { return Id("indicator", address); }

std::string StixWalletId(const std::string& address) {
  return "cryptocurrency-wallet--" + UuidV5(kStixScoNamespace, Json({{"value", address}}).dump());
}

std::string RenderStix(const ReportModel& model) {
  const std::string now = StixTimestamp(model.generated_unix);
  const Tlp& tlp = TlpOf(model.tlp);
  Json objects = Json::array();

  Json identity;
  identity["type"] = "identity";
  identity["spec_version"] = "2.1";
  identity["id"] = StixIdentityId();
  identity["created"] = kIdentityCreated;
  identity["modified"] = kIdentityCreated;
  identity["name"] = "extortrace";
  identity["description"] =
      "extortrace: a tool that detects crypto-extortion mail, groups it into campaigns and "
      "follows its money. Objects it creates are derived automatically from scanned mail.";
  identity["identity_class"] = "system";
  objects.push_back(identity);

  Json marking;
  marking["type"] = "marking-definition";
  marking["spec_version"] = "2.1";
  marking["id"] = tlp.id;
  marking["created"] = "2017-01-20T00:00:00.000Z";
  marking["definition_type"] = "tlp";
  marking["name"] = tlp.name;
  marking["definition"] = {{"tlp", tlp.definition}};
  objects.push_back(marking);

  std::map<std::string, std::string> campaign_id;  // label -> STIX id
  for (const CampaignReport& c : model.campaigns) {
    const campaign::CampaignStats& s = c.stats;
    std::string id = StixCampaignId(c);
    campaign_id[s.label] = id;
    Json j = Common("campaign", id, Ts(s.first_seen, now), now, tlp);
    j["name"] = s.label;
    j["description"] = CampaignDescription(c);
    j["aliases"] = Json::array({"extortrace " + s.label});
    if (!s.first_seen.empty()) j["first_seen"] = Ts(s.first_seen, now);
    if (!s.last_seen.empty()) j["last_seen"] = Ts(s.last_seen, now);
    j["objective"] = "Extort payment in cryptocurrency from mail recipients";
    std::vector<std::string> labels = {"crypto-extortion"};
    if (!c.category.empty()) labels.push_back(c.category);
    j["labels"] = labels;
    objects.push_back(std::move(j));
  }

  for (const WalletRow& w : model.wallets) {
    std::string id = StixIndicatorId(w.address);
    std::string valid_from = Ts(w.first_seen, now);
    Json j = Common("indicator", id, valid_from, now, tlp);
    j["name"] = w.currency + " wallet " + w.address;
    std::string desc = "Payment address demanded in " + std::to_string(w.messages) +
                       " crypto-extortion message" + (w.messages == 1 ? "" : "s");
    if (!w.campaigns.empty()) {
      desc += " of campaign";
      if (w.campaigns.size() > 1) desc += "s";
      for (size_t i = 0; i < w.campaigns.size(); ++i) desc += (i ? ", " : " ") + w.campaigns[i];
    }
    if (!w.first_seen.empty())
      desc += ", seen " + DayOf(w.first_seen) + " to " + DayOf(w.last_seen);
    desc += ". Currency " + w.currency + (w.kind.empty() ? "" : ", address type " + w.kind) + ".";
    j["description"] = desc;
    j["indicator_types"] = Json::array({"malicious-activity"});
    j["pattern"] = "[cryptocurrency-wallet:value = " + PatternString(w.address) + "]";
    j["pattern_type"] = "stix";
    j["pattern_version"] = "2.1";
    j["valid_from"] = valid_from;
    std::string cur = w.currency;
    std::transform(cur.begin(), cur.end(), cur.begin(),
                   [](unsigned char ch) { return std::tolower(ch); });
    j["labels"] = Json::array({"extortion-payment-address", cur});
    objects.push_back(std::move(j));
    for (const std::string& label : w.campaigns) {
      auto it = campaign_id.find(label);
      if (it == campaign_id.end()) continue;
      std::string rel_id = Id("relationship", id + "/indicates/" + it->second);
      Json r = Common("relationship", rel_id, valid_from, now, tlp);
      r["relationship_type"] = "indicates";
      r["source_ref"] = id;
      r["target_ref"] = it->second;
      objects.push_back(std::move(r));
    }
  }

  // A report object that names everything above, so that platforms which
  // import by report (OpenCTI, MISP) keep the set together.
  if (!model.campaigns.empty() || !model.wallets.empty()) {
    std::vector<std::string> refs;
    for (const auto& o : objects) {
      if (o["type"] != "identity" && o["type"] != "marking-definition") refs.push_back(o["id"]);
    }
    std::string names;
    for (const std::string& r : refs) names += r + "\n";
    Json rep = Common("report", Id("report", names), now, now, tlp);
    rep["name"] = model.title + " (" + UtcDate(model.generated_unix) + ")";
    rep["description"] = std::to_string(model.overall.messages) + " crypto-extortion messages in " +
                         std::to_string(model.campaigns.size()) + " campaigns, " +
                         std::to_string(model.wallets.size()) + " wallets.";
    rep["report_types"] = Json::array({"campaign", "indicator"});
    rep["published"] = now;
    rep["object_refs"] = refs;
    objects.push_back(std::move(rep));
  }

  std::string bundle_names;
  for (const auto& o : objects) bundle_names += o["id"].get<std::string>() + "\n";
  Json bundle;
  bundle["type"] = "bundle";
  bundle["id"] = "bundle--" + UuidV5(kExtortraceNamespace, "bundle:" + bundle_names + now);
  bundle["objects"] = std::move(objects);
  return bundle.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace extortrace::report
