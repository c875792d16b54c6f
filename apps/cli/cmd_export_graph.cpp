// extortrace export-graph --chain blocks:DIR|index:DIR --out DIR : the
// transaction graph of the chain index as CSV files (chain/index_export.h),
// for GraphSense/Spark/Neo4j on other machines.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "chain/index_export.h"
#include "commands.h"
#include "trace/chain_view.h"
#include "trace/index_view.h"

namespace extortrace::cli {

namespace {

struct ExportArgs {
  std::string chain, out, cache_dir, heights;
};

Result<chain::Index> OpenIndexSpec(const ExportArgs& a) {
  if (a.chain.rfind("index:", 0) == 0) return chain::Index::Open(a.chain.substr(6));
  if (a.chain.rfind("blocks:", 0) == 0) {
    const std::string path = a.chain.substr(7);
    auto dir = trace::BlocksIndexDir(path, a.cache_dir);
    if (!dir) return Fail(dir.error());
    return trace::UpdateBlocksIndex(path, *dir, {}, nullptr);
  }
  return Fail(Error::InvalidArgument("--chain: expected blocks:DIR or index:DIR"));
}

int RunExport(const ExportArgs& a) {
  chain::GraphExportOptions o;
  if (!a.heights.empty()) {
    const size_t colon = a.heights.find(':');
    char* end = nullptr;
    o.first_height = std::strtoll(a.heights.c_str(), &end, 10);
    if (colon == std::string::npos || end != a.heights.c_str() + colon) {
      std::fprintf(stderr, "extortrace: export-graph: --heights expects FIRST:LAST\n");
      return kExitUsage;
    }
    o.last_height = colon + 1 < a.heights.size()
                        ? std::strtoll(a.heights.c_str() + colon + 1, nullptr, 10)
                        : -1;
  }
  auto idx = OpenIndexSpec(a);
  if (!idx) {
    std::fprintf(stderr, "extortrace: export-graph: %s\n", idx.error().ToString().c_str());
    return kExitInputError;
  }
  const auto start = std::chrono::steady_clock::now();
  chain::GraphExportStats st;
  if (Status s = chain::ExportGraph(*idx, a.out, o, &st); !s) {
    std::fprintf(stderr, "extortrace: export-graph: %s\n", s.error().ToString().c_str());
    return kExitInputError;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf(
      "%s: %llu blocks, %llu txs, %llu outputs, %llu inputs, %llu addresses, %.1f MB, %.2f s\n",
      a.out.c_str(), static_cast<unsigned long long>(st.blocks),
      static_cast<unsigned long long>(st.txs), static_cast<unsigned long long>(st.outputs),
      static_cast<unsigned long long>(st.inputs), static_cast<unsigned long long>(st.addresses),
      static_cast<double>(st.bytes) / 1e6, seconds);
  return kExitOk;
}

}  // namespace

Command RegisterExportGraph(CLI::App& app) {
  auto a = std::make_shared<ExportArgs>();
  CLI::App* sub = app.add_subcommand(
      "export-graph", "Write the transaction graph as CSV for GraphSense/Spark/Neo4j");
  sub->add_option("--chain", a->chain, "blocks:DIR (indexed first, as trace does) or index:DIR")
      ->required();
  sub->add_option("--out", a->out, "Output directory for the CSV files")->required();
  sub->add_option("--cache-dir", a->cache_dir, "Cache root (default: ~/.cache/extortrace)");
  sub->add_option("--heights", a->heights, "Only blocks FIRST:LAST (LAST may be empty: the tip)");
  return {sub, [a] { return RunExport(*a); }};
}

}  // namespace extortrace::cli
