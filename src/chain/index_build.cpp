// Index::Build: source pass (order), block pass (columns), lookup, manifest.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "chain/block.h"
#include "chain/index.h"
#include "chain/index_writer.h"

namespace extortrace::chain {

namespace fs = std::filesystem;

namespace detail {

// Blocks of the scan that are not on the chain (stale, orphans), newest kept.
std::vector<PendingBlock> PendingOf(const BlockSource& src, const ScannedBlocks& scan,
                                    const ChainOrder& order) {
  std::vector<uint32_t> idx(order.stale);
  idx.insert(idx.end(), order.orphans.begin(), order.orphans.end());
  std::sort(idx.begin(), idx.end());
  if (idx.size() > kMaxPendingBlocks) idx.erase(idx.begin(), idx.end() - kMaxPendingBlocks);
  std::vector<PendingBlock> out;
  out.reserve(idx.size());
  for (uint32_t i : idx) {
    const HeaderEntry& h = scan.headers[i];
    const BlockLocation& l = scan.locations[i];
    out.push_back(
        {h.hash, h.prev_hash, h.bits, BaseName(src.files()[l.file_index].path), l.offset, l.size});
  }
  return out;
}

// Removes files of an earlier state that no manifest names (lookup segments,
// a half-written table growth, undo and marker files).
void RemoveStrayFiles(const std::string& dir, const IndexManifest* m) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) {
    const std::string n = e.path().filename().string();
    const bool generational = n.rfind("txid.", 0) == 0 || n.rfind("addr.", 0) == 0;
    const bool named =
        m != nullptr && (n == m->txid_main || n == m->txid_delta || n == m->table_file);
    if ((generational && !named) || n == "MANIFEST.tmp" || n == "append.undo.tmp") {
      fs::remove(e.path(), ec);
    }
  }
}

}  // namespace detail

Result<Index> Index::Build(BlockSource& src, const std::string& dir, const IndexOptions& opts,
                           IndexBuildStats* stats_out) {
  IndexBuildStats local;
  IndexBuildStats& stats = stats_out ? *stats_out : local;
  stats.built = true;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot create: {}", dir, ec.message())));
  detail::DirLock lock;
  if (Status s = lock.Acquire(dir); !s) return Fail(s.error());
  // Without a manifest the directory holds no index until the build commits.
  fs::remove(dir + "/" + kManifestName, ec);
  fs::remove(dir + "/append.undo", ec);
  fs::remove(dir + "/append.dirty", ec);
  detail::RemoveStrayFiles(dir, nullptr);

  // Pass 1: headers and locations, in file order.
  detail::ScannedBlocks scan;
  if (Status s = detail::ScanBlocks(
          src, opts.net, 0, 0, [](const Hash256&) { return true; }, stats, &scan);
      !s) {
    return Fail(s.error());
  }
  ChainOrder order = OrderChain(scan.headers, opts.root_parent, opts.root_parent_height);
  stats.stale = order.stale.size();
  stats.orphans = order.orphans.size();

  // Pass 2: blocks in height order.
  detail::IndexWriter w(stats);
  if (Status s = w.Create(dir); !s) return Fail(s.error());
  IndexManifest m;
  m.root_parent = m.tip = opts.root_parent;
  m.root_parent_height = m.tip_height = opts.root_parent_height;
  Block block;
  for (size_t i = 0; i < order.best.size(); ++i) {
    const uint32_t height = static_cast<uint32_t>(order.first_height + static_cast<int64_t>(i));
    if (Status s = w.AddBlockAt(src, scan.locations[order.best[i]], height, &block); !s) {
      return Fail(s.error());
    }
    m.tip = block.hash;
    m.tip_height = height;
  }
  stats.blocks = w.blocks();
  stats.txs = w.txs();
  stats.outputs = w.outputs();
  stats.inputs = w.inputs();
  stats.addresses = w.addresses();
  stats.tip_height = m.tip_height;
  m.generation = 1;
  w.SetCounts(&m);
  detail::SetScanPosition(src, scan, &m);
  m.pending = detail::PendingOf(src, scan, order);
  if (Status s = WriteTxidLookup(dir, IndexManifest{}, std::move(w.new_lookup()),
                                 opts.txid_delta_limit, &m);
      !s) {
    return Fail(s.error());
  }
  if (Status s = w.Sync(); !s) return Fail(s.error());
  if (Status s = w.Close(); !s) return Fail(s.error());
  if (Status s = WriteManifest(dir, m); !s) return Fail(s.error());
  detail::RemoveStrayFiles(dir, &m);  // tables outgrown during the build
  return Open(dir, opts.net);
}

}  // namespace extortrace::chain
