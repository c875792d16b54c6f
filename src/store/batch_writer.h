// Writes scan records into a store in transactions of at most kCommitEvery
// records or kCommitInterval of time, so that a scan killed at any moment
// keeps what was committed (at most a fraction of a second of work is lost)
// and a re-run skips it.
//
// Owns the store. Not thread-safe: one writer thread (the scan pipeline hands
// records over in order).
#pragma once

#include <chrono>
#include <memory>

#include "core/result.h"
#include "record/record.h"
#include "store/store.h"

namespace extortrace::store {

class BatchWriter {
 public:
  static constexpr int kCommitEvery = 500;
  static constexpr std::chrono::milliseconds kCommitInterval{200};

  explicit BatchWriter(std::unique_ptr<Store> s) : store_(std::move(s)) {}

  // Stores `r` (under its template signature), opening a transaction when
  // none is open and committing when the batch is full or old enough.
  Status Put(const record::ScanRecord& r);
  // Commits the open transaction, if any.
  Status Commit();
  // Records put since the last commit.
  int pending() const { return pending_; }
  Store& store() { return *store_; }

 private:
  std::unique_ptr<Store> store_;
  bool in_tx_ = false;
  int pending_ = 0;
  std::chrono::steady_clock::time_point tx_start_;
};

}  // namespace extortrace::store
