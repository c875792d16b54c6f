#include "server/scan_pool.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

namespace extortrace::server {
namespace {

using namespace std::chrono_literals;
using Outcome = ScanPool::Outcome;

TEST(ScanPool, RunsJobsAndShowsTheirResults) {
  ScanPool pool(2, 1);
  EXPECT_EQ(pool.threads(), 3);
  std::vector<std::thread> callers;
  std::atomic<int> done{0};
  for (int i = 0; i < 8; ++i) {
    callers.emplace_back([&, i] {
      for (int j = 0; j < 50; ++j) {
        int out = -1;
        Outcome o = pool.Run([&out, i, j] { out = i * 1000 + j; }, 0ms);
        if (o == Outcome::kDone && out == i * 1000 + j) ++done;
      }
    });
  }
  for (auto& t : callers) t.join();
  EXPECT_EQ(done.load(), 400);
  EXPECT_EQ(pool.stuck(), 0);
}

TEST(ScanPool, RunsJobsOnTheSameFewThreads) {
  ScanPool pool(1, 0);
  std::thread::id first;
  ASSERT_EQ(pool.Run([&] { first = std::this_thread::get_id(); }, 0ms), Outcome::kDone);
  for (int i = 0; i < 20; ++i) {
    std::thread::id now;
    ASSERT_EQ(pool.Run([&] { now = std::this_thread::get_id(); }, 0ms), Outcome::kDone);
    EXPECT_EQ(now, first);
  }
}

TEST(ScanPool, RunOnEachThreadVisitsEveryWorkerOnce) {
  ScanPool pool(2, 2);
  std::mutex mu;
  std::vector<std::thread::id> seen;
  pool.RunOnEachThread([&] {
    std::lock_guard lock(mu);
    seen.push_back(std::this_thread::get_id());
  });
  ASSERT_EQ(seen.size(), 4u);
  std::sort(seen.begin(), seen.end());
  EXPECT_EQ(std::unique(seen.begin(), seen.end()), seen.end());
  EXPECT_EQ(pool.Run([] {}, 0ms), Outcome::kDone);
}

TEST(ScanPool, TimeoutAbandonsARunningJobAndRefusesWhenTooManyAreStuck) {
  ScanPool pool(1, 1);
  std::atomic<bool> release{false};
  std::atomic<bool> finished{false};
  Outcome o = pool.Run(
      [&] {
        while (!release) std::this_thread::sleep_for(1ms);
        finished = true;
      },
      20ms);
  EXPECT_EQ(o, Outcome::kTimeout);
  EXPECT_EQ(pool.stuck(), 1);
  // One stuck worker is the limit: the next job is refused at once.
  auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(pool.Run([] {}, 1000ms), Outcome::kBusy);
  EXPECT_LT(std::chrono::steady_clock::now() - t0, 500ms);

  release = true;
  for (int i = 0; i < 2000 && pool.stuck() > 0; ++i) std::this_thread::sleep_for(1ms);
  EXPECT_TRUE(finished);
  EXPECT_EQ(pool.stuck(), 0);
  EXPECT_EQ(pool.Run([] {}, 1000ms), Outcome::kDone);
}

TEST(ScanPool, AQueuedJobThatTimesOutNeverRuns) {
  ScanPool pool(1, 0);
  std::atomic<bool> started{false};
  std::atomic<bool> release{false};
  std::thread blocker([&] {
    pool.Run(
        [&] {
          started = true;
          while (!release) std::this_thread::sleep_for(1ms);
        },
        0ms);
  });
  while (!started) std::this_thread::sleep_for(1ms);  // the only worker is busy
  std::atomic<bool> ran{false};
  EXPECT_EQ(pool.Run([&] { ran = true; }, 10ms), Outcome::kTimeout);
  release = true;
  blocker.join();
  EXPECT_EQ(pool.Run([] {}, 0ms), Outcome::kDone);  // after the dropped job
  EXPECT_FALSE(ran);
}

TEST(ScanPool, DestructorWaitsForAnAbandonedJob) {
  std::atomic<bool> finished{false};
  {
    ScanPool pool(1, 2);
    EXPECT_EQ(pool.Run(
                  [&] {
                    std::this_thread::sleep_for(50ms);
                    finished = true;
                  },
                  1ms),
              Outcome::kTimeout);
  }
  EXPECT_TRUE(finished);
}

}  // namespace
}  // namespace extortrace::server
