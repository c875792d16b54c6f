// Detector throughput: Detect() on message-sized folded texts (the synthetic
// multilingual corpus and, when ../shared is present, real extortion and ham
// bodies lowercased). Compare with the scan engine's per-message time
// (docs/detection.md, "Speed").
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "detect/detector.h"
#include "detect/matcher.h"

namespace {

namespace fs = std::filesystem;

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return s;
}

std::vector<std::string> LoadDir(const fs::path& dir, size_t max_files, size_t max_bytes) {
  std::vector<std::string> out;
  std::error_code ec;
  if (!fs::exists(dir, ec)) return out;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (out.size() >= max_files) break;
    if (!e.is_regular_file() || e.file_size() > max_bytes) continue;
    std::ifstream f(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << f.rdbuf();
    out.push_back(Lower(ss.str()));
  }
  return out;
}

void Run(benchmark::State& state, const std::vector<std::string>& texts) {
  if (texts.empty()) {
    state.SkipWithError("corpus absent");
    return;
  }
  extortrace::detect::Match("warm up");  // compile the lexicons outside the loop
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    extortrace::detect::Input in;
    in.text = t;
    in.folded = t;
    benchmark::DoNotOptimize(extortrace::detect::Detect(in));
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}

const std::vector<std::string>& Synthetic() {
  static const auto texts =
      LoadDir(fs::path(ET_SOURCE_DIR) / "tests/detect/synthetic", 100, 1 << 20);
  return texts;
}

void BM_DetectSynthetic(benchmark::State& state) { Run(state, Synthetic()); }

// Match() alone, exhaustive (no crypto gate), on the two candidate
// selections: the embedded pattern database and the literal atoms.
template <bool kLiteral>
void BM_MatchSynthetic(benchmark::State& state) {
  const auto& texts = Synthetic();
  extortrace::detect::Match("warm up");
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    const std::string& t = texts[i++ % texts.size()];
    if (kLiteral) {
      benchmark::DoNotOptimize(extortrace::detect::MatchWithLiteralPrefilter(t));
    } else {
      benchmark::DoNotOptimize(extortrace::detect::Match(t));
    }
    bytes += t.size();
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(state.iterations());
}
void BM_MatchSyntheticPatternDb(benchmark::State& state) { BM_MatchSynthetic<false>(state); }
void BM_MatchSyntheticLiteralAtoms(benchmark::State& state) { BM_MatchSynthetic<true>(state); }

void BM_DetectHam(benchmark::State& state) {
  static const auto texts =
      LoadDir(fs::path(ET_SHARED_DIR) / "data/mail/ham/spamassassin", 500, 64 << 10);
  Run(state, texts);
}

void BM_DetectNegativeSpam(benchmark::State& state) {
  static const auto texts = LoadDir(
      fs::path(ET_SHARED_DIR) / "data/mail/negatives_spam/phishing_pot_sample", 500, 64 << 10);
  Run(state, texts);
}

void BM_CompileLexicons(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::detect::Entries().size());
}

}  // namespace

BENCHMARK(BM_DetectSynthetic);
BENCHMARK(BM_MatchSyntheticPatternDb);
BENCHMARK(BM_MatchSyntheticLiteralAtoms);
BENCHMARK(BM_DetectHam);
BENCHMARK(BM_DetectNegativeSpam);
BENCHMARK(BM_CompileLexicons);
BENCHMARK_MAIN();
