// Campaign, LSH and wallet-neighbour lookups of the store (store.h).
#include <fmt/format.h>

#include <algorithm>

#include "store/store.h"

namespace extortrace::store {
namespace {

CampaignRow ToCampaign(const Row& r) {
  CampaignRow c{AsInt(r[0]), AsText(r[1]), AsInt(r[2]), std::nullopt};
  if (!IsNull(r[3])) c.merged_into = AsInt(r[3]);
  return c;
}

}  // namespace

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
  Status st =
      db_->Exec("UPDATE messages SET campaign_id = $1 WHERE campaign_id = $2", {into, from});
  if (!st) return st;
  return db_->Exec("UPDATE campaigns SET merged_into = $1 WHERE id = $2", {into, from});
}

Result<std::vector<CampaignRow>> Store::Campaigns(bool include_merged) {
  auto rows = db_->Query(std::string("SELECT id, label, created_at, merged_into FROM campaigns") +
                         (include_merged ? "" : " WHERE merged_into IS NULL") + " ORDER BY id");
  if (!rows) return Fail(rows.error());
  std::vector<CampaignRow> out;
  for (const Row& r : *rows) out.push_back(ToCampaign(r));
  return out;
}

Result<std::optional<CampaignRow>> Store::CampaignByLabel(const std::string& label) {
  auto rows = db_->Query(
      "SELECT id, label, created_at, merged_into FROM campaigns WHERE label = $1", {label});
  if (!rows) return Fail(rows.error());
  if (rows->empty()) return std::optional<CampaignRow>();
  return std::optional<CampaignRow>(ToCampaign((*rows)[0]));
}

Status Store::AddLshBuckets(int64_t message_id, const std::vector<std::string>& band_buckets) {
  for (size_t b = 0; b < band_buckets.size(); ++b) {
    // A full bucket takes no more members (store.h); the count is at most the cap.
    Status st = db_->Exec(
        "INSERT INTO lsh_buckets (band, bucket, message) SELECT CAST($1 AS BIGINT), "
        "CAST($2 AS TEXT), CAST($3 AS BIGINT) WHERE (SELECT COUNT(*) FROM lsh_buckets WHERE "
        "band = CAST($1 AS BIGINT) AND bucket = CAST($2 AS TEXT)) < CAST($4 AS BIGINT) "
        "ON CONFLICT DO NOTHING",
        {static_cast<int64_t>(b), band_buckets[b], message_id, int64_t{kLshBucketCap}});
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

Result<std::vector<LshCandidate>> Store::LshCandidateSignatures(
    const std::vector<std::string>& band_buckets) {
  std::vector<LshCandidate> out;
  for (size_t b = 0; b < band_buckets.size(); ++b) {
    Status st = db_->QueryEach(
        "SELECT l.message, m.campaign_id, m.signature FROM lsh_buckets l JOIN messages m ON "
        "m.id = l.message WHERE l.band = $1 AND l.bucket = $2",
        {static_cast<int64_t>(b), band_buckets[b]}, [&out](const Row& r) {
          LshCandidate c;
          c.message = AsInt(r[0]);
          if (!IsNull(r[1])) c.campaign_id = AsInt(r[1]);
          c.signature = AsText(r[2]);
          out.push_back(std::move(c));
          return true;
        });
    if (!st) return Fail(st.error());
  }
  std::sort(out.begin(), out.end(),
            [](const LshCandidate& a, const LshCandidate& b) { return a.message < b.message; });
  out.erase(std::unique(out.begin(), out.end(),
                        [](const LshCandidate& a, const LshCandidate& b) {
                          return a.message == b.message;
                        }),
            out.end());
  return out;
}

Result<std::vector<int64_t>> Store::WalletNeighbourCampaigns(int64_t message_id) {
  auto wallets = db_->Query("SELECT wallet FROM message_wallets WHERE message = $1", {message_id});
  if (!wallets) return Fail(wallets.error());
  std::vector<int64_t> out;
  for (const Row& w : *wallets) {
    // One clustered message per wallet answers for all of them (store.h).
    auto rows = db_->Query(
        "SELECT m.campaign_id FROM message_wallets b JOIN messages m ON m.id = b.message "
        "WHERE b.wallet = $1 AND b.message <> $2 AND m.campaign_id IS NOT NULL LIMIT 1",
        {AsInt(w[0]), message_id});
    if (!rows) return Fail(rows.error());
    if (!rows->empty()) out.push_back(AsInt((*rows)[0][0]));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Result<std::optional<int64_t>> Store::CampaignOfMessage(int64_t message_id) {
  auto rows = db_->Query("SELECT campaign_id FROM messages WHERE id = $1", {message_id});
  if (!rows) return Fail(rows.error());
  if (rows->empty() || IsNull((*rows)[0][0])) return std::optional<int64_t>();
  return std::optional<int64_t>(AsInt((*rows)[0][0]));
}

}  // namespace extortrace::store
