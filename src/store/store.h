// The store: scan records, wallets and campaigns, in SQLite (default, one
// file) or PostgreSQL (shared by many machines), with the same schema.
//
// Scans are idempotent and resumable: a message is keyed by its source id
// (path, archive member, index) and the SHA-256 of its bytes. Storing the same
// message again replaces its row and never duplicates it; records are written
// in transactions (Begin/Commit), so a scan killed at any moment leaves the
// store as it was after the last commit, and re-running the scan fills in the
// rest (KnownKeys lets the scanner skip what is already stored).
//
// Not thread-safe: one Store per thread; several processes may share one
// database (SQLite WAL with a busy timeout; PostgreSQL natively).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "scan/record.h"
#include "store/db.h"

namespace extortrace::store {

// A stored extortion message, as the campaign clusterer and reports need it.
struct StoredMessage {
  int64_t id = 0;
  std::string source, member;
  int64_t index = 0;
  std::string sha256;
  int64_t date_unix = 0;
  std::string category, language, subject;
  std::string signature;  // template signature (MinHash, hex), empty if none
  std::optional<int64_t> campaign_id;
  std::vector<std::string> wallets;  // addresses
  std::string record_json;
};

struct CampaignRow {
  int64_t id = 0;
  std::string label;  // "c-000042"
  int64_t created_at = 0;
  std::optional<int64_t> merged_into;
};

class Store {
 public:
  // "path.db", "sqlite:path.db" or "postgresql://user@host/db". Migrates.
  static Result<std::unique_ptr<Store>> Open(const std::string& url);

  Backend backend() const { return db_->backend(); }
  Db& db() { return *db_; }

  // Stable 64-bit key of a message's identity and content.
  static uint64_t Key(std::string_view source, std::string_view member, uint64_t index,
                      std::string_view sha256);
  // Keys of every stored message (for resuming a scan).
  Result<std::unordered_set<uint64_t>> KnownKeys();

  Status Begin();
  Status Commit();
  Status Rollback();

  // Inserts or replaces the message and links its wallets. Returns its id.
  Result<int64_t> PutScan(const scan::ScanRecord& r, std::string_view signature = {});

  // Extortion messages (all, or only those not yet in a campaign), by id.
  Result<std::vector<StoredMessage>> ExtortionMessages(bool unassigned_only);
  Result<std::vector<StoredMessage>> MessagesOfCampaign(int64_t campaign_id);
  Result<int64_t> MessageCount();

  // Campaigns.
  Result<CampaignRow> NewCampaign(int64_t now_unix);
  Status AssignCampaign(int64_t message_id, int64_t campaign_id);
  // Moves every message of `from` into `into` and marks `from` merged.
  Status MergeCampaign(int64_t from, int64_t into);
  Result<std::vector<CampaignRow>> Campaigns(bool include_merged = false);
  Result<std::optional<CampaignRow>> CampaignByLabel(const std::string& label);

  // LSH index of template signatures: messages sharing a bucket in any band.
  Status AddLshBuckets(int64_t message_id, const std::vector<std::string>& band_buckets);
  Result<std::vector<int64_t>> LshCandidates(const std::vector<std::string>& band_buckets);
  // Messages that share a wallet with the given message.
  Result<std::vector<int64_t>> WalletNeighbours(int64_t message_id);
  Result<std::optional<int64_t>> CampaignOfMessage(int64_t message_id);

 private:
  explicit Store(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  std::unique_ptr<Db> db_;
};

}  // namespace extortrace::store
