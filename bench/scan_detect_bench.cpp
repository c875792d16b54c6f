// The cost of detection inside the scan engine: the same messages scanned
// with EngineOptions::detect on and off (issue: detection must stay within
// 20% of the engine's time without it). Uses ../shared/data/mail when
// present (ham, hard-negative spam, extortion), else the bundled samples.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scan/engine.h"

namespace {

namespace fs = std::filesystem;

std::vector<extortrace::mail::RawMessage> Load() {
  std::vector<extortrace::mail::RawMessage> out;
  std::vector<fs::path> dirs = {fs::path(ET_SHARED_DIR) / "data/mail/ham",
                                fs::path(ET_SHARED_DIR) / "data/mail/negatives_spam",
                                fs::path(ET_SHARED_DIR) / "data/mail/extortion/phishing_pot"};
  std::error_code ec;
  for (const fs::path& d : dirs) {
    if (!fs::exists(d, ec)) continue;
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(d, ec)) {
      if (n >= 1500) break;
      if (!e.is_regular_file() || e.file_size() > (256 << 10)) continue;
      if (e.path().filename().string().rfind("LICENSE", 0) == 0) continue;
      std::ifstream f(e.path(), std::ios::binary);
      std::ostringstream ss;
      ss << f.rdbuf();
      extortrace::mail::RawMessage m;
      m.source = e.path().string();
      m.data = ss.str();
      out.push_back(std::move(m));
      ++n;
    }
  }
  return out;
}

const std::vector<extortrace::mail::RawMessage>& Corpus() {
  static const auto corpus = Load();
  return corpus;
}

void Scan(benchmark::State& state, bool detect) {
  const auto& corpus = Corpus();
  if (corpus.empty()) {
    state.SkipWithError("../shared/data/mail absent");
    return;
  }
  extortrace::scan::EngineOptions o;
  o.detect = detect;
  o.decode_qr = false;  // images dominate otherwise and are the same in both arms
  extortrace::scan::Engine engine(o);
  // Warm up ICU, CLD2 and the lexicons: a message that names bitcoin, so that
  // the detector compiles its patterns here and not inside the timed loop
  // (the corpus may start with mail the crypto gate stops).
  extortrace::mail::RawMessage warm;
  warm.data = "Subject: w\r\n\r\nPay 500 USD in bitcoin within 48 hours or the video goes out.\r\n";
  engine.Scan(warm);
  engine.Scan(corpus[0]);
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const auto& m = corpus[i++ % corpus.size()];
    benchmark::DoNotOptimize(engine.Scan(m));
    bytes += m.data.size();
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}

void BM_ScanWithoutDetection(benchmark::State& state) { Scan(state, false); }
void BM_ScanWithDetection(benchmark::State& state) { Scan(state, true); }

}  // namespace

// One pass over the whole corpus per arm (~4,500 messages).
BENCHMARK(BM_ScanWithoutDetection)->Iterations(4500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScanWithDetection)->Iterations(4500)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
