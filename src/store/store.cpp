#include "store/store.h"

#include <algorithm>

#include <fmt/format.h>

#include "store/schema.h"

namespace extortrace::store {
namespace {

// FNV-1a, 64-bit: stable across runs and machines.
uint64_t Fnv(uint64_t h, std::string_view s) {
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  h ^= 0xff;  // field separator
  h *= 1099511628211ull;
  return h;
}

Value TextOrNull(const std::string& s) { return s.empty() ? Value{} : Value{s}; }

StoredMessage ToMessage(const Row& r) {
  StoredMessage m;
  m.id = AsInt(r[0]);
  m.source = AsText(r[1]);
  m.member = AsText(r[2]);
  m.index = AsInt(r[3]);
  m.sha256 = AsText(r[4]);
  m.date_unix = AsInt(r[5]);
  m.category = AsText(r[6]);
  m.language = AsText(r[7]);
  m.subject = AsText(r[8]);
  m.signature = AsText(r[9]);
  if (!IsNull(r[10])) m.campaign_id = AsInt(r[10]);
  m.record_json = AsText(r[11]);
  return m;
}

constexpr const char* kMessageColumns =
    "id, source, member, idx, sha256, date_unix, category, language, subject, signature, "
    "campaign_id, record";

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& url) {
  auto db = OpenDb(url);
  if (!db) return Fail(db.error());
  Status st = Migrate(**db);
  if (!st) return Fail(st.error());
  return std::unique_ptr<Store>(new Store(std::move(*db)));
}

uint64_t Store::Key(std::string_view source, std::string_view member, uint64_t index,
                    std::string_view sha256) {
  uint64_t h = 14695981039346656037ull;
  h = Fnv(h, source);
  h = Fnv(h, member);
  h = Fnv(h, std::to_string(index));
  return Fnv(h, sha256);
}

Result<std::unordered_set<uint64_t>> Store::KnownKeys() {
  auto rows = db_->Query("SELECT source, member, idx, sha256 FROM messages");
  if (!rows) return Fail(rows.error());
  std::unordered_set<uint64_t> keys;
  keys.reserve(rows->size());
  for (const Row& r : *rows) {
    keys.insert(Key(AsText(r[0]), AsText(r[1]), static_cast<uint64_t>(AsInt(r[2])), AsText(r[3])));
  }
  return keys;
}

Status Store::Begin() { return db_->ExecScript("BEGIN"); }
Status Store::Commit() { return db_->ExecScript("COMMIT"); }
Status Store::Rollback() { return db_->ExecScript("ROLLBACK"); }

Result<int64_t> Store::PutScan(const scan::ScanRecord& r, std::string_view signature) {
  std::string json = scan::ToJson(r);
  auto rows = db_->Query(
      "INSERT INTO messages (source, member, idx, sha256, size, message_id, date, date_unix, "
      "verdict, category, score, language, subject, demand_amount, demand_currency, "
      "deadline_hours, sender_ip, sender_country, self_sent, record, signature) "
      "VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) "
      "ON CONFLICT (source, member, idx) DO UPDATE SET sha256=excluded.sha256, "
      "size=excluded.size, message_id=excluded.message_id, date=excluded.date, "
      "date_unix=excluded.date_unix, verdict=excluded.verdict, category=excluded.category, "
      "score=excluded.score, language=excluded.language, subject=excluded.subject, "
      "demand_amount=excluded.demand_amount, demand_currency=excluded.demand_currency, "
      "deadline_hours=excluded.deadline_hours, sender_ip=excluded.sender_ip, "
      "sender_country=excluded.sender_country, self_sent=excluded.self_sent, "
      "record=excluded.record, signature=excluded.signature "
      "RETURNING id",
      {r.source, r.member, static_cast<int64_t>(r.index), r.content_hash,
       static_cast<int64_t>(r.size), TextOrNull(r.message_id), TextOrNull(r.date),
       r.date_unix, r.verdict, TextOrNull(r.category), r.score, r.language, r.subject,
       r.demand ? Value{r.demand->amount} : Value{},
       r.demand ? Value{r.demand->currency} : Value{},
       r.deadline_hours ? Value{int64_t{*r.deadline_hours}} : Value{},
       TextOrNull(r.sender.ip), TextOrNull(r.sender.country), int64_t{r.sender.self_sent},
       json, signature.empty() ? Value{} : Value{std::string(signature)}});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::Internal("insert returned no id"));
  int64_t id = AsInt((*rows)[0][0]);
  for (const scan::WalletFinding& w : r.wallets) {
    auto wid = db_->Query(
        "INSERT INTO wallets (currency, address, kind) VALUES ($1,$2,$3) "
        "ON CONFLICT (address) DO UPDATE SET kind=excluded.kind RETURNING id",
        {w.currency, w.address, w.kind});
    if (!wid) return Fail(wid.error());
    Status st = db_->Exec(
        "INSERT INTO message_wallets (message, wallet, recovered_from) VALUES ($1,$2,$3) "
        "ON CONFLICT (message, wallet) DO UPDATE SET recovered_from=excluded.recovered_from",
        {id, AsInt((*wid)[0][0]), TextOrNull(w.recovered_from)});
    if (!st) return Fail(st.error());
  }
  return id;
}

