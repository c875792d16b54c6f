// extortrace index blocks:DIR : builds the on-disk chain index, or appends the
// blocks that arrived since the last run (the same index `trace --chain
// blocks:DIR` uses, unless --out names another directory).
#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "chain/index.h"
#include "commands.h"
#include "core/json_writer.h"
#include "trace/chain_view.h"
#include "trace/index_view.h"

namespace extortrace::cli {

namespace {

struct IndexArgs {
  std::string blocks, out, cache_dir;
  bool json = false, rebuild = false;
};

const char* ActionOf(const chain::IndexBuildStats& st) {
  if (st.reorg_height >= 0) return "rebuilt";
  if (st.built) return "built";
  return st.blocks > 0 ? "appended" : "unchanged";
}

void PrintJson(const std::string& dir, const chain::Index& idx, const chain::IndexBuildStats& st,
               double seconds) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("index", dir);
  w.Field("action", ActionOf(st));
  w.Field("blocks_added", uint64_t{st.blocks});
  w.Field("txs_added", uint64_t{st.txs});
  w.Field("outputs_added", uint64_t{st.outputs});
  w.Field("inputs_added", uint64_t{st.inputs});
  w.Field("addresses_added", uint64_t{st.addresses});
  w.Field("blocks_read", uint64_t{st.blocks_read});
  w.Field("stale", uint64_t{st.stale});
  w.Field("orphans", uint64_t{st.orphans});
  w.Field("unresolved_inputs", uint64_t{st.unresolved_inputs});
  w.Field("resumed", st.resumed);
  w.Field("recovered", st.recovered);
  w.Key("reorg_height");
  if (st.reorg_height >= 0) {
    w.Int(st.reorg_height);
  } else {
    w.Null();
  }
  w.Field("tip_height", idx.manifest().tip_height);
  w.Field("blocks", uint64_t{idx.block_count()});
  w.Field("txs", uint64_t{idx.tx_count()});
  w.Field("outputs", uint64_t{idx.output_count()});
  w.Field("inputs", uint64_t{idx.input_count()});
  w.Field("addresses", uint64_t{idx.address_count()});
  w.Field("bytes", idx.DiskBytes());
  w.Field("seconds", seconds);
  w.Key("problems");
  w.BeginArray();
  for (const Error& e : st.problems) {
    w.BeginObject();
    w.Field("message", e.context());
    w.Key("offset");
    if (e.has_offset()) {
      w.Uint(e.offset());
    } else {
      w.Null();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::printf("%s\n", out.c_str());
}

int RunIndex(const IndexArgs& a) {
  if (a.blocks.rfind("blocks:", 0) != 0) {
    std::fprintf(stderr, "extortrace: index: expected blocks:DIR, got '%s'\n", a.blocks.c_str());
    return kExitUsage;
  }
  const std::string path = a.blocks.substr(7);
  std::string dir = a.out;
  if (dir.empty()) {
    auto d = trace::BlocksIndexDir(path, a.cache_dir);
    if (!d) {
      std::fprintf(stderr, "extortrace: index: %s\n", d.error().ToString().c_str());
      return kExitInputError;
    }
    dir = *d;
  }
  if (a.rebuild) std::remove((dir + "/stamp").c_str());
  const auto start = std::chrono::steady_clock::now();
  chain::IndexBuildStats st;
  Result<chain::Index> idx = Fail(Error::Internal("not run"));
  if (a.rebuild) {
    auto src = chain::BlockSource::Open(path);
    if (!src) {
      std::fprintf(stderr, "extortrace: index: %s\n", src.error().ToString().c_str());
      return kExitInputError;
    }
    idx = chain::Index::Build(*src, dir, {}, &st);
  } else {
    idx = trace::UpdateBlocksIndex(path, dir, {}, &st);
  }
  if (!idx) {
    std::fprintf(stderr, "extortrace: index: %s\n", idx.error().ToString().c_str());
    return kExitInputError;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (a.json) {
    PrintJson(dir, *idx, st, seconds);
  } else {
    std::printf("%s: %s %zu blocks, %zu txs, %zu outputs, %zu addresses (tip height %lld)\n",
                dir.c_str(), ActionOf(st), st.blocks, st.txs, st.outputs, st.addresses,
                static_cast<long long>(idx->manifest().tip_height));
    if (st.reorg_height >= 0) {
      std::printf("the chain reorganised at height %lld: index rebuilt\n",
                  static_cast<long long>(st.reorg_height));
    }
    std::printf("index: %zu blocks, %zu txs, %zu outputs, %zu addresses, %.1f MB, %.2f s\n",
                idx->block_count(), idx->tx_count(), idx->output_count(), idx->address_count(),
                static_cast<double>(idx->DiskBytes()) / 1e6, seconds);
    if (st.stale + st.orphans > 0) {
      std::printf("not on the chain: %zu stale, %zu orphans (kept for the next run)\n", st.stale,
                  st.orphans);
    }
    std::printf("problems skipped: %zu\n", st.problems.size());
    for (const Error& e : st.problems) std::printf("  %s\n", e.ToString().c_str());
  }
  return kExitOk;  // skipped problems are reported, not fatal (a live node writes the last block)
}

}  // namespace

Command RegisterIndex(CLI::App& app) {
  auto a = std::make_shared<IndexArgs>();
  CLI::App* sub = app.add_subcommand(
      "index", "Build the chain index of a blocks dir, or append the blocks added since");
  sub->add_option("blocks", a->blocks, "blocks:DIR (Bitcoin Core blocks dir or a .blk file)")
      ->required();
  sub->add_option("--out", a->out,
                  "Index directory (default: the one trace uses under --cache-dir)");
  sub->add_option("--cache-dir", a->cache_dir, "Cache root (default: ~/.cache/extortrace)");
  sub->add_flag("--rebuild", a->rebuild, "Build from scratch even if an index exists");
  sub->add_flag("--json", a->json, "Print the summary as JSON");
  return {sub, [a] { return RunIndex(*a); }};
}

}  // namespace extortrace::cli
