// ScanPool: a fixed set of worker threads that run scans for the HTTP API and
// the milter.
//
// Why not a thread per scan: a new thread pays for its own Hyperscan scratch,
// ICU and CLD2 state on its first message, and nothing bounds how many scans
// run at once; on two cores with many clients that shows up as p99 latency.
//
// Run(job, timeout) queues the job and waits up to `timeout` for it:
//   kDone     the job ran to the end; whatever it wrote is visible to the caller.
//   kTimeout  the caller gave up. A job still queued is dropped and never runs;
//             a running job is abandoned: it finishes in the background and its
//             worker counts as stuck until then.
//   kBusy     `max_stuck` workers (with max_stuck 0: any worker) are stuck past
//             their time limit, so the job is refused at once instead of
//             queueing behind them; also while the pool is being destroyed.
// The pool has `workers + max_stuck` threads, so stuck scans never take the
// places of the `workers` that serve normal traffic.
//
// Thread-safety: Run may be called from many threads at once.
// Lifetime: the destructor drops queued jobs and joins the workers, so it
// waits for running (also abandoned) jobs to finish.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace extortrace::server {

class ScanPool {
 public:
  enum class Outcome { kDone, kTimeout, kBusy };

  // workers <= 0 means one per hardware thread.
  ScanPool(int workers, int max_stuck);
  ~ScanPool();
  ScanPool(const ScanPool&) = delete;
  ScanPool& operator=(const ScanPool&) = delete;

  // A timeout <= 0 waits without limit.
  Outcome Run(std::function<void()> job, std::chrono::milliseconds timeout);

  // Runs `f` once on every worker thread and returns when all have (each
  // worker holds its job until every one has started, so none takes two).
  // For per-thread state worth building before traffic arrives; call it
  // while the pool is idle.
  void RunOnEachThread(const std::function<void()>& f);

  int threads() const { return static_cast<int>(threads_.size()); }
  int stuck() const;

 private:
  struct Task;
  void WorkerLoop();

  const int max_stuck_;
  mutable std::mutex mu_;
  std::condition_variable work_cv_;
  std::deque<std::shared_ptr<Task>> queue_;
  int stuck_ = 0;
  bool stopping_ = false;
  std::vector<std::thread> threads_;
};

}  // namespace extortrace::server