Result<std::vector<StoredMessage>> Store::ExtortionMessages(bool unassigned_only) {
  std::string sql = fmt::format("SELECT {} FROM messages WHERE verdict = 'extortion'{} ORDER BY id",
                                kMessageColumns, unassigned_only ? " AND campaign_id IS NULL" : "");
  auto rows = db_->Query(sql);
  if (!rows) return Fail(rows.error());
  std::vector<StoredMessage> out;
  for (const Row& r : *rows) out.push_back(ToMessage(r));
  auto links = db_->Query(
      "SELECT mw.message, w.address FROM message_wallets mw JOIN wallets w ON w.id = mw.wallet "
      "JOIN messages m ON m.id = mw.message WHERE m.verdict = 'extortion' ORDER BY mw.message");
  if (!links) return Fail(links.error());
  size_t i = 0;
  for (const Row& l : *links) {
    int64_t mid = AsInt(l[0]);
    while (i < out.size() && out[i].id < mid) ++i;
    if (i < out.size() && out[i].id == mid) out[i].wallets.push_back(AsText(l[1]));
  }
  return out;
}

Result<std::vector<StoredMessage>> Store::MessagesOfCampaign(int64_t campaign_id) {
  auto rows = db_->Query(
      fmt::format("SELECT {} FROM messages WHERE campaign_id = $1 ORDER BY id", kMessageColumns),
      {campaign_id});
  if (!rows) return Fail(rows.error());
  std::vector<StoredMessage> out;
  for (const Row& r : *rows) out.push_back(ToMessage(r));
  return out;
}

Result<int64_t> Store::MessageCount() {
  auto rows = db_->Query("SELECT COUNT(*) FROM messages");
  if (!rows) return Fail(rows.error());
  return AsInt((*rows)[0][0]);
}

Result<CampaignRow> Store::NewCampaign(int64_t now_unix) {
  // The label is derived from the id, so insert a placeholder first.
  auto rows = db_->Query(
      "INSERT INTO campaigns (label, created_at) VALUES ($1, $2) RETURNING id",
      {fmt::format("pending-{}-{}", now_unix, reinterpret_cast<uintptr_t>(this)), now_unix});
  if (!rows) return Fail(rows.error());
  CampaignRow c;
  c.id = AsInt((*rows)[0][0]);
  c.label = fmt::format("c-{:06d}", c.id);
  c.created_at = now_unix;
  Status st = db_->Exec("UPDATE campaigns SET label = $1 WHERE id = $2", {c.label, c.id});
  if (!st) return Fail(st.error());
  return c;
}

Status Store::AssignCampaign(int64_t message_id, int64_t campaign_id) {
  return db_->Exec("UPDATE messages SET campaign_id = $1 WHERE id = $2", {campaign_id, message_id});
}

Status Store::MergeCampaign(int64_t from, int64_t into) {
  Status st = db_->Exec("UPDATE messages SET campaign_id = $1 WHERE campaign_id = $2", {into, from});
  if (!st) return st;
  return db_->Exec("UPDATE campaigns SET merged_into = $1 WHERE id = $2", {into, from});
}

Result<std::vector<CampaignRow>> Store::Campaigns(bool include_merged) {
  auto rows = db_->Query(std::string("SELECT id, label, created_at, merged_into FROM campaigns") +
                         (include_merged ? "" : " WHERE merged_into IS NULL") + " ORDER BY id");
  if (!rows) return Fail(rows.error());
  std::vector<CampaignRow> out;
  for (const Row& r : *rows) {
    CampaignRow c{AsInt(r[0]), AsText(r[1]), AsInt(r[2]), std::nullopt};
    if (!IsNull(r[3])) c.merged_into = AsInt(r[3]);
    out.push_back(std::move(c));
  }
  return out;
}

Result<std::optional<CampaignRow>> Store::CampaignByLabel(const std::string& label) {
  auto rows = db_->Query(
      "SELECT id, label, created_at, merged_into FROM campaigns WHERE label = $1", {label});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<CampaignRow>();
  const Row& r = (*rows)[0];
  CampaignRow c{AsInt(r[0]), AsText(r[1]), AsInt(r[2]), std::nullopt};
  if (!IsNull(r[3])) c.merged_into = AsInt(r[3]);
  return std::optional<CampaignRow>(c);
}

Status Store::AddLshBuckets(int64_t message_id, const std::vector<std::string>& band_buckets) {
  for (size_t b = 0; b < band_buckets.size(); ++b) {
    Status st = db_->Exec(
        "INSERT INTO lsh_buckets (band, bucket, message) VALUES ($1,$2,$3) "
        "ON CONFLICT DO NOTHING",
        {static_cast<int64_t>(b), band_buckets[b], message_id});
    if (!st) return st;
  }
  return {};
}

Result<std::vector<int64_t>> Store::LshCandidates(const std::vector<std::string>& band_buckets) {
  std::vector<int64_t> out;
  for (size_t b = 0; b < band_buckets.size(); ++b) {
    auto rows = db_->Query("SELECT message FROM lsh_buckets WHERE band = $1 AND bucket = $2",
                           {static_cast<int64_t>(b), band_buckets[b]});
    if (!rows) return Fail(rows.error());
    for (const Row& r : *rows) out.push_back(AsInt(r[0]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::vector<int64_t>> Store::WalletNeighbours(int64_t message_id) {
  auto rows = db_->Query(
      "SELECT DISTINCT b.message FROM message_wallets a JOIN message_wallets b "
      "ON a.wallet = b.wallet WHERE a.message = $1 AND b.message <> $1",
      {message_id});
  if (!rows) return Fail(rows.error());
  std::vector<int64_t> out;
  for (const Row& r : *rows) out.push_back(AsInt(r[0]));
  return out;
}

Result<std::optional<int64_t>> Store::CampaignOfMessage(int64_t message_id) {
  auto rows = db_->Query("SELECT campaign_id FROM messages WHERE id = $1", {message_id});
  if (!rows) return Fail(rows.error());
  if (rows->empty() || IsNull((*rows)[0][0])) return std::optional<int64_t>();
  return std::optional<int64_t>(AsInt((*rows)[0][0]));
}

}  // namespace extortrace::store
