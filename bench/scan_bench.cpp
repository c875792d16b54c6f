// Google Benchmark of the scan engine on messages held in memory (no I/O):
// whole-engine messages/s and MB/s, and the cost of each stage, over a sample
// of ../shared/data/mail (or samples/mail when the shared corpus is absent).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "mail/message.h"
#include "scan/engine.h"
#include "scan/visible_text.h"
#include "text/language.h"
#include "text/normalize.h"
#include "wallet/finder.h"

namespace {
namespace fs = std::filesystem;
using namespace extortrace;

const std::vector<mail::RawMessage>& Corpus() {
  static const std::vector<mail::RawMessage> corpus = [] {
    std::vector<std::string> files;
    fs::path root = fs::path(ET_SHARED_DIR) / "data" / "mail";
    if (!fs::exists(root)) root = fs::path(ET_SHARED_DIR) / ".." / "main" / "samples" / "mail";
    for (const auto& e : fs::recursive_directory_iterator(root)) {
      if (e.is_regular_file()) files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    std::mt19937 rng(42);
    std::shuffle(files.begin(), files.end(), rng);
    files.resize(std::min<size_t>(files.size(), 2000));
    std::vector<mail::RawMessage> out;
    for (const std::string& f : files) {
      auto data = ReadFile(f);
      if (data) out.push_back(mail::RawMessage{f, "", 0, std::move(*data), false});
    }
    return out;
  }();
  return corpus;
}

template <typename F>
void RunOverCorpus(benchmark::State& state, F&& f) {
  const auto& corpus = Corpus();
  size_t i = 0, bytes = 0, n = 0;
  for (auto _ : state) {
    const mail::RawMessage& m = corpus[i++ % corpus.size()];
    f(m);
    bytes += m.data.size();
    ++n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(n));
}

void BM_EngineScan(benchmark::State& state) {
  scan::Engine engine;
  RunOverCorpus(state,
                [&](const mail::RawMessage& m) { benchmark::DoNotOptimize(engine.Scan(m)); });
}
BENCHMARK(BM_EngineScan);

void BM_ParseMessage(benchmark::State& state) {
  RunOverCorpus(state, [&](const mail::RawMessage& m) {
    benchmark::DoNotOptimize(mail::ParseMessage(m.data));
  });
}
BENCHMARK(BM_ParseMessage);

// Stages after parsing, on pre-parsed messages.
struct Prepared {
  std::string visible;
  text::NormalizedText normalized;
  size_t raw_size;
};

const std::vector<Prepared>& PreparedCorpus() {
  static const std::vector<Prepared> out = [] {
    std::vector<Prepared> v;
    for (const auto& m : Corpus()) {
      mail::ParsedMessage p = mail::ParseMessage(m.data);
      Prepared pr;
      pr.visible = scan::BuildVisibleText(p).text;
      pr.normalized = text::Normalize(pr.visible);
      pr.raw_size = m.data.size();
      v.push_back(std::move(pr));
    }
    return v;
  }();
  return out;
}

template <typename F>
void RunPrepared(benchmark::State& state, F&& f) {
  const auto& corpus = PreparedCorpus();
  size_t i = 0, bytes = 0, n = 0;
  for (auto _ : state) {
    const Prepared& p = corpus[i++ % corpus.size()];
    f(p);
    bytes += p.raw_size;
    ++n;
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.SetItemsProcessed(static_cast<int64_t>(n));
}

void BM_VisibleText(benchmark::State& state) {
  std::vector<mail::ParsedMessage> parsed;
  for (size_t k = 0; k < 300 && k < Corpus().size(); ++k) {
    parsed.push_back(mail::ParseMessage(Corpus()[k].data));
  }
  size_t i = 0, n = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(scan::BuildVisibleText(parsed[i++ % parsed.size()]));
    ++n;
  }
  state.SetItemsProcessed(static_cast<int64_t>(n));
}
BENCHMARK(BM_VisibleText);

void BM_Normalize(benchmark::State& state) {
  RunPrepared(state,
              [](const Prepared& p) { benchmark::DoNotOptimize(text::Normalize(p.visible)); });
}
BENCHMARK(BM_Normalize);

void BM_Language(benchmark::State& state) {
  RunPrepared(state, [](const Prepared& p) {
    benchmark::DoNotOptimize(text::DetectLanguage(p.normalized.text));
  });
}
BENCHMARK(BM_Language);

void BM_FindWallets(benchmark::State& state) {
  RunPrepared(state, [](const Prepared& p) {
    benchmark::DoNotOptimize(wallet::FindWallets(p.normalized.text));
  });
}
BENCHMARK(BM_FindWallets);

}  // namespace

BENCHMARK_MAIN();
