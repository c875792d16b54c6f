#include "scan/pipeline.h"

#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace extortrace::scan {
namespace {

struct Job {
  uint64_t seq;
  mail::RawMessage raw;
};

}  // namespace

PipelineStats RunPipeline(const std::vector<std::string>& paths,
                          const mail::SourceOptions& source_options, const Engine& engine,
                          unsigned threads, const PipelineCallbacks& cb) {
  if (threads == 0) threads = 1;
  const size_t queue_cap = 4 * threads;
  const uint64_t window = 16 * threads;

  std::mutex mu;
  std::condition_variable cv_jobs, cv_space, cv_results;
  std::deque<Job> jobs;
  std::map<uint64_t, ScanRecord> results;
  uint64_t next_out = 0;  // next sequence number to hand to the sink
  bool reading_done = false;
  uint64_t produced = 0;
  PipelineStats stats;

  std::thread reader([&] {
    mail::SourceCallbacks sc;
    sc.on_message = [&](mail::RawMessage&& raw) {
      std::unique_lock lock(mu);
      cv_space.wait(lock, [&] { return jobs.size() < queue_cap && produced < next_out + window; });
      jobs.push_back({produced++, std::move(raw)});
      cv_jobs.notify_one();
    };
    sc.on_error = [&](const Error& e) {
      {
        std::lock_guard lock(mu);
        ++stats.errors;
      }
      if (cb.on_error) cb.on_error(e);
    };
    sc.on_skip = [&](const std::string& p) {
      {
        std::lock_guard lock(mu);
        ++stats.skipped;
      }
      if (cb.on_skip) cb.on_skip(p);
    };
    mail::ReadMessages(paths, source_options, sc);
    std::lock_guard lock(mu);
    reading_done = true;
    cv_jobs.notify_all();
    cv_results.notify_all();
  });

  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) {
    workers.emplace_back([&] {
      for (;;) {
        std::optional<Job> job;
        {
          std::unique_lock lock(mu);
          cv_jobs.wait(lock, [&] { return !jobs.empty() || reading_done; });
          if (jobs.empty()) return;
          job = std::move(jobs.front());
          jobs.pop_front();
          cv_space.notify_one();
        }
        ScanRecord rec = engine.Scan(job->raw);
        std::lock_guard lock(mu);
        results.emplace(job->seq, std::move(rec));
        cv_results.notify_one();
      }
    });
  }

  // Hand results to the sink in order, on this thread.
  for (;;) {
    std::optional<ScanRecord> rec;
    {
      std::unique_lock lock(mu);
      cv_results.wait(lock, [&] {
        return results.count(next_out) > 0 || (reading_done && next_out == produced);
      });
      auto it = results.find(next_out);
      if (it == results.end()) break;  // everything delivered
      rec = std::move(it->second);
      results.erase(it);
      ++next_out;
      ++stats.messages;
      stats.bytes += rec->size;
      cv_space.notify_one();
    }
    if (cb.on_record) cb.on_record(*rec);
    if (cb.on_progress) cb.on_progress(stats, *rec);
  }
  reader.join();
  for (std::thread& w : workers) w.join();
  std::lock_guard lock(mu);
  return stats;
}

}  // namespace extortrace::scan
