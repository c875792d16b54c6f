#include "scan/pipeline.h"

#include <atomic>
#include <condition_variable>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace extortrace::scan {
namespace {

// Messages travel in small batches so that threads meet once per batch, not
// once per message (per-message hand-offs cost more than parsing small mail).
constexpr size_t kBatchMessages = 16;
constexpr size_t kBatchBytes = size_t{1} << 20;
// Marks the placeholder record of a message the skip callback passed over.
constexpr const char* kSkippedMarker = "\x01skipped";

struct Job {
  uint64_t seq;  // sequence number of the first message
  std::vector<mail::RawMessage> raws;
};

}  // namespace

PipelineStats RunPipeline(const std::vector<std::string>& paths,
                          const mail::SourceOptions& source_options, const Engine& engine,
                          unsigned threads, const PipelineCallbacks& cb) {
  if (threads == 0) threads = 1;
  const size_t queue_cap = 2 * threads;                  // batches waiting for a worker
  const uint64_t window = 4 * threads * kBatchMessages;  // messages in flight

  std::mutex mu;
  std::condition_variable cv_jobs, cv_space, cv_results;
  std::deque<Job> jobs;
  std::map<uint64_t, std::vector<record::ScanRecord>> results;  // keyed by a batch's first seq
  uint64_t next_out = 0;  // next sequence number to hand to the sink
  bool reading_done = false;
  uint64_t produced = 0;
  PipelineStats stats;                          // messages/bytes: this thread only
  std::atomic<uint64_t> errors{0}, skipped{0};  // counted on the reader thread

  std::thread reader([&] {
    std::vector<mail::RawMessage> batch;
    size_t batch_bytes = 0;
    auto flush = [&] {
      if (batch.empty()) return;
      std::unique_lock lock(mu);
      cv_space.wait(lock, [&] { return jobs.size() < queue_cap && produced < next_out + window; });
      jobs.push_back({produced, std::move(batch)});
      produced += jobs.back().raws.size();
      batch.clear();
      batch_bytes = 0;
      cv_jobs.notify_one();
    };
    mail::SourceCallbacks sc;
    sc.on_message = [&](mail::RawMessage&& raw) {
      batch_bytes += raw.data.size();
      batch.push_back(std::move(raw));
      if (batch.size() >= kBatchMessages || batch_bytes >= kBatchBytes) flush();
    };
    sc.on_error = [&](const Error& e) {
      ++errors;
      if (cb.on_error) cb.on_error(e);
    };
    sc.on_skip = [&](const std::string& p) {
      ++skipped;
      if (cb.on_skip) cb.on_skip(p);
    };
    mail::ReadMessages(paths, source_options, sc);
    flush();
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
        std::vector<record::ScanRecord> recs;
        recs.reserve(job->raws.size());
        for (const mail::RawMessage& raw : job->raws) {
          if (cb.skip && cb.skip(raw)) {
            record::ScanRecord placeholder;
            placeholder.error = kSkippedMarker;
            placeholder.size = raw.data.size();
            recs.push_back(std::move(placeholder));
          } else {
            recs.push_back(engine.Scan(raw));
          }
        }
        std::lock_guard lock(mu);
        results.emplace(job->seq, std::move(recs));
        cv_results.notify_one();
      }
    });
  }

  // Hand results to the sink in order, on this thread.
  for (;;) {
    std::vector<record::ScanRecord> recs;
    {
      std::unique_lock lock(mu);
      cv_results.wait(lock, [&] {
        return results.count(next_out) > 0 || (reading_done && next_out == produced);
      });
      auto it = results.find(next_out);
      if (it == results.end()) break;  // everything delivered
      recs = std::move(it->second);
      results.erase(it);
    }
    for (const record::ScanRecord& rec : recs) {
      if (rec.error == kSkippedMarker) {
        ++stats.already_done;
        continue;
      }
      ++stats.messages;
      stats.bytes += rec.size;
      stats.errors = errors.load();
      stats.skipped = skipped.load();
      if (cb.on_record) cb.on_record(rec);
      if (cb.on_progress) cb.on_progress(stats, rec);
    }
    std::lock_guard lock(mu);
    next_out += recs.size();
    cv_space.notify_one();
  }
  reader.join();
  for (std::thread& w : workers) w.join();
  stats.errors = errors.load();
  stats.skipped = skipped.load();
  return stats;
}

}  // namespace extortrace::scan
