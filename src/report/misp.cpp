// MISP event writer.
#include "report/misp.h"

#include <map>
#include <nlohmann/json.hpp>

#include "report/ids.h"

namespace extortrace::report {
namespace {

using Json = nlohmann::ordered_json;

std::string Uuid(const std::string& name) { return UuidV5(kExtortraceNamespace, "misp:" + name); }

std::string CampaignTag(const std::string& label) {
  return "extortrace:campaign=\"" + label + "\"";
}

Json Tags(const std::vector<std::string>& names) {
  Json tags = Json::array();
  for (const std::string& n : names) tags.push_back({{"name", n}});
  return tags;
}

// MISP attribute type of a wallet: MISP validates `btc` and `xmr` values by
// format; other currencies have no type of their own.
std::string AttributeType(const WalletRow& w) {
  if (w.currency == "BTC") return "btc";
  if (w.currency == "XMR") return "xmr";
  return "text";
}

std::string ObjectRelation(const WalletRow& w) {
  if (w.currency == "BTC") return "address";
  if (w.currency == "XMR") return "address-xmr";
  return "address-crypto";
}

std::string Timestamp(int64_t unix) { return std::to_string(unix); }

std::string MispDateTime(const std::string& rfc3339) {
  std::optional<int64_t> t = ParseRfc3339(rfc3339);
  return t ? StixTimestamp(*t) : std::string();
}

}  // namespace

std::string RenderMisp(const ReportModel& model, const MispOptions& options) {
  const std::string ts = Timestamp(model.generated_unix);
  Json attributes = Json::array();
  Json objects = Json::array();

  for (const CampaignReport& c : model.campaigns) {
    const campaign::CampaignStats& s = c.stats;
    Json a;
    a["uuid"] = Uuid("campaign:" + c.id_seed);
    a["type"] = "campaign-name";
    a["category"] = "Attribution";
    a["value"] = s.label;
    a["to_ids"] = false;
    a["distribution"] = "5";  // inherit the event's
    a["timestamp"] = ts;
    std::string comment = std::to_string(s.messages) + " messages";
    if (!c.category.empty()) comment += ", " + c.category;
    if (!s.first_seen.empty()) comment += ", " + DayOf(s.first_seen) + " to " + DayOf(s.last_seen);
    comment += "; languages " + CountsSummary(s.languages, 5);
    std::string demand = MedianDemand(s);
    if (!demand.empty()) comment += "; median demand " + demand;
    a["comment"] = comment;
    if (!s.first_seen.empty()) a["first_seen"] = MispDateTime(s.first_seen);
    if (!s.last_seen.empty()) a["last_seen"] = MispDateTime(s.last_seen);
    a["Tag"] = Tags({CampaignTag(s.label)});
    attributes.push_back(std::move(a));
  }

  for (const WalletRow& w : model.wallets) {
    std::vector<std::string> tags;
    std::string campaigns;
    for (const std::string& label : w.campaigns) {
      tags.push_back(CampaignTag(label));
      campaigns += (campaigns.empty() ? "" : ", ") + label;
    }
    std::string comment = w.currency + " wallet demanded in " + std::to_string(w.messages) +
                          " extortion message" + (w.messages == 1 ? "" : "s");
    if (!campaigns.empty()) comment += " (campaign " + campaigns + ")";

    Json a;
    a["uuid"] = Uuid("wallet:" + w.address);
    a["type"] = AttributeType(w);
    a["category"] = "Financial fraud";
    a["value"] = w.address;
    a["to_ids"] = true;
    a["distribution"] = "5";
    a["timestamp"] = ts;
    a["comment"] = comment;
    if (!w.first_seen.empty()) a["first_seen"] = MispDateTime(w.first_seen);
    if (!w.last_seen.empty()) a["last_seen"] = MispDateTime(w.last_seen);
    a["Tag"] = Tags(tags);
    attributes.push_back(std::move(a));

    // The same wallet as a coin-address object, which carries the symbol
    // (MISP has no attribute type for ETH, LTC or BCH addresses).
    Json o;
    o["uuid"] = Uuid("coin-address:" + w.address);
    o["name"] = "coin-address";
    o["meta-category"] = "financial";
    o["description"] = "An address used in a cryptocurrency";
    o["template_uuid"] = "d0e6997e-78da-4815-a6a1-cfc1c1cb8a46";
    o["distribution"] = "5";
    o["timestamp"] = ts;
    o["comment"] = comment;
    Json oa = Json::array();
    auto add = [&](const std::string& relation, const std::string& type, const std::string& value,
                   bool to_ids) {
      oa.push_back({{"uuid", Uuid("coin-address:" + w.address + ":" + relation)},
                    {"object_relation", relation},
                    {"type", type},
                    {"category", "Financial fraud"},
                    {"value", value},
                    {"to_ids", to_ids},
                    {"distribution", "5"},
                    {"timestamp", ts}});
    };
    add(ObjectRelation(w), AttributeType(w), w.address, true);
    add("symbol", "text", w.currency, false);
    if (!w.first_seen.empty()) add("first-seen", "datetime", MispDateTime(w.first_seen), false);
    if (!w.last_seen.empty()) add("last-seen", "datetime", MispDateTime(w.last_seen), false);
    o["Attribute"] = std::move(oa);
    objects.push_back(std::move(o));
  }

  std::string names;
  for (const CampaignReport& c : model.campaigns) names += c.id_seed + "\n";
  Json event;
  event["uuid"] = Uuid("event:" + names);
  event["info"] = model.title + ": " + std::to_string(model.overall.messages) + " messages, " +
                  std::to_string(model.campaigns.size()) + " campaigns, " +
                  std::to_string(model.wallets.size()) + " wallets (extortrace)";
  event["date"] = UtcDate(model.generated_unix);
  event["threat_level_id"] = std::to_string(options.threat_level_id);
  event["analysis"] = std::to_string(options.analysis);
  event["distribution"] = std::to_string(options.distribution);
  event["published"] = false;
  event["timestamp"] = ts;
  std::vector<std::string> tags = {"tlp:" + model.tlp, "extortrace:report=\"crypto-extortion\""};
  for (const CampaignReport& c : model.campaigns) tags.push_back(CampaignTag(c.stats.label));
  event["Tag"] = Tags(tags);
  event["Attribute"] = std::move(attributes);
  event["Object"] = std::move(objects);
  Json root;
  root["Event"] = std::move(event);
  return root.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace extortrace::report
