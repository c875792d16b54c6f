#include "trace/index_view.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "chain/tx.h"
#include "core/bytes.h"
#include "core/log.h"
#include "crypto/hash.h"

namespace extortrace::trace {
namespace fs = std::filesystem;

int64_t TxInfo::InputValue() const {
  int64_t v = 0;
  for (const TxInput& in : inputs) v += in.value;
  return v;
}
int64_t TxInfo::OutputValue() const {
  int64_t v = 0;
  for (const TxOutput& o : outputs) v += o.value;
  return v;
}

std::string IndexView::Describe() const {
  return fmt::format("{} ({} blocks, {} txs)", description_, index_.block_count(),
                     index_.tx_count());
}

TxInfo IndexView::TxAt(uint32_t n) const {
  chain::IndexedTx t = index_.Tx(n);
  TxInfo info;
  info.txid = chain::HashToHex(t.txid);
  info.height = t.height;
  info.time = t.time;
  info.outputs.reserve(t.output_count);
  for (uint64_t i = 0; i < t.output_count; ++i) {
    chain::IndexedOutput o = index_.Output(t.first_output + i);
    TxOutput out;
    out.vout = static_cast<uint32_t>(i);
    out.value = o.value;
    if (o.address != chain::kNoAddress) out.address = index_.AddressString(o.address);
    info.outputs.push_back(std::move(out));
  }
  info.inputs.reserve(t.input_count);
  for (uint64_t i = 0; i < t.input_count; ++i) {
    TxInput in;
    auto spent = index_.SpentOutput(n, static_cast<uint32_t>(i));
    if (!spent) {
      in.coinbase = t.input_count == 1;
    } else {
      chain::IndexedOutput o = index_.Output(*spent);
      in.prev_txid = chain::HashToHex(index_.Tx(o.tx).txid);
      in.prev_vout = o.vout;
      in.value = o.value;
      if (o.address != chain::kNoAddress) in.address = index_.AddressString(o.address);
    }
    info.inputs.push_back(std::move(in));
  }
  return info;
}

Result<std::vector<AddressOutput>> IndexView::OutputsOf(std::string_view address) {
  std::vector<AddressOutput> out;
  auto a = index_.FindAddress(address);
  if (!a) return out;
  std::vector<uint64_t> ids = index_.OutputsOf(*a);
  out.reserve(ids.size());
  for (auto it = ids.rbegin(); it != ids.rend(); ++it) {  // oldest first
    chain::IndexedOutput o = index_.Output(*it);
    chain::IndexedTx t = index_.Tx(o.tx);
    out.push_back({chain::HashToHex(t.txid), o.vout, o.value, t.height, t.time});
  }
  return out;
}

Result<TxInfo> IndexView::GetTx(std::string_view txid) {
  auto h = chain::HashFromHex(txid);
  if (!h) return Fail(Error::InvalidArgument(fmt::format("bad txid '{}'", txid)));
  auto n = index_.FindTx(*h);
  if (!n) return Fail(Error::NotFound(fmt::format("tx {} not in {}", txid, description_)));
  return TxAt(*n);
}

Result<std::optional<SpendRef>> IndexView::SpenderOf(std::string_view txid, uint32_t vout) {
  auto h = chain::HashFromHex(txid);
  if (!h) return Fail(Error::InvalidArgument(fmt::format("bad txid '{}'", txid)));
  auto id = index_.OutputId(*h, vout);
  if (!id)
    return Fail(Error::NotFound(fmt::format("output {}:{} not in {}", txid, vout, description_)));
  auto sp = index_.SpenderOf(*id);
  if (!sp) return std::optional<SpendRef>{};
  return std::optional<SpendRef>(
      SpendRef{chain::HashToHex(index_.Tx(sp->tx).txid), sp->input_index});
}

namespace {

// State of a blocks path: canonical path, each file's size and mtime.
Result<std::string> BlocksStamp(const std::string& path) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec || !fs::exists(p, ec)) return Fail(Error::NotFound(path + ": no such blocks path"));
  std::ostringstream s;
  s << p.string() << "\n";
  auto add = [&](const fs::path& f) {
    auto size = fs::file_size(f, ec);
    auto mtime = fs::last_write_time(f, ec).time_since_epoch().count();
    s << f.filename().string() << " " << size << " " << mtime << "\n";
  };
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(p, ec)) {
      std::string n = e.path().filename().string();
      if (n.rfind("blk", 0) == 0 || n == "xor.dat") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add(f);
  } else {
    add(p);
  }
  return s.str();
}

}  // namespace

