#include "store/store.h"

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

// Keys are taken over the text as stored (db.h), so that a key computed from
// a raw source name matches the one computed from its stored row.
uint64_t FnvText(uint64_t h, std::string_view s) {
  return IsStorableText(s) ? Fnv(h, s) : Fnv(h, StorableText(s));
}

Value TextOrNull(std::string_view s) { return s.empty() ? Value{} : Value{std::string(s)}; }

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
  m.verdict = AsText(r[12]);
  return m;
}

constexpr const char* kMessageColumns =
    "m.id, m.source, m.member, m.idx, m.sha256, m.date_unix, m.category, m.language, m.subject, "
    "m.signature, m.campaign_id, m.record, m.verdict";
constexpr const char* kByWallet =
    "FROM wallets w JOIN message_wallets mw ON mw.wallet = w.id JOIN messages m ON m.id = "
    "mw.message WHERE w.address = $1 AND m.verdict = 'extortion'";
constexpr size_t kPageSize = 500;

const char* ExtortionWhere(bool unassigned_only) {
  return unassigned_only ? "m.verdict = 'extortion' AND m.campaign_id IS NULL"
                         : "m.verdict = 'extortion'";
}

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
  h = FnvText(h, source);
  h = FnvText(h, member);
  h = Fnv(h, std::to_string(index));
  return FnvText(h, sha256);
}

Result<std::unordered_set<uint64_t>> Store::KnownKeys() {
  std::unordered_set<uint64_t> keys;
  auto count = MessageCount();
  if (!count) return Fail(count.error());
  keys.reserve(static_cast<size_t>(*count));
  Status st =
      db_->QueryEach("SELECT source, member, idx, sha256 FROM messages", {}, [&keys](const Row& r) {
        keys.insert(
            Key(AsText(r[0]), AsText(r[1]), static_cast<uint64_t>(AsInt(r[2])), AsText(r[3])));
        return true;
      });
  if (!st) return Fail(st.error());
  return keys;
}

Status Store::Begin() { return db_->ExecScript("BEGIN"); }
Status Store::Commit() { return db_->ExecScript("COMMIT"); }
Status Store::Rollback() { return db_->ExecScript("ROLLBACK"); }

Result<int64_t> Store::PutScan(const record::ScanRecord& r, std::string_view signature) {
  auto prev = db_->Query(
      "SELECT id, sha256 FROM messages WHERE source = $1 AND member = $2 AND "
      "idx = $3",
      {r.source, r.member, static_cast<int64_t>(r.index)});
  if (!prev) return Fail(prev.error());
  bool changed = !prev->empty() && AsText((*prev)[0][1]) != StorableText(r.content_hash);
  std::string json = record::ToJson(r);
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
      "record=excluded.record, signature=excluded.signature, "
      "campaign_id=CASE WHEN messages.sha256 = excluded.sha256 THEN messages.campaign_id END "
      "RETURNING id",
      {r.source,
       r.member,
       static_cast<int64_t>(r.index),
       r.content_hash,
       static_cast<int64_t>(r.size),
       TextOrNull(r.message_id),
       TextOrNull(r.date),
       r.date_unix,
       std::string(record::ToString(r.verdict)),
       TextOrNull(record::ToString(r.category)),
       r.score,
       r.language,
       r.subject,
       r.demand ? Value{r.demand->amount} : Value{},
       r.demand ? Value{r.demand->currency} : Value{},
       r.deadline_hours ? Value{int64_t{*r.deadline_hours}} : Value{},
       TextOrNull(r.sender.ip),
       TextOrNull(r.sender.country),
       int64_t{r.sender.self_sent},
       json,
       signature.empty() ? Value{} : Value{std::string(signature)}});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return Fail(Error::Internal("insert returned no id"));
  int64_t id = AsInt((*rows)[0][0]);
  if (changed) {
    // Another message under this source id: what was found in the old one goes.
    Status st = db_->Exec("DELETE FROM message_wallets WHERE message = $1", {id});
    if (st) st = db_->Exec("DELETE FROM lsh_buckets WHERE message = $1", {id});
    if (!st) return Fail(st.error());
  }
  if (Status st = LinkWallets(id, r); !st) return Fail(st.error());
  return id;
}

Status Store::LinkWallets(int64_t message_id, const record::ScanRecord& r) {
  for (const record::WalletFinding& w : r.wallets) {
    auto wid = db_->Query(
        "INSERT INTO wallets (currency, address, kind) VALUES ($1,$2,$3) "
        "ON CONFLICT (address) DO UPDATE SET kind=excluded.kind RETURNING id",
        {w.currency, w.address, w.kind});
    if (!wid) return Fail(wid.error());
    Status st = db_->Exec(
        "INSERT INTO message_wallets (message, wallet, recovered_from) VALUES ($1,$2,$3) "
        "ON CONFLICT (message, wallet) DO UPDATE SET recovered_from=excluded.recovered_from",
        {message_id, AsInt((*wid)[0][0]), TextOrNull(record::ToString(w.recovered_from))});
    if (!st) return st;
  }
  return {};
}

