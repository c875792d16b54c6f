#include <algorithm>
#include <ctime>
#include <set>

#include "campaign/stats.h"
#include "core/json_writer.h"
#include "server/views.h"

namespace extortrace::server::views {
namespace {

std::string IsoDate(int64_t unix) {
  if (unix <= 0) return {};
  std::time_t t = static_cast<std::time_t>(unix);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void StringOrNull(JsonWriter& w, std::string_view key, const std::string& v) {
  w.Key(key);
  if (v.empty()) w.Null(); else w.String(v);
}

template <typename Map>
void CountMap(JsonWriter& w, std::string_view key, const Map& m) {
  w.Key(key);
  w.BeginObject();
  for (const auto& [k, v] : m) {
    if constexpr (std::is_same_v<std::decay_t<decltype(k)>, std::string>) {
      w.Field(k, static_cast<int64_t>(v));
    } else {
      w.Field(std::to_string(k), static_cast<int64_t>(v));
    }
  }
  w.EndObject();
}

void WriteStats(JsonWriter& w, const campaign::CampaignStats& c, bool members) {
  w.BeginObject();
  w.Field("label", c.label);
  w.Field("messages", c.messages);
  StringOrNull(w, "first_seen", c.first_seen);
  StringOrNull(w, "last_seen", c.last_seen);
  CountMap(w, "categories", c.categories);
  CountMap(w, "languages", c.languages);
  CountMap(w, "countries", c.countries);
  w.Field("self_sent", c.self_sent);
  CountMap(w, "obfuscation", c.obfuscation);
  w.Key("wallets");
  w.BeginArray();
  for (const auto& x : c.wallets) {
    w.BeginObject();
    w.Field("currency", x.currency);
    w.Field("address", x.address);
    w.Field("kind", x.kind);
    w.Field("messages", x.messages);
    w.EndObject();
  }
  w.EndArray();
  w.Key("demands");
  w.BeginArray();
  for (const auto& d : c.demands) {
    w.BeginObject();
    w.Field("currency", d.currency);
    w.Field("min", d.min);
    w.Field("median", d.median);
    w.Field("max", d.max);
    w.Field("count", d.count);
    w.EndObject();
  }
  w.EndArray();
  CountMap(w, "deadlines_hours", c.deadlines);
  w.Key("top_subjects");
  w.BeginArray();
  for (const auto& [s, n] : c.top_subjects) {
    w.BeginObject();
    w.Field("subject", s);
    w.Field("messages", n);
    w.EndObject();
  }
  w.EndArray();
  CountMap(w, "per_day", c.per_day);
  if (members) {
    w.Key("members");
    w.BeginArray();
    for (const std::string& m : c.members) w.String(m);
    w.EndArray();
  }
  w.EndObject();
}

}  // namespace

Result<std::string> CampaignsJson(store::Store& s) {
  auto stats = campaign::ComputeCampaignStats(s);
  if (!stats) return Fail(stats.error());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("count", static_cast<int64_t>(stats->size()));
  w.Key("campaigns");
  w.BeginArray();
  for (const auto& c : *stats) WriteStats(w, c, /*members=*/false);
  w.EndArray();
  w.EndObject();
  return out;
}

Result<std::optional<std::string>> CampaignJson(store::Store& s, const std::string& label) {
  auto stats = campaign::ComputeCampaignStats(s);
  if (!stats) return Fail(stats.error());
  for (const auto& c : *stats) {
    if (c.label != label) continue;
    std::string out;
    JsonWriter w(&out);
    WriteStats(w, c, /*members=*/true);
    return std::optional<std::string>(std::move(out));
  }
  return std::optional<std::string>();
}

Result<std::optional<std::string>> WalletJson(store::Store& s, const std::string& address) {
  auto msgs = s.ExtortionMessages(/*unassigned_only=*/false);
  if (!msgs) return Fail(msgs.error());
  std::vector<const store::StoredMessage*> hits;
  for (const auto& m : *msgs) {
    if (std::find(m.wallets.begin(), m.wallets.end(), address) != m.wallets.end()) {
      hits.push_back(&m);
    }
  }
  if (hits.empty()) return std::optional<std::string>();
  std::set<std::string> campaigns;
  int64_t first = 0, last = 0;
  for (const auto* m : hits) {
    if (m->campaign_id) campaigns.insert(CampaignLabel(*m->campaign_id));
    if (m->date_unix > 0) {
      first = first == 0 ? m->date_unix : std::min(first, m->date_unix);
      last = std::max(last, m->date_unix);
    }
  }
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("address", address);
  w.Field("messages", static_cast<int64_t>(hits.size()));
  w.Key("campaigns");
  w.BeginArray();
  for (const std::string& c : campaigns) w.String(c);
  w.EndArray();
  StringOrNull(w, "first_seen", IsoDate(first));
  StringOrNull(w, "last_seen", IsoDate(last));
  w.Key("items");
  w.BeginArray();
  for (const auto* m : hits) {
    w.BeginObject();
    w.Field("sha256", m->sha256);
    w.Field("source", m->source);
    StringOrNull(w, "date", IsoDate(m->date_unix));
    w.Field("subject", m->subject);
    w.Field("category", m->category);
    StringOrNull(w, "campaign", m->campaign_id ? CampaignLabel(*m->campaign_id) : "");
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::optional<std::string>(std::move(out));
}

}  // namespace extortrace::server::views
