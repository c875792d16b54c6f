#include "store/schema.h"

#include <fmt/format.h>

#include <string>

namespace extortrace::store {
namespace {

// Migration 1: messages, wallets, campaigns and the LSH index of templates.
constexpr const char* kMigration1 = R"sql(
CREATE TABLE messages (
  id %ID%,
  source TEXT NOT NULL,
  member TEXT NOT NULL,
  idx BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  size BIGINT NOT NULL,
  message_id TEXT,
  date TEXT,
  date_unix BIGINT,
  verdict TEXT NOT NULL,
  category TEXT,
  score DOUBLE PRECISION,
  language TEXT,
  subject TEXT,
  demand_amount DOUBLE PRECISION,
  demand_currency TEXT,
  deadline_hours BIGINT,
  sender_ip TEXT,
  sender_country TEXT,
  self_sent BIGINT NOT NULL DEFAULT 0,
  record TEXT NOT NULL,
  signature TEXT,
  campaign_id BIGINT,
  UNIQUE (source, member, idx)
);
CREATE INDEX messages_verdict ON messages (verdict, campaign_id);
CREATE INDEX messages_sha256 ON messages (sha256);
CREATE TABLE wallets (
  id %ID%,
  currency TEXT NOT NULL,
  address TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);
CREATE TABLE message_wallets (
  message BIGINT NOT NULL,
  wallet BIGINT NOT NULL,
  recovered_from TEXT,
  PRIMARY KEY (message, wallet)
);
CREATE INDEX message_wallets_wallet ON message_wallets (wallet);
CREATE TABLE campaigns (
  id %ID%,
  label TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  merged_into BIGINT
);
CREATE TABLE lsh_buckets (
  band BIGINT NOT NULL,
  bucket TEXT NOT NULL,
  message BIGINT NOT NULL,
  PRIMARY KEY (band, bucket, message)
);
)sql";

// Migration 2: what `extortrace trace` finds on the chain for the stored
// wallets (written by link/, read by the report): payments received, the
// wallet's address cluster, downstream flows (one row per tainted output)
// and the labels those flows reached. Rows of a wallet are replaced on
// every re-trace.
constexpr const char* kMigration2 = R"sql(
CREATE TABLE trace_runs (
  id %ID%,
  chain TEXT NOT NULL,
  started_at BIGINT NOT NULL,
  finished_at BIGINT,
  wallets BIGINT NOT NULL DEFAULT 0,
  options TEXT
);
CREATE TABLE trace_wallets (
  address TEXT NOT NULL PRIMARY KEY,
  run BIGINT NOT NULL,
  received_sat BIGINT NOT NULL,
  sent_sat BIGINT NOT NULL,
  tx_count BIGINT NOT NULL,
  cluster_size BIGINT NOT NULL DEFAULT 1,
  cluster_truncated BIGINT NOT NULL DEFAULT 0,
  error TEXT
);
CREATE TABLE trace_payments (
  wallet TEXT NOT NULL,
  txid TEXT NOT NULL,
  vout BIGINT NOT NULL,
  height BIGINT,
  block_time BIGINT,
  value_sat BIGINT NOT NULL,
  usd DOUBLE PRECISION,
  matches_demand BIGINT NOT NULL DEFAULT 0,
  dropped_by TEXT,
  PRIMARY KEY (wallet, txid, vout)
);
CREATE TABLE trace_clusters (
  wallet TEXT NOT NULL,
  member TEXT NOT NULL,
  rule TEXT,
  txid TEXT,
  PRIMARY KEY (wallet, member)
);
CREATE TABLE trace_flows (
  wallet TEXT NOT NULL,
  hop BIGINT NOT NULL,
  txid TEXT NOT NULL,
  vout BIGINT NOT NULL,
  height BIGINT,
  block_time BIGINT,
  from_address TEXT,
  address TEXT,
  value_sat BIGINT NOT NULL,
  tainted_sat DOUBLE PRECISION NOT NULL,
  label TEXT,
  category TEXT,
  stopped BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (wallet, txid, vout)
);
CREATE INDEX trace_flows_address ON trace_flows (address);
CREATE TABLE trace_labels (
  address TEXT NOT NULL,
  label TEXT NOT NULL,
  category TEXT NOT NULL,
  pack TEXT NOT NULL,
  PRIMARY KEY (address, label, pack)
);
)sql";

// Migration 3: lookups by campaign (server, stats) and by message for the
// LSH index (a replaced message drops its buckets) without a table scan.
constexpr const char* kMigration3 = R"sql(
CREATE INDEX messages_campaign ON messages (campaign_id);
CREATE INDEX lsh_buckets_message ON lsh_buckets (message);
)sql";

constexpr const char* kMigrations[] = {kMigration1, kMigration2, kMigration3};

std::string ForBackend(const char* sql, Backend b) {
  std::string s(sql);
  const std::string id = b == Backend::kSqlite ? "INTEGER PRIMARY KEY" : "BIGSERIAL PRIMARY KEY";
  for (size_t p; (p = s.find("%ID%")) != std::string::npos;) s.replace(p, 4, id);
  return s;
}

}  // namespace

Status Migrate(Db& db) {
  Status st = db.ExecScript("CREATE TABLE IF NOT EXISTS schema_version (version BIGINT NOT NULL)");
  if (!st) return st;
  auto rows = db.Query("SELECT MAX(version) FROM schema_version");
  if (!rows) return Fail(rows.error());
  int64_t current = rows->empty() ? 0 : AsInt((*rows)[0][0]);
  if (current > kSchemaVersion) {
    return Fail(Error::Unsupported(fmt::format(
        "store has schema version {}, this extortrace knows up to {}: upgrade extortrace", current,
        kSchemaVersion)));
  }
  for (int64_t v = current + 1; v <= kSchemaVersion; ++v) {
    if (!(st = db.ExecScript("BEGIN"))) return st;
    st = db.ExecScript(ForBackend(kMigrations[v - 1], db.backend()));
    if (st) st = db.Exec("INSERT INTO schema_version (version) VALUES ($1)", {v});
    if (!st) {
      (void)db.ExecScript("ROLLBACK");
      return Fail(Error(st.error().code(),
                        fmt::format("migration to schema {} failed: {}", v, st.error().context())));
    }
    if (!(st = db.ExecScript("COMMIT"))) return st;
  }
  return {};
}

}  // namespace extortrace::store