Result<std::vector<StoredMessage>> Store::Page(const std::string& where, std::vector<Value> params,
                                               int64_t after_id, size_t limit, bool with_wallets) {
  size_t n = params.size();
  params.emplace_back(after_id);
  params.emplace_back(static_cast<int64_t>(limit));
  std::vector<StoredMessage> out;
  Status st = db_->QueryEach(
      fmt::format("SELECT {} FROM messages m WHERE {} AND m.id > ${} ORDER BY m.id LIMIT ${}",
                  kMessageColumns, where, n + 1, n + 2),
      params, [&out](const Row& r) {
        out.push_back(ToMessage(r));
        return true;
      });
  if (!st) return Fail(st.error());
  if (!with_wallets || out.empty()) return out;
  // One range query for the page; links of other messages in the range are skipped.
  size_t i = 0;
  st = db_->QueryEach(
      "SELECT mw.message, w.address FROM message_wallets mw JOIN wallets w ON w.id = mw.wallet "
      "WHERE mw.message BETWEEN $1 AND $2 ORDER BY mw.message, mw.wallet",
      {out.front().id, out.back().id}, [&](const Row& l) {
        int64_t mid = AsInt(l[0]);
        while (i < out.size() && out[i].id < mid) ++i;
        if (i < out.size() && out[i].id == mid) out[i].wallets.push_back(AsText(l[1]));
        return true;
      });
  if (!st) return Fail(st.error());
  return out;
}

Status Store::Walk(const std::string& where, const std::vector<Value>& params, bool with_wallets,
                   const std::function<Status(const StoredMessage&)>& f) {
  for (int64_t after = 0;;) {
    auto page = Page(where, params, after, kPageSize, with_wallets);
    if (!page) return Fail(page.error());
    for (const StoredMessage& m : *page) {
      if (Status st = f(m); !st) return st;
    }
    if (page->size() < kPageSize) return {};
    after = page->back().id;
  }
}

Result<std::vector<StoredMessage>> Store::ExtortionMessages(bool unassigned_only) {
  std::vector<StoredMessage> out;
  Status st = ForEachExtortionMessage(unassigned_only, [&out](const StoredMessage& m) -> Status {
    out.push_back(m);
    return {};
  });
  if (!st) return Fail(st.error());
  return out;
}

Result<std::vector<StoredMessage>> Store::ExtortionMessagesAfter(int64_t after_id, size_t limit,
                                                                 bool unassigned_only) {
  return Page(ExtortionWhere(unassigned_only), {}, after_id, limit, /*with_wallets=*/true);
}

Status Store::ForEachExtortionMessage(bool unassigned_only,
                                      const std::function<Status(const StoredMessage&)>& f) {
  return Walk(ExtortionWhere(unassigned_only), {}, /*with_wallets=*/true, f);
}

Result<std::vector<StoredMessage>> Store::MessagesOfCampaign(int64_t campaign_id) {
  std::vector<StoredMessage> out;
  Status st = ForEachMessageOfCampaign(campaign_id, [&out](const StoredMessage& m) -> Status {
    out.push_back(m);
    return {};
  });
  if (!st) return Fail(st.error());
  return out;
}

Status Store::ForEachMessageOfCampaign(int64_t campaign_id,
                                       const std::function<Status(const StoredMessage&)>& f) {
  return Walk("m.campaign_id = $1", {campaign_id}, /*with_wallets=*/false, f);
}

Result<int64_t> Store::MessageCount() {
  auto rows = db_->Query("SELECT COUNT(*) FROM messages");
  if (!rows) return Fail(rows.error());
  return AsInt((*rows)[0][0]);
}

Result<std::vector<StoredMessage>> Store::MessagesByWallet(const std::string& address,
                                                           size_t limit) {
  std::vector<StoredMessage> out;
  Status st =
      db_->QueryEach(fmt::format("SELECT {} {} ORDER BY m.id LIMIT $2", kMessageColumns, kByWallet),
                     {address, static_cast<int64_t>(limit)}, [&out](const Row& r) {
                       out.push_back(ToMessage(r));
                       return true;
                     });
  if (!st) return Fail(st.error());
  for (StoredMessage& m : out) {
    st = db_->QueryEach(
        "SELECT w.address FROM message_wallets mw JOIN wallets w ON w.id = mw.wallet "
        "WHERE mw.message = $1 ORDER BY mw.wallet",
        {m.id}, [&m](const Row& r) {
          m.wallets.push_back(AsText(r[0]));
          return true;
        });
    if (!st) return Fail(st.error());
  }
  return out;
}

Result<WalletSummary> Store::SummarizeWallet(const std::string& address) {
  WalletSummary w;
  auto totals = db_->Query(
      fmt::format("SELECT COUNT(*), MIN(CASE WHEN m.date_unix > 0 THEN m.date_unix END), "
                  "MAX(CASE WHEN m.date_unix > 0 THEN m.date_unix END) {}",
                  kByWallet),
      {address});
  if (!totals) return Fail(totals.error());
  w.messages = AsInt((*totals)[0][0]);
  w.first_unix = AsInt((*totals)[0][1]);
  w.last_unix = AsInt((*totals)[0][2]);
  auto camps = db_->Query(
      fmt::format("SELECT DISTINCT m.campaign_id {} AND m.campaign_id IS NOT NULL ORDER BY 1",
                  kByWallet),
      {address});
  if (!camps) return Fail(camps.error());
  for (const Row& r : *camps) w.campaigns.push_back(AsInt(r[0]));
  return w;
}

Result<int64_t> Store::CountMessagesByWallet(const std::string& address,
                                             const std::string& except_sha256) {
  auto rows = db_->Query(fmt::format("SELECT COUNT(*) {} AND m.sha256 <> $2", kByWallet),
                         {address, except_sha256});
  if (!rows) return Fail(rows.error());
  return AsInt((*rows)[0][0]);
}

Result<int64_t> Store::CampaignSize(int64_t campaign_id) {
  auto rows =
      db_->Query("SELECT COUNT(*) FROM messages WHERE campaign_id = $1 AND verdict = 'extortion'",
                 {campaign_id});
  if (!rows) return Fail(rows.error());
  return AsInt((*rows)[0][0]);
}

}  // namespace extortrace::store
