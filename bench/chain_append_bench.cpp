// Index append vs rebuild on a SYNTHETIC chain (block_builder.h: regtest
// target, marked coinbases): 1,000 blocks of 100 txs, each tx spending an
// output of an earlier block and paying two of 5,000 reused addresses. The
// real blocks in ../shared (590 blocks, 605 txs) are too few to show scaling.
#include <benchmark/benchmark.h>

#include <deque>
#include <filesystem>
#include <random>

#include "chain/block_builder.h"
#include "chain/index.h"

namespace {

using namespace extortrace;
using namespace extortrace::chain;
namespace fs = std::filesystem;

constexpr int kBlocks = 1000, kTxsPerBlock = 100;

struct SyntheticChain {
  std::string dir;
  std::vector<Bytes> blocks;

  SyntheticChain() {
    dir = (fs::temp_directory_path() / "et_append_bench").string();
    fs::remove_all(dir);
    std::mt19937 rng(7);
    std::vector<Bytes> pool;
    for (uint32_t i = 0; i < 5000; ++i) {
      Bytes h(20, 0);
      std::memcpy(h.data(), &i, sizeof i);
      pool.push_back(P2pkhScript(h));
    }
    ChainBuilder chain;
    std::deque<std::pair<Hash256, uint32_t>> unspent;
    for (int b = 0; b < kBlocks; ++b) {
      std::vector<TxSpec> txs;
      for (int t = 0; t < kTxsPerBlock && !unspent.empty(); ++t) {
        TxSpec tx;
        tx.inputs.push_back(
            {unspent.front().first, unspent.front().second, Bytes{0x51}, 0xffffffff, {}});
        unspent.pop_front();
        tx.outputs.push_back({1000, pool[rng() % pool.size()]});
        tx.outputs.push_back({2000, pool[rng() % pool.size()]});
        txs.push_back(tx);
      }
      blocks.push_back(chain.AddBlock(txs, pool[rng() % pool.size()]));
      for (const TxSpec& tx : txs) {
        unspent.push_back({TxidOf(tx), 0});
        unspent.push_back({TxidOf(tx), 1});
      }
      unspent.push_back({chain.last_coinbase_txid(), 0});
    }
  }
  ~SyntheticChain() { fs::remove_all(dir); }

  // A blocks dir holding blocks [0, n).
  std::string BlocksDir(size_t n) const {
    const std::string d = dir + "/blocks" + std::to_string(n);
    if (fs::exists(d)) return d;
    fs::create_directories(d);
    Bytes file;
    for (size_t i = 0; i < n; ++i) {
      Bytes f = FrameBlock(blocks[i]);
      file.insert(file.end(), f.begin(), f.end());
    }
    FILE* fp = std::fopen((d + "/blk00000.dat").c_str(), "wb");
    std::fwrite(file.data(), 1, file.size(), fp);
    std::fclose(fp);
    return d;
  }
};

SyntheticChain& Chain() {
  static SyntheticChain c;
  return c;
}

void BM_Rebuild(benchmark::State& state) {
  const std::string blocks = Chain().BlocksDir(kBlocks);
  for (auto _ : state) {
    auto src = BlockSource::Open(blocks);
    auto idx = Index::Build(*src, Chain().dir + "/rebuild");
    if (!idx) state.SkipWithError(idx.error().ToString().c_str());
  }
  state.counters["txs"] = kBlocks * (kTxsPerBlock + 1.0);
}

// Appends the last `range(0)` blocks to an index of the others (the blk file
// grows in place, as on a node); the copy of the base index is not timed.
void BM_Append(benchmark::State& state) {
  const size_t n = static_cast<size_t>(state.range(0));
  const std::string base_blocks = Chain().BlocksDir(kBlocks - n);
  const std::string base = Chain().dir + "/base" + std::to_string(n);
  if (!fs::exists(base)) {
    auto src = BlockSource::Open(base_blocks);
    if (!Index::Build(*src, base)) state.SkipWithError("base build failed");
  }
  const std::string all = Chain().BlocksDir(kBlocks);
  for (auto _ : state) {
    state.PauseTiming();
    const std::string work = Chain().dir + "/work";
    fs::remove_all(work);
    fs::remove_all(work + "_blocks");
    fs::copy(base, work);
    fs::copy(base_blocks, work + "_blocks");
    // Same file, grown: the manifest's resume point stays valid.
    fs::copy_file(all + "/blk00000.dat", work + "_blocks/blk00000.dat",
                  fs::copy_options::overwrite_existing);
    state.ResumeTiming();
    auto src = BlockSource::Open(work + "_blocks");
    IndexBuildStats st;
    auto idx = Index::Append(*src, work, {}, &st);
    if (!idx || st.blocks != n || !st.resumed) state.SkipWithError("append failed");
  }
}

BENCHMARK(BM_Rebuild)->Unit(benchmark::kMillisecond)->Iterations(3)->UseRealTime();
BENCHMARK(BM_Append)
    ->Arg(1)
    ->Arg(10)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(5)
    ->UseRealTime();

}  // namespace

BENCHMARK_MAIN();
