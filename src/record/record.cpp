#include "record/record.h"

#include "core/json_writer.h"

namespace extortrace::record {

std::string ToJson(const ScanRecord& r) {
  std::string out;
  out.reserve(1024);
  JsonWriter w(&out);
  auto string_or_null = [&](std::string_view key, std::string_view v) {
    w.Key(key);
    if (v.empty())
      w.Null();
    else
      w.String(v);
  };
  w.BeginObject();
  w.Field("source", r.source);
  if (!r.member.empty()) w.Field("member", r.member);
  w.Field("index", uint64_t{r.index});
  string_or_null("message_id", r.message_id);
  string_or_null("date", r.date);
  w.Field("verdict", ToString(r.verdict));
  string_or_null("category", ToString(r.category));
  w.Field("score", r.score);
  w.Field("language", r.language);
  w.Field("subject", r.subject);
  w.Key("wallets");
  w.BeginArray();
  for (const WalletFinding& f : r.wallets) {
    w.BeginObject();
    w.Field("currency", f.currency);
    w.Field("address", f.address);
    w.Field("kind", f.kind);
    if (f.testnet) w.Field("testnet", true);
    if (!f.checksum_verified) w.Field("checksum_verified", false);
    string_or_null("recovered_from", ToString(f.recovered_from));
    w.EndObject();
  }
  w.EndArray();
  w.Key("demand");
  if (r.demand) {
    w.BeginObject();
    w.Field("amount", r.demand->amount);
    w.Field("currency", r.demand->currency);
    w.Field("text", r.demand->text);
    w.EndObject();
  } else {
    w.Null();
  }
  w.Key("deadline_hours");
  if (r.deadline_hours)
    w.Int(*r.deadline_hours);
  else
    w.Null();
  string_or_null("deadline_at", r.deadline_at);
  w.Key("sender");
  w.BeginObject();
  string_or_null("ip", r.sender.ip);
  string_or_null("country", r.sender.country);
  w.Field("self_sent", r.sender.self_sent);
  string_or_null("auth", r.sender.auth);
  w.EndObject();
  w.Key("obfuscation");
  w.BeginArray();
  for (const std::string& o : r.obfuscation) w.String(o);
  w.EndArray();
  w.Key("reasons");
  w.BeginArray();
  for (const Reason& reason : r.reasons) {
    w.BeginObject();
    w.Field("family", reason.family);
    w.Field("evidence", reason.evidence);
    w.Field("offset", uint64_t{reason.offset});
    w.EndObject();
  }
  w.EndArray();
  string_or_null("campaign", r.campaign);
  w.Key("anomalies");
  w.BeginArray();
  for (const std::string& a : r.anomalies) w.String(a);
  w.EndArray();
  w.Field("sha256", r.content_hash);
  w.Field("size", r.size);
  if (!r.error.empty()) w.Field("error", r.error);
  w.EndObject();
  return out;
}

}  // namespace extortrace::record
