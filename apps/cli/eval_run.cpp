#include "eval_run.h"

#include <atomic>
#include <thread>

#include "scan/engine.h"

namespace extortrace::cli {

std::vector<Scored> ScanLabelled(const LabelSet& set, unsigned threads) {
  std::vector<Scored> out(set.messages.size());
  scan::EngineOptions mail_opts, text_opts;
  text_opts.plain_text = true;
  const scan::Engine mail_engine(mail_opts), text_engine(text_opts);
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t i; (i = next.fetch_add(1)) < set.messages.size();) {
      const LabelledMessage& m = set.messages[i];
      scan::Analysis a = (m.plain_text ? text_engine : mail_engine).Analyze(m.raw);
      out[i].features = std::move(a.detect_features);
      out[i].rule_verdict = a.detect_rule_verdict;
      out[i].model_free = a.detect_model_free;
      out[i].record = std::move(a.record);
    }
  };
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  return out;
}

}  // namespace extortrace::cli
