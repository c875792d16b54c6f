// The cost of detection inside the scan engine: the same messages scanned
// with EngineOptions::detect on and off. Two corpora: a mix of 1,500 ham,
// 1,500 hard negatives (chosen for crypto words, so most pass the crypto
// gate) and the extortion mail (BM_Scan*), and every file of the shared
// corpus as it comes (BM_Corpus*: the share detection takes on the shared
// corpus, the measure of docs/performance.md). Needs ../shared/data/mail.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "scan/engine.h"

namespace {

namespace fs = std::filesystem;

// Up to `per_dir` files of each of `dirs` (under ../shared/data/mail), of at
// most `max_size` bytes each.
std::vector<extortrace::mail::RawMessage> Load(const std::vector<std::string>& dirs, size_t per_dir,
                                               uintmax_t max_size) {
  std::vector<extortrace::mail::RawMessage> out;
  std::error_code ec;
  for (const std::string& name : dirs) {
    const fs::path d = fs::path(ET_SHARED_DIR) / "data/mail" / name;
    if (!fs::exists(d, ec)) continue;
    size_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(d, ec)) {
      if (n >= per_dir) break;
      if (!e.is_regular_file() || e.file_size() > max_size) continue;
      const std::string file = e.path().filename().string();
      if (file.rfind("LICENSE", 0) == 0 || file.ends_with(".md") || file.ends_with(".csv"))
        continue;
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

const std::vector<extortrace::mail::RawMessage>& Mix() {
  static const auto corpus =
      Load({"ham", "negatives_spam", "extortion/phishing_pot"}, 1500, 256 << 10);
  return corpus;
}

const std::vector<extortrace::mail::RawMessage>& Whole() {
  static const auto corpus = Load({""}, SIZE_MAX, uintmax_t{64} << 20);
  return corpus;
}

void Scan(benchmark::State& state, const std::vector<extortrace::mail::RawMessage>& corpus,
          bool detect) {
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

void BM_ScanWithoutDetection(benchmark::State& state) { Scan(state, Mix(), false); }
void BM_ScanWithDetection(benchmark::State& state) { Scan(state, Mix(), true); }
void BM_CorpusWithoutDetection(benchmark::State& state) { Scan(state, Whole(), false); }
void BM_CorpusWithDetection(benchmark::State& state) { Scan(state, Whole(), true); }

}  // namespace

// One pass over each corpus per arm (~4,500 and ~10,000 messages).
BENCHMARK(BM_ScanWithoutDetection)->Iterations(4500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ScanWithDetection)->Iterations(4500)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CorpusWithoutDetection)->Iterations(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_CorpusWithDetection)->Iterations(10000)->Unit(benchmark::kMicrosecond);
BENCHMARK_MAIN();