Result<std::string> BlocksIndexDir(const std::string& path, const std::string& cache_dir,
                                   const chain::IndexOptions& options) {
  std::error_code ec;
  fs::path p = fs::weakly_canonical(path, ec);
  if (ec || !fs::exists(p, ec)) return Fail(Error::NotFound(path + ": no such blocks path"));
  const std::string key = p.string() + "\nroot " + chain::HashToHex(options.root_parent) + " " +
                          std::to_string(options.root_parent_height) + "\n";
  crypto::Hash256 h = crypto::Sha256(AsBytes(key));
  const std::string root = cache_dir.empty() ? DefaultCacheDir() : cache_dir;
  return (fs::path(root) / ("index-" + HexEncode(ByteSpan(h.data(), 8)))).string();
}

Result<chain::Index> UpdateBlocksIndex(const std::string& path, const std::string& dir,
                                       const chain::IndexOptions& options,
                                       chain::IndexBuildStats* stats_out) {
  chain::IndexBuildStats local;
  chain::IndexBuildStats& stats = stats_out ? *stats_out : local;
  auto stamp = BlocksStamp(path);
  if (!stamp) return Fail(stamp.error());
  const std::string stamp_file = dir + "/stamp";
  auto old = ReadFile(stamp_file, 1 << 20);
  if (old && *old == *stamp) {
    auto idx = chain::Index::Open(dir, options.net);
    if (idx) {
      stats.tip_height = idx->manifest().tip_height;
      return idx;
    }
    Log(LogLevel::kWarn, "{}: index unreadable ({}), updating", dir, idx.error().ToString());
  }
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot create: {}", dir, ec.message())));
  auto src = chain::BlockSource::Open(path, options.net);
  if (!src) return Fail(src.error());
  Log(LogLevel::kInfo, "indexing {} into {}", path, dir);
  auto idx = chain::Index::Update(*src, dir, options, &stats);
  if (!idx) {
    // Another writer (a second trace, `extortrace index`): use its last commit.
    auto committed = chain::Index::Open(dir, options.net);
    if (idx.error().code() != ErrorCode::kIo || !committed) return Fail(idx.error());
    stats.problems.push_back(idx.error());
    return committed;
  }
  if (stats.reorg_height >= 0) {
    Log(LogLevel::kWarn, "{}: chain reorganised at height {}: index rebuilt", dir,
        stats.reorg_height);
  }
  Log(LogLevel::kInfo, "{} {} blocks, {} txs, {} addresses (tip {})",
      stats.built ? "indexed" : "appended", stats.blocks, stats.txs, stats.addresses,
      stats.tip_height);
  std::ofstream(stamp_file, std::ios::binary) << *stamp;
  return idx;
}

Result<std::unique_ptr<IndexView>> OpenBlocksView(const std::string& path,
                                                  const std::string& cache_dir,
                                                  const chain::IndexOptions& options) {
  auto dir = BlocksIndexDir(path, cache_dir, options);
  if (!dir) return Fail(dir.error());
  chain::IndexBuildStats stats;
  auto idx = UpdateBlocksIndex(path, *dir, options, &stats);
  if (!idx) return Fail(idx.error());
  for (const Error& e : stats.problems) Log(LogLevel::kWarn, "{}", e.ToString());
  return std::make_unique<IndexView>(std::move(*idx), "blocks:" + path);
}

}  // namespace extortrace::trace
