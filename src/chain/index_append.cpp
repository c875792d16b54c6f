// Index::Append and Index::Update: incremental indexing of new blocks.
//
// Commit protocol (one per batch of opts.commit_blocks blocks):
//   1. new records are already in the columns, past the committed counts;
//   2. the txid lookup of the next generation is written to new files;
//   3. the old values of the committed records about to change (spent-by of
//      old outputs, list heads of old addresses) go to append.undo (temp
//      file, fsync, rename: it exists only when complete);
//   4. those changes are applied to the mapped columns, everything is synced;
//   5. MANIFEST is replaced (the commit point); append.undo is removed.
// append.dirty marks a run in progress. Recovery (start of the next Append):
// apply append.undo if its generation is still the manifest's, truncate the
// columns to the manifest counts, drop address-table slots of uncommitted ids
// (address_table.h), delete unnamed lookup files.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <unordered_set>

#include "chain/block.h"
#include "chain/index.h"
#include "chain/index_writer.h"
#include "core/bytes.h"

namespace extortrace::chain {

namespace fs = std::filesystem;

namespace detail {
std::vector<PendingBlock> PendingOf(const BlockSource& src, const ScannedBlocks& scan,
                                    const ChainOrder& order);
void RemoveStrayFiles(const std::string& dir, const IndexManifest* m);
}  // namespace detail

namespace {

constexpr char kUndoMagic[8] = {'E', 'T', 'U', 'N', 'D', 'O', '1', 0};

template <typename T>
void Put(std::string* s, const T& v) {
  s->append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool Take(std::string_view* s, T* v) {
  if (s->size() < sizeof *v) return false;
  std::memcpy(v, s->data(), sizeof *v);
  s->remove_prefix(sizeof *v);
  return true;
}

Status WriteUndo(const std::string& dir, uint64_t generation, const detail::IndexWriter& w) {
  std::string s(kUndoMagic, sizeof kUndoMagic);
  Put(&s, generation);
  Put(&s, static_cast<uint64_t>(w.staged_outputs().size()));
  Put(&s, static_cast<uint64_t>(w.staged_addresses().size()));
  for (const auto& [id, r] : w.staged_outputs()) {
    Put(&s, id);
    Put(&s, w.CommittedOutput(id));
  }
  for (const auto& [id, r] : w.staged_addresses()) {
    Put(&s, id);
    Put(&s, w.CommittedAddress(id));
  }
  const std::string tmp = dir + "/append.undo.tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(s.data(), static_cast<std::streamsize>(s.size()));
    if (!out.flush()) return Fail(Error::Io(tmp + ": cannot write"));
  }
  if (Status st = detail::SyncFile(tmp); !st) return st;
  std::error_code ec;
  fs::rename(tmp, dir + "/append.undo", ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot rename: {}", tmp, ec.message())));
  return {};
}

// Restores the committed records an interrupted commit had changed.
Status ApplyUndo(const std::string& dir, const IndexManifest& m, bool* applied) {
  const std::string path = dir + "/append.undo";
  auto text = ReadFile(path);
  if (!text) return {};
  std::string_view in(*text);
  char magic[8];
  uint64_t gen = 0, n_out = 0, n_addr = 0;
  if (!Take(&in, &magic) || std::memcmp(magic, kUndoMagic, 8) != 0 || !Take(&in, &gen) ||
      !Take(&in, &n_out) || !Take(&in, &n_addr)) {
    return Fail(Error::Corrupt(path + ": bad header"));
  }
  if (gen == m.generation) {  // the manifest was not replaced: roll back
    MappedColumn<OutputRecordCol> outputs;
    MappedColumn<AddressRecordCol> addresses;
    if (Status s = outputs.OpenWrite(dir + "/outputs.col"); !s) return s;
    if (Status s = addresses.OpenWrite(dir + "/addresses.col"); !s) return s;
    for (uint64_t i = 0; i < n_out; ++i) {
      uint64_t id;
      OutputRecordCol r;
      if (!Take(&in, &id) || !Take(&in, &r) || id >= m.outputs) {
        return Fail(Error::Corrupt(path + ": bad output entry"));
      }
      outputs.Set(id, r);
    }
    for (uint64_t i = 0; i < n_addr; ++i) {
      uint32_t id;
      AddressRecordCol r;
      if (!Take(&in, &id) || !Take(&in, &r) || id >= m.addresses) {
        return Fail(Error::Corrupt(path + ": bad address entry"));
      }
      addresses.Set(id, r);
    }
    if (Status s = outputs.Sync(); !s) return s;
    if (Status s = addresses.Sync(); !s) return s;
    *applied = true;
  }
  std::error_code ec;
  fs::remove(path, ec);
  return {};
}

// Everything that must happen before appending: see the file comment.
Status Recover(const std::string& dir, const IndexManifest& m, IndexBuildStats& stats) {
  bool undone = false;
  if (Status s = ApplyUndo(dir, m, &undone); !s) return s;
  std::error_code ec;
  const bool dirty = fs::exists(dir + "/append.dirty", ec);
  stats.recovered = undone || dirty;
  if (stats.recovered) {
    // Opening for append truncates the columns and cleans the table.
    detail::IndexWriter w(stats);
    if (Status s = w.OpenAppend(dir, m, /*drop_uncommitted=*/true); !s) return s;
    if (Status s = w.Close(); !s) return s;
  }
  detail::RemoveStrayFiles(dir, &m);
  fs::remove(dir + "/append.dirty", ec);
  return {};
}

// Where to resume reading: the file and offset of the manifest, if that
// file is in the source and its check block still reads back unchanged.
bool FindResume(BlockSource& src, const IndexManifest& m, uint32_t* file, uint64_t* offset) {
  if (m.scan_file.empty()) return false;
  for (uint32_t i = 0; i < src.files().size(); ++i) {
    if (detail::BaseName(src.files()[i].path) != m.scan_file) continue;
    std::error_code ec;
    if (fs::file_size(src.files()[i].path, ec) < m.scan_offset || ec) return false;
    if (m.scan_check_size > 0) {
      auto data = src.ReadBlock({i, m.scan_check_offset, m.scan_check_size});
      if (!data || data->size() < 80 || BlockHashOf(*data) != m.scan_check_hash) return false;
    }
    *file = i;
    *offset = m.scan_offset;
    return true;
  }
  return false;
}

struct Committer {
  const std::string& dir;
  const IndexOptions& opts;
  IndexManifest& m;  // the committed state, advanced by Commit()
  detail::IndexWriter& w;
  TxidLookup& lookup;
  int commits = 0;

  Status Commit(const IndexManifest& next_fields) {
    IndexManifest next = next_fields;
    next.generation = m.generation + 1;
    w.SetCounts(&next);
    if (Status s = WriteTxidLookup(dir, m, std::move(w.new_lookup()), opts.txid_delta_limit, &next);
        !s) {
      return s;
    }
    if (w.staged() > 0) {
      if (Status s = WriteUndo(dir, m.generation, w); !s) return s;
    }
    w.ApplyStaged();
    if (Status s = w.Sync(); !s) return s;
    if (commits++ == opts.test_fail_before_commit) {
      return Fail(Error::Internal(dir + ": stopped before the commit (test)"));
    }
    if (Status s = WriteManifest(dir, next); !s) return s;
    std::error_code ec;
    fs::remove(dir + "/append.undo", ec);
    if (m.txid_main != next.txid_main) fs::remove(dir + "/" + m.txid_main, ec);
    if (!m.txid_delta.empty() && m.txid_delta != next.txid_delta) {
      fs::remove(dir + "/" + m.txid_delta, ec);
    }
    m = std::move(next);
    w.Rebase();
    return lookup.Open(dir, m);
  }
};

}  // namespace

Result<Index> Index::Append(BlockSource& src, const std::string& dir, const IndexOptions& opts,
                            IndexBuildStats* stats_out) {
  IndexBuildStats local;
  IndexBuildStats& stats = stats_out ? *stats_out : local;
  detail::DirLock lock;
  if (Status s = lock.Acquire(dir); !s) return Fail(s.error());
  auto manifest = ReadManifest(dir);
  if (!manifest) return Fail(manifest.error());
  IndexManifest m = std::move(*manifest);
  if (Status s = Recover(dir, m, stats); !s) return Fail(s.error());

  // Indexed blocks by hash (48 bytes a block on disk; ~60 MB of RAM at 900k).
  std::unordered_map<Hash256, uint32_t, detail::TxidHash> known;
  {
    MappedColumn<BlockRecordCol> blocks;
    if (Status s = blocks.OpenRead(dir + "/blocks.col", m.blocks); !s) return Fail(s.error());
    known.reserve(blocks.size());
    for (size_t i = 0; i < blocks.size(); ++i)
      known.emplace(blocks.Get(i).hash, blocks.Get(i).height);
  }

  // Pass 1: blocks seen earlier but not connected, then the source.
  detail::ScannedBlocks scan;
  std::unordered_set<Hash256, detail::TxidHash> seen;
  for (const PendingBlock& p : m.pending) {
    for (uint32_t i = 0; i < src.files().size(); ++i) {
      if (detail::BaseName(src.files()[i].path) == p.file && !known.count(p.hash) &&
          seen.insert(p.hash).second) {
        scan.headers.push_back({p.hash, p.prev, p.bits});
        scan.locations.push_back({i, p.offset, p.size});
        break;
      }
    }
  }
  uint32_t first_file = 0;
  uint64_t skip_until = 0;
  stats.resumed = FindResume(src, m, &first_file, &skip_until);
  auto keep = [&](const Hash256& h) { return !known.count(h) && seen.insert(h).second; };
  if (Status s = detail::ScanBlocks(src, opts.net, first_file, skip_until, keep, stats, &scan);
      !s) {
    return Fail(s.error());
  }
  ChainOrder order = OrderChain(scan.headers, m.tip, m.tip_height);
  const int64_t new_tip_height = m.tip_height + static_cast<int64_t>(order.best.size());

  // A branch forking below the tip: stale unless it outgrows the new tip.
  std::unordered_set<Hash256, detail::TxidHash> fork_roots;
  for (uint32_t i : order.orphans) {
    const Hash256& prev = scan.headers[i].prev_hash;
    auto k = known.find(prev);
    if (k == known.end() || prev == m.tip || !fork_roots.insert(prev).second) continue;
    ChainOrder fork = OrderChain(scan.headers, prev, k->second);
    const int64_t fork_tip =
        static_cast<int64_t>(k->second) + static_cast<int64_t>(fork.best.size());
    if (fork_tip > new_tip_height) {
      stats.reorg_height = static_cast<int64_t>(k->second) + 1;
      return Fail(Error::Unsupported(fmt::format(
          "{}: the chain reorganised at height {} (a branch of {} blocks replaces the indexed "
          "tip at {}): rebuild the index",
          dir, stats.reorg_height, fork.best.size(), m.tip_height)));
    }
    stats.stale += fork.best.size();
  }
  stats.orphans = order.orphans.size() - std::min(order.orphans.size(), stats.stale);
  stats.stale += order.stale.size();

  IndexManifest final_fields = m;
  detail::SetScanPosition(src, scan, &final_fields);
  final_fields.pending = detail::PendingOf(src, scan, order);
  stats.tip_height = m.tip_height;
  if (order.best.empty()) {  // tip unchanged
    if (FormatManifest(final_fields) != FormatManifest(m)) {
      final_fields.generation = m.generation + 1;
      if (Status s = WriteManifest(dir, final_fields); !s) return Fail(s.error());
    }
    return Open(dir, opts.net);
  }

  std::ofstream(dir + "/append.dirty") << m.generation << "\n";
  detail::IndexWriter w(stats);
  if (Status s = w.OpenAppend(dir, m); !s) return Fail(s.error());
  TxidLookup lookup;
  if (Status s = lookup.Open(dir, m); !s) return Fail(s.error());
  w.set_committed(&lookup);
  Committer c{dir, opts, m, w, lookup, 0};
  const size_t start_txs = w.txs(), start_outputs = w.outputs(), start_inputs = w.inputs(),
               start_addresses = w.addresses();
  IndexManifest batch_fields = m;  // intermediate commits keep the old scan position
  size_t batch_blocks = 0, batch_start_txs = w.txs();
  Block block;
  for (size_t i = 0; i < order.best.size(); ++i) {
    const uint32_t height = static_cast<uint32_t>(order.first_height + static_cast<int64_t>(i));
    if (Status s = w.AddBlockAt(src, scan.locations[order.best[i]], height, &block); !s) {
      return Fail(s.error());
    }
    batch_fields.tip = block.hash;
    batch_fields.tip_height = height;
    ++batch_blocks;
    const bool last = i + 1 == order.best.size();
    if (last) {
      final_fields.tip = block.hash;
      final_fields.tip_height = height;
      if (Status s = c.Commit(final_fields); !s) return Fail(s.error());
    } else if (batch_blocks >= opts.commit_blocks || w.txs() - batch_start_txs >= opts.commit_txs) {
      if (Status s = c.Commit(batch_fields); !s) return Fail(s.error());
      batch_blocks = 0;
      batch_start_txs = w.txs();
    }
  }
  stats.blocks = order.best.size();
  stats.txs = w.txs() - start_txs;
  stats.outputs = w.outputs() - start_outputs;
  stats.inputs = w.inputs() - start_inputs;
  stats.addresses = w.addresses() - start_addresses;
  stats.tip_height = m.tip_height;
  if (Status s = w.Close(); !s) return Fail(s.error());
  detail::RemoveStrayFiles(dir, &m);  // outgrown address tables
  std::error_code ec;
  fs::remove(dir + "/append.dirty", ec);
  return Open(dir, opts.net);
}

Result<Index> Index::Update(BlockSource& src, const std::string& dir, const IndexOptions& opts,
                            IndexBuildStats* stats_out) {
  IndexBuildStats local;
  IndexBuildStats& stats = stats_out ? *stats_out : local;
  auto m = ReadManifest(dir);
  if (m && m->root_parent == opts.root_parent && m->root_parent_height == opts.root_parent_height) {
    auto idx = Append(src, dir, opts, &stats);
    if (idx) return idx;
    // Rebuild after a reorganisation or when the index cannot be read;
    // anything else (a second writer, a full disk) is the caller's to see.
    const ErrorCode code = idx.error().code();
    if (stats.reorg_height < 0 && code != ErrorCode::kCorrupt && code != ErrorCode::kNotFound) {
      return idx;
    }
    const int64_t reorg = stats.reorg_height;
    stats = IndexBuildStats{};
    stats.reorg_height = reorg;
  }
  return Build(src, dir, opts, &stats);
}

}  // namespace extortrace::chain
