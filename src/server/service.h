// ScanService: what the HTTP API and the milter share. It scans a message
// with scan::Engine on a fixed thread pool (with a time limit), stores it and
// clusters it into a campaign when a store is configured, and remembers the
// most recent verdicts in memory for the dashboard and for /v1/explain.
//
// Store: one store::Store per concurrent caller, taken from a pool (stores
// are not thread-safe). Clustering runs one at a time per process (a mutex)
// and, on PostgreSQL, one at a time across every server sharing the database
// (a session advisory lock), so two servers never give one message two
// campaigns.
//
// Thread-safety: every public method may be called from many threads.
// Lifetime: must outlive every call. Its destructor waits for scans abandoned
// on timeout (they keep running in the background and drop their result).
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mail/source.h"
#include "scan/engine.h"
#include "server/scan_pool.h"
#include "store/store.h"

namespace extortrace::server {

struct ServiceOptions {
  std::string db_url;  // empty: no store (no campaigns, no wallet history)
  scan::EngineOptions engine;
  size_t recent_capacity = 500;
  // Scans run on a fixed pool of this many threads (0: one per hardware
  // thread), plus max_abandoned_scans spare ones; see scan_pool.h.
  int scan_workers = 0;
  // A scan that takes longer fails with ErrorCode::kTimeout; zero waits
  // without a limit.
  std::chrono::milliseconds scan_timeout{0};
  // Scans still running after their timeout; at this many, new scans are
  // refused at once (ErrorCode::kUnavailable, "busy") rather than queueing
  // behind them.
  int max_abandoned_scans = 4;
  size_t max_recent_text = 32 << 10;  // visible text kept per recent entry
};

// One recent verdict, kept in memory.
struct RecentEntry {
  int64_t received_unix = 0;
  record::ScanRecord record;
  std::string visible;  // first max_recent_text bytes of the visible text
  std::string from;     // From address
};

struct ScanResult {
  record::ScanRecord record;
  std::string visible;
  std::string from;
  double wait_ms = 0;  // queued for a scan thread
  double scan_ms = 0;  // in the engine
};

class ScanService {
 public:
  // Opens (and migrates) the store once to fail early on a bad URL.
  static Result<std::unique_ptr<ScanService>> Create(ServiceOptions options);

  // Scans, stores and clusters; the record comes back with `campaign` set
  // when the message joined one. A message with an empty `raw.source` is
  // named `unnamed_prefix` + the first 16 hex digits of its SHA-256 (the
  // content hash the scan computes anyway): the store keys messages by
  // source, so every distinct message gets its own row and re-sending one
  // replaces it. Errors: kTooLarge never (callers bound sizes), kTimeout
  // past scan_timeout, kUnavailable when too many scans are past theirs,
  // kInternal for an engine failure, store errors.
  Result<ScanResult> Scan(mail::RawMessage raw, bool store_it = true,
                          std::string_view unnamed_prefix = "http:");

  bool has_store() const { return !options_.db_url.empty(); }
  const ServiceOptions& options() const { return options_; }

  // Runs f with a pooled store. kUnsupported when there is no store.
  Status WithStore(const std::function<Status(store::Store&)>& f);

  // Most recent first, at most n.
  std::vector<RecentEntry> Recent(size_t n) const;
  std::optional<RecentEntry> RecentBySha256(const std::string& sha256) const;
  uint64_t scans_total() const;

 private:
  explicit ScanService(ServiceOptions options);
  void WarmUp();
  Result<ScanResult> ScanBounded(mail::RawMessage raw);
  Status StoreAndCluster(record::ScanRecord* r);
  Result<std::unique_ptr<store::Store>> TakeStore();
  void GiveStore(std::unique_ptr<store::Store> s);
  void Remember(const ScanResult& r);

  ServiceOptions options_;
  scan::Engine engine_;

  std::mutex pool_mu_;
  std::vector<std::unique_ptr<store::Store>> pool_;
  std::mutex cluster_mu_;

  mutable std::mutex recent_mu_;
  std::deque<RecentEntry> recent_;
  uint64_t scans_total_ = 0;

  ScanPool scans_;  // last: its destructor waits for scans that use engine_
};

// The campaign label of a campaign id ("c-000042"), as the store writes it.
std::string CampaignLabel(int64_t id);

}  // namespace extortrace::server
