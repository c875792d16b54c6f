#include "store/batch_writer.h"

namespace extortrace::store {

Status BatchWriter::Put(const record::ScanRecord& r) {
  if (!in_tx_) {
    if (Status st = store_->Begin(); !st) return st;
    in_tx_ = true;
    tx_start_ = std::chrono::steady_clock::now();
  }
  auto id = store_->PutScan(r, r.signature);
  if (!id) return Fail(id.error());
  if (++pending_ >= kCommitEvery ||
      std::chrono::steady_clock::now() - tx_start_ >= kCommitInterval) {
    return Commit();
  }
  return {};
}

Status BatchWriter::Commit() {
  if (!in_tx_) return {};
  in_tx_ = false;
  pending_ = 0;
  return store_->Commit();
}

}  // namespace extortrace::store
