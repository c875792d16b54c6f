// Block parsing throughput on real segwit-era blocks from ../shared/data/chain:
// parse only (MB/s, tx/s), parse + txids (double SHA-256), the light visitor,
// script classification and script -> address strings.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <string>
#include <vector>

#include "chain/blk_file.h"
#include "chain/block.h"
#include "chain/index.h"
#include "chain/script.h"

namespace {

using namespace extortrace::chain;

struct Sample {
  const char* name;
  const char* rel;
};
const Sample kSamples[] = {
    {"574200",
     "btcd/block-574200-0000000000000000001602407ac49862a7bca9d00f7f402db20b7be2f5de59d2.raw"},
    {"556977", "hadoopcryptoledger/block2019Jan.blk"},
    {"540107",
     "btcd/block-540107-00000000000000000021868c2cefc52a480d173c849412fe81c4e5ab806f94ab.raw"},
};

// First block of a file, copied out (empty if the data is absent).
const std::vector<uint8_t>& LoadBlock(int i) {
  static std::vector<uint8_t> cache[std::size(kSamples)];
  static bool loaded[std::size(kSamples)] = {};
  if (!loaded[i]) {
    loaded[i] = true;
    auto src = BlockSource::Open(std::string(ET_SHARED_DIR) + "/data/chain/" + kSamples[i].rel);
    BlockRecord rec;
    if (src && src->Next(&rec).value_or(false)) cache[i].assign(rec.data.begin(), rec.data.end());
  }
  return cache[i];
}

bool Prepare(benchmark::State& state, const std::vector<uint8_t>& data) {
  if (data.empty()) {
    state.SkipWithError("../shared/data/chain absent");
    return false;
  }
  state.SetLabel(kSamples[state.range(0)].name);
  return true;
}

void Finish(benchmark::State& state, size_t bytes, size_t txs) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["tx/s"] = benchmark::Counter(static_cast<double>(state.iterations() * txs),
                                              benchmark::Counter::kIsRate);
}

void BM_ParseBlock(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  Block block;
  for (auto _ : state) {
    benchmark::DoNotOptimize(ParseBlock(data, &block));
  }
  Finish(state, data.size(), block.txs().size());
}

void BM_ParseBlockWithTxids(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  Block block;
  std::vector<Hash256> txids;
  for (auto _ : state) {
    (void)ParseBlock(data, &block);
    benchmark::DoNotOptimize(CheckMerkleRoot(block, &txids));
  }
  Finish(state, data.size(), block.txs().size());
}

void BM_VisitBlock(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  TxArena scratch;
  size_t txs = 0;
  for (auto _ : state) {
    txs = 0;
    (void)VisitBlock(data, &scratch, [&](const TxArena&, const Tx&, size_t) {
      ++txs;
      return true;
    });
  }
  Finish(state, data.size(), txs);
}

void BM_ClassifyOutputs(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  Block block;
  (void)ParseBlock(data, &block);
  for (auto _ : state) {
    int n = 0;
    for (const TxOut& o : block.arena.outputs) n += static_cast<int>(ClassifyKind(o.script_pubkey));
    benchmark::DoNotOptimize(n);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * block.arena.outputs.size()));
}

void BM_OutputAddresses(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  Block block;
  (void)ParseBlock(data, &block);
  for (auto _ : state) {
    for (const TxOut& o : block.arena.outputs) {
      benchmark::DoNotOptimize(ScriptDestination(o.script_pubkey));
    }
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * block.arena.outputs.size()));
}

// Index build (both passes, columns on /tmp) for one block rooted at its parent:
// the cost per tx of turning blocks into the on-disk index.
void BM_IndexBuild(benchmark::State& state) {
  const auto& data = LoadBlock(static_cast<int>(state.range(0)));
  if (!Prepare(state, data)) return;
  const std::string dir =
      (std::filesystem::temp_directory_path() / "et_chain_bench_index").string();
  const std::string path =
      std::string(ET_SHARED_DIR) + "/data/chain/" + kSamples[state.range(0)].rel;
  IndexOptions opts;
  opts.root_parent = ParseHeader(data)->prev_hash;
  opts.root_parent_height = 0;
  size_t txs = 0;
  for (auto _ : state) {
    auto src = BlockSource::Open(path);
    auto idx = Index::Build(*src, dir, opts);
    if (!idx) {
      state.SkipWithError(idx.error().ToString().c_str());
      break;
    }
    txs = idx->tx_count();
  }
  std::error_code ec;
  std::filesystem::remove_all(dir, ec);
  Finish(state, data.size(), txs);
}

BENCHMARK(BM_ParseBlock)->DenseRange(0, 2);
BENCHMARK(BM_ParseBlockWithTxids)->DenseRange(0, 2);
BENCHMARK(BM_VisitBlock)->DenseRange(0, 2);
BENCHMARK(BM_ClassifyOutputs)->Arg(0)->Arg(1);
BENCHMARK(BM_OutputAddresses)->Arg(0)->Arg(1);
BENCHMARK(BM_IndexBuild)->Arg(0)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
