#include "store/schema.h"

#include <string>

#include <fmt/format.h>

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

constexpr const char* kMigrations[] = {kMigration1};

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
        "store has schema version {}, this extortrace knows up to {}: upgrade extortrace",
        current, kSchemaVersion)));
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
