#include "server/scan_pool.h"

#include <algorithm>
#include <latch>

namespace extortrace::server {

struct ScanPool::Task {
  enum class State { kQueued, kRunning, kDone, kDropped, kAbandoned };
  std::function<void()> fn;
  State state = State::kQueued;
  std::condition_variable done_cv;
};

ScanPool::ScanPool(int workers, int max_stuck) : max_stuck_(std::max(0, max_stuck)) {
  if (workers <= 0) workers = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  int n = workers + max_stuck_;
  threads_.reserve(n);
  for (int i = 0; i < n; ++i) threads_.emplace_back([this] { WorkerLoop(); });
}

ScanPool::~ScanPool() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
    for (auto& t : queue_) {
      t->state = Task::State::kDropped;
      t->done_cv.notify_all();
    }
    queue_.clear();
  }
  work_cv_.notify_all();
  for (auto& t : threads_) t.join();
}

int ScanPool::stuck() const {
  std::lock_guard lock(mu_);
  return stuck_;
}

ScanPool::Outcome ScanPool::Run(std::function<void()> job, std::chrono::milliseconds timeout) {
  auto task = std::make_shared<Task>();
  task->fn = std::move(job);
  std::unique_lock lock(mu_);
  if ((stuck_ > 0 && stuck_ >= max_stuck_) || stopping_) return Outcome::kBusy;
  queue_.push_back(task);
  work_cv_.notify_one();

  auto finished = [&] {
    return task->state == Task::State::kDone || task->state == Task::State::kDropped;
  };
  if (timeout.count() <= 0) {
    task->done_cv.wait(lock, finished);
  } else if (!task->done_cv.wait_for(lock, timeout, finished)) {
    if (task->state == Task::State::kQueued) {
      task->state = Task::State::kDropped;  // the worker that pops it skips it
    } else {
      task->state = Task::State::kAbandoned;
      ++stuck_;
    }
    return Outcome::kTimeout;
  }
  return task->state == Task::State::kDone ? Outcome::kDone : Outcome::kBusy;
}

void ScanPool::RunOnEachThread(const std::function<void()>& f) {
  const auto n = static_cast<std::ptrdiff_t>(threads_.size());
  std::latch started(n);
  std::vector<std::thread> callers;
  callers.reserve(threads_.size());
  for (std::ptrdiff_t i = 0; i < n; ++i) {
    callers.emplace_back([&] {
      Run(
          [&] {
            started.arrive_and_wait();
            f();
          },
          std::chrono::milliseconds(0));
    });
  }
  for (auto& t : callers) t.join();
}

void ScanPool::WorkerLoop() {
  std::unique_lock lock(mu_);
  for (;;) {
    work_cv_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
    if (queue_.empty()) return;  // stopping
    std::shared_ptr<Task> task = std::move(queue_.front());
    queue_.pop_front();
    if (task->state == Task::State::kDropped) continue;
    task->state = Task::State::kRunning;
    lock.unlock();
    task->fn();
    task->fn = nullptr;  // release what the job captured outside the lock
    lock.lock();
    if (task->state == Task::State::kAbandoned) --stuck_;
    task->state = Task::State::kDone;
    task->done_cv.notify_all();
  }
}

}  // namespace extortrace::server
