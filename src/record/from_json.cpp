// FromJson: the one reader of stored scan records (campaign statistics, the
// report model). nlohmann-json without exceptions; every field is optional.
#include <nlohmann/json.hpp>

#include "record/record.h"

namespace extortrace::record {
namespace {

using Json = nlohmann::json;

std::string Str(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

bool Bool(const Json& j, const char* key, bool fallback) {
  auto it = j.find(key);
  return it != j.end() && it->is_boolean() ? it->get<bool>() : fallback;
}

double Number(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number() ? it->get<double>() : 0;
}

uint64_t Unsigned(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_number_unsigned() ? it->get<uint64_t>() : 0;
}

std::vector<std::string> Strings(const Json& j, const char* key) {
  std::vector<std::string> out;
  auto it = j.find(key);
  if (it == j.end() || !it->is_array()) return out;
  for (const Json& s : *it) {
    if (s.is_string()) out.push_back(s.get<std::string>());
  }
  return out;
}

const Json* Object(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_object() ? &*it : nullptr;
}

const Json* Array(const Json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_array() ? &*it : nullptr;
}

}  // namespace

Result<ScanRecord> FromJson(std::string_view json) {
  Json j = Json::parse(json, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    return Fail(Error::Corrupt("scan record is not a JSON object"));
  }
  ScanRecord r;
  r.source = Str(j, "source");
  r.member = Str(j, "member");
  r.index = static_cast<uint32_t>(Unsigned(j, "index"));
  r.message_id = Str(j, "message_id");
  r.date = Str(j, "date");
  r.verdict = VerdictFromString(Str(j, "verdict")).value_or(Verdict::kClean);
  if (std::string c = Str(j, "category"); !c.empty()) {
    r.category = CategoryFromString(c).value_or(Category::kOther);
  }
  r.score = Number(j, "score");
  r.language = Str(j, "language");
  if (r.language.empty()) r.language = "und";
  r.subject = Str(j, "subject");
  if (const Json* ws = Array(j, "wallets")) {
    for (const Json& w : *ws) {
      if (!w.is_object()) continue;
      WalletFinding f;
      f.currency = Str(w, "currency");
      f.address = Str(w, "address");
      f.kind = Str(w, "kind");
      f.testnet = Bool(w, "testnet", false);
      f.checksum_verified = Bool(w, "checksum_verified", true);
      f.recovered_from = RecoveryFromString(Str(w, "recovered_from")).value_or(Recovery::kNone);
      r.wallets.push_back(std::move(f));
    }
  }
  if (const Json* d = Object(j, "demand")) {
    r.demand = Demand{Number(*d, "amount"), Str(*d, "currency"), Str(*d, "text")};
  }
  if (auto d = j.find("deadline_hours"); d != j.end() && d->is_number_integer()) {
    r.deadline_hours = d->get<int>();
  }
  r.deadline_at = Str(j, "deadline_at");
  if (const Json* s = Object(j, "sender")) {
    r.sender.ip = Str(*s, "ip");
    r.sender.country = Str(*s, "country");
    r.sender.self_sent = Bool(*s, "self_sent", false);
    r.sender.auth = Str(*s, "auth");
  }
  r.obfuscation = Strings(j, "obfuscation");
  if (const Json* rs = Array(j, "reasons")) {
    for (const Json& x : *rs) {
      if (!x.is_object()) continue;
      r.reasons.push_back(Reason{Str(x, "family"), Str(x, "evidence"),
                                 static_cast<uint32_t>(Unsigned(x, "offset"))});
    }
  }
  r.campaign = Str(j, "campaign");
  r.anomalies = Strings(j, "anomalies");
  r.content_hash = Str(j, "sha256");
  r.size = Unsigned(j, "size");
  r.error = Str(j, "error");
  return r;
}

}  // namespace extortrace::record
