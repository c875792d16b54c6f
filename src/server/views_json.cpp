#include "campaign/stats.h"
#include "core/json_writer.h"
#include "core/time.h"
#include "server/views.h"

namespace extortrace::server::views {
namespace {

// /v1/wallets/:address lists at most this many messages (oldest first);
// "messages" always counts them all.
constexpr size_t kMaxWalletItems = 1000;

std::string IsoDate(int64_t unix) {
  if (unix <= 0) return {};
  return Rfc3339Utc(unix);
}

void StringOrNull(JsonWriter& w, std::string_view key, const std::string& v) {
  w.Key(key);
  if (v.empty())
    w.Null();
  else
    w.String(v);
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
  auto row = s.CampaignByLabel(label);
  if (!row) return Fail(row.error());
  if (!*row || (*row)->merged_into) return std::optional<std::string>();
  auto stats = campaign::ComputeStatsOfCampaign(s, **row);
  if (!stats) return Fail(stats.error());
  if (stats->messages == 0) return std::optional<std::string>();
  std::string out;
  JsonWriter w(&out);
  WriteStats(w, *stats, /*members=*/true);
  return std::optional<std::string>(std::move(out));
}

Result<std::optional<std::string>> WalletJson(store::Store& s, const std::string& address) {
  auto summary = s.SummarizeWallet(address);
  if (!summary) return Fail(summary.error());
  if (summary->messages == 0) return std::optional<std::string>();
  auto hits = s.MessagesByWallet(address, kMaxWalletItems);
  if (!hits) return Fail(hits.error());
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("address", address);
  w.Field("messages", summary->messages);
  w.Key("campaigns");
  w.BeginArray();
  for (int64_t c : summary->campaigns) w.String(CampaignLabel(c));
  w.EndArray();
  StringOrNull(w, "first_seen", IsoDate(summary->first_unix));
  StringOrNull(w, "last_seen", IsoDate(summary->last_unix));
  w.Key("items");
  w.BeginArray();
  for (const auto& m : *hits) {
    w.BeginObject();
    w.Field("sha256", m.sha256);
    w.Field("source", m.source);
    StringOrNull(w, "date", IsoDate(m.date_unix));
    w.Field("subject", m.subject);
    w.Field("category", m.category);
    StringOrNull(w, "campaign", m.campaign_id ? CampaignLabel(*m.campaign_id) : "");
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return std::optional<std::string>(std::move(out));
}

}  // namespace extortrace::server::views
