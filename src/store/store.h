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
// Content changes: storing a different message (another SHA-256) under the
// same source id replaces the row, unlinks the old wallets and LSH buckets
// and takes the message out of its campaign, so the next clustering run
// places it afresh. Storing the same message again keeps its campaign.
//
// Memory: the lookups that can touch every message (KnownKeys, the ForEach
// walks) stream or page through the rows, so a store of millions of messages
// is walked in bounded memory; the vector-returning lookups hold what they
// return.
//
// Not thread-safe: one Store per thread; several processes may share one
// database (SQLite WAL with a busy timeout; PostgreSQL natively).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "core/result.h"
#include "record/record.h"
#include "store/db.h"

namespace extortrace::store {

// A stored extortion message, as the campaign clusterer and reports need it.
struct StoredMessage {
  int64_t id = 0;
  std::string source, member;
  int64_t index = 0;
  std::string sha256;
  int64_t date_unix = 0;
  std::string verdict, category, language, subject;
  std::string signature;  // template signature (MinHash, hex), empty if none
  std::optional<int64_t> campaign_id;
  std::vector<std::string> wallets;  // addresses, in the order the store first saw them
  std::string record_json;
};

// What the store knows of one wallet address over its extortion messages.
struct WalletSummary {
  int64_t messages = 0;                   // extortion messages naming it
  int64_t first_unix = 0, last_unix = 0;  // over dated messages; 0 if none is dated
  std::vector<int64_t> campaigns;         // campaign ids, ascending
};

// A message found through the LSH index, with what clustering needs of it.
struct LshCandidate {
  int64_t message = 0;
  std::optional<int64_t> campaign_id;
  std::string signature;  // hex, as stored
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
  Result<int64_t> PutScan(const record::ScanRecord& r, std::string_view signature = {});

  // Extortion messages (all, or only those not yet in a campaign), by id,
  // with their wallets. Holds them all: prefer ForEachExtortionMessage.
  Result<std::vector<StoredMessage>> ExtortionMessages(bool unassigned_only);
  // Up to `limit` of them with id > after_id, by id (one page of a walk).
  Result<std::vector<StoredMessage>> ExtortionMessagesAfter(int64_t after_id, size_t limit,
                                                            bool unassigned_only);
  // Calls `f` for each, by id, reading pages of a few hundred; `f` may use
  // the store (the page is read before it is handed out) and stops the walk
  // by returning an error, which is returned.
  Status ForEachExtortionMessage(bool unassigned_only,
                                 const std::function<Status(const StoredMessage&)>& f);
  // Messages of one campaign (without wallets), by id; the ForEach form pages.
  Result<std::vector<StoredMessage>> MessagesOfCampaign(int64_t campaign_id);
  Status ForEachMessageOfCampaign(int64_t campaign_id,
                                  const std::function<Status(const StoredMessage&)>& f);
  Result<int64_t> MessageCount();

  // Wallet lookups, through the address index (never a walk over messages).
  // Extortion messages naming `address` (with their wallets), by id, at most
  // `limit`; and the totals over all of them.
  Result<std::vector<StoredMessage>> MessagesByWallet(const std::string& address, size_t limit);
  Result<WalletSummary> SummarizeWallet(const std::string& address);
  // How many extortion messages name `address`, not counting those whose
  // content hash is `except_sha256` (the message being explained).
  Result<int64_t> CountMessagesByWallet(const std::string& address,
                                        const std::string& except_sha256 = {});
  // How many extortion messages the campaign holds (through its index).
  Result<int64_t> CampaignSize(int64_t campaign_id);

  // Campaigns.
  Result<CampaignRow> NewCampaign(int64_t now_unix);
  Status AssignCampaign(int64_t message_id, int64_t campaign_id);
  // Moves every message of `from` into `into` and marks `from` merged.
  Status MergeCampaign(int64_t from, int64_t into);
  Result<std::vector<CampaignRow>> Campaigns(bool include_merged = false);
  Result<std::optional<CampaignRow>> CampaignByLabel(const std::string& label);

  // LSH index of template signatures: messages sharing a bucket in any band.
  // A bucket keeps its first kLshBucketCap members and takes no more: a
  // template sent a million times would otherwise make every lookup (and the
  // table) grow with its copies; the first members are witness enough, since
  // later copies join their campaign through them.
  static constexpr int kLshBucketCap = 32;
  Status AddLshBuckets(int64_t message_id, const std::vector<std::string>& band_buckets);
  Result<std::vector<int64_t>> LshCandidates(const std::vector<std::string>& band_buckets);
  // The same candidates with their campaign and signature, in one query per
  // band (what clustering verifies), by message id.
  Result<std::vector<LshCandidate>> LshCandidateSignatures(
      const std::vector<std::string>& band_buckets);
  // Messages that share a wallet with the given message.
  Result<std::vector<int64_t>> WalletNeighbours(int64_t message_id);
  // The campaigns of those messages, ascending (unassigned ones left out).
  // Reads one clustered message per wallet: clustering keeps every clustered
  // message naming a wallet in one campaign (it merges the campaigns a new
  // message's wallets lead to), so one answers for all, and the cost does not
  // grow with how many messages name the wallet.
  Result<std::vector<int64_t>> WalletNeighbourCampaigns(int64_t message_id);
  Result<std::optional<int64_t>> CampaignOfMessage(int64_t message_id);

 private:
  explicit Store(std::unique_ptr<Db> db) : db_(std::move(db)) {}
  // Rows of `where` (a condition on messages m, may use $1.. of params) with
  // m.id > after_id, by id, at most limit; wallets filled if asked.
  Result<std::vector<StoredMessage>> Page(const std::string& where, std::vector<Value> params,
                                          int64_t after_id, size_t limit, bool with_wallets);
  Status Walk(const std::string& where, const std::vector<Value>& params, bool with_wallets,
              const std::function<Status(const StoredMessage&)>& f);
  Status LinkWallets(int64_t message_id, const record::ScanRecord& r);
  std::unique_ptr<Db> db_;
};

}  // namespace extortrace::store
