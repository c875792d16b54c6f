// IndexWriter (records), DirLock and the source pass shared by Build and Append.
#include "chain/index_writer.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace extortrace::chain::detail {

#define ET_TRY(expr)               \
  do {                             \
    if (Status s_ = (expr); !s_) { \
      return Fail(s_.error());     \
    }                              \
  } while (0)

Status IndexWriter::Create(const std::string& dir) {
  const std::string base = dir + "/";
  ET_TRY(blocks_.Create(base + "blocks.col"));
  ET_TRY(txs_.Create(base + "txs.col"));
  ET_TRY(outputs_.Create(base + "outputs.col"));
  ET_TRY(inputs_.Create(base + "inputs.col"));
  ET_TRY(addresses_.Create(base + "addresses.col"));
  return address_ids_.Create(dir);
}

Status IndexWriter::OpenAppend(const std::string& dir, const IndexManifest& m,
                               bool drop_uncommitted) {
  const std::string base = dir + "/";
  ET_TRY(blocks_.OpenWrite(base + "blocks.col", m.blocks));
  ET_TRY(txs_.OpenWrite(base + "txs.col", m.txs));
  ET_TRY(outputs_.OpenWrite(base + "outputs.col", m.outputs));
  ET_TRY(inputs_.OpenWrite(base + "inputs.col", m.inputs));
  ET_TRY(addresses_.OpenWrite(base + "addresses.col", m.addresses));
  ET_TRY(address_ids_.OpenWrite(dir, m.table_file, m.table_slots,
                                static_cast<uint32_t>(m.addresses), drop_uncommitted));
  Rebase();
  return {};
}

OutputRecordCol IndexWriter::GetOutput(uint64_t id) const {
  if (id < base_outputs_) {
    if (auto it = staged_outputs_.find(id); it != staged_outputs_.end()) return it->second;
  }
  return outputs_.Get(id);
}
void IndexWriter::SetOutput(uint64_t id, const OutputRecordCol& r) {
  if (id < base_outputs_) {
    staged_outputs_[id] = r;
  } else {
    outputs_.Set(id, r);
  }
}
AddressRecordCol IndexWriter::GetAddress(uint32_t id) const {
  if (id < base_addresses_) {
    if (auto it = staged_addresses_.find(id); it != staged_addresses_.end()) return it->second;
  }
  return addresses_.Get(id);
}
void IndexWriter::SetAddress(uint32_t id, const AddressRecordCol& r) {
  if (id < base_addresses_) {
    staged_addresses_[id] = r;
  } else {
    addresses_.Set(id, r);
  }
}

Status IndexWriter::AddBlock(const Block& b, uint32_t height) {
  ET_TRY(blocks_.Append({b.hash, height, b.header.time, txs_.size()}));
  for (size_t i = 0; i < b.txs().size(); ++i) {
    ET_TRY(AddTx(b, b.txs()[i], i == 0 && b.arena.IsCoinbase(b.txs()[i])));
  }
  return {};
}

Status IndexWriter::AddBlockAt(BlockSource& src, const BlockLocation& loc, uint32_t height,
                               Block* block) {
  ET_TRY(ReadChainBlock(src, loc, height, block));
  return AddBlock(*block, height);
}

Status IndexWriter::AddTx(const Block& b, const Tx& tx, bool coinbase) {
  const uint32_t tx_no = static_cast<uint32_t>(txs_.size());
  Hash256 txid = ComputeTxid(tx, &scratch_);
  ET_TRY(txs_.Append({txid, outputs_.size(), inputs_.size()}));
  auto txid_at = [this](uint32_t t) { return txs_.Get(t).txid; };
  for (const TxIn& in : b.arena.Inputs(tx)) {
    uint64_t spent = kNoOutput;
    if (!coinbase) {
      std::optional<uint32_t> prev_tx;
      auto it = unspent_.find(in.PrevTxid());
      if (it != unspent_.end()) {
        prev_tx = it->second.tx;
      } else if (committed_ != nullptr) {
        prev_tx = committed_->Find(in.PrevTxid(), txid_at);
      }
      if (prev_tx) {
        const uint64_t first = txs_.Get(*prev_tx).first_output;
        const uint64_t end =
            *prev_tx + 1 < txs_.size() ? txs_.Get(*prev_tx + 1).first_output : outputs_.size();
        if (first + in.prev_index < end) {
          spent = first + in.prev_index;
          OutputRecordCol o = GetOutput(spent);
          if (o.spent_by_tx == kUnspent) {
            o.spent_by_tx = tx_no;
            SetOutput(spent, o);
            if (it != unspent_.end() && --it->second.remaining == 0) unspent_.erase(it);
          }
        }
      }
      if (spent == kNoOutput) ++stats_.unresolved_inputs;
    }
    ET_TRY(inputs_.Append({spent}));
  }
  uint32_t n_out = 0;
  for (const TxOut& out : b.arena.Outputs(tx)) {
    OutputRecordCol rec{out.value, kNoAddress, kUnspent, kNoOutput};
    if (auto key = AddressKeyOfScript(out.script_pubkey)) {
      const uint32_t next = static_cast<uint32_t>(addresses_.size());
      auto found = address_ids_.FindOrInsert(
          *key, next, [this](uint32_t id) { return addresses_.Get(id).key; });
      if (!found) return Fail(found.error());
      const uint32_t id = found->first;
      if (found->second) {
        ET_TRY(addresses_.Append({*key, kNoOutput, 0}));
      }
      AddressRecordCol a = GetAddress(id);
      rec.address = id;
      rec.prev_same_address = a.last_output;
      a.last_output = outputs_.size();
      ++a.output_count;
      SetAddress(id, a);
    }
    ET_TRY(outputs_.Append(rec));
    ++n_out;
  }
  // Provably unspendable outputs stay in the map; they just never get spent.
  if (n_out > 0) unspent_[txid] = {tx_no, n_out};  // BIP-30 duplicates: the later tx wins
  new_lookup_.push_back({TxidFingerprint(txid), tx_no});
  return {};
}

void IndexWriter::SetCounts(IndexManifest* m) const {
  m->blocks = blocks_.size();
  m->txs = txs_.size();
  m->outputs = outputs_.size();
  m->inputs = inputs_.size();
  m->addresses = addresses_.size();
  m->table_file = address_ids_.file();
  m->table_slots = address_ids_.slot_count();
}

void IndexWriter::ApplyStaged() {
  for (const auto& [id, r] : staged_outputs_) outputs_.Set(id, r);
  for (const auto& [id, r] : staged_addresses_) addresses_.Set(id, r);
}

Status IndexWriter::Sync() {
  ET_TRY(blocks_.Sync());
  ET_TRY(txs_.Sync());
  ET_TRY(outputs_.Sync());
  ET_TRY(inputs_.Sync());
  ET_TRY(addresses_.Sync());
  return address_ids_.Sync();
}

void IndexWriter::Rebase() {
  base_outputs_ = outputs_.size();
  base_addresses_ = static_cast<uint32_t>(addresses_.size());
  staged_outputs_.clear();
  staged_addresses_.clear();
  unspent_.clear();
  new_lookup_.clear();
}

Status IndexWriter::Close() {
  ET_TRY(address_ids_.Close());
  ET_TRY(blocks_.Close());
  ET_TRY(txs_.Close());
  ET_TRY(outputs_.Close());
  ET_TRY(inputs_.Close());
  return addresses_.Close();
}

DirLock::~DirLock() {
  if (fd_ >= 0) ::close(fd_);  // releases the flock
}

Status DirLock::Acquire(const std::string& dir) {
  const std::string path = dir + "/LOCK";
  fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0) return Fail(Error::Io(fmt::format("{}: cannot open: {}", path, strerror(errno))));
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    return Fail(Error::Io(fmt::format("{}: another process is writing this index", dir)));
  }
  return {};
}

Status SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Fail(Error::Io(fmt::format("{}: cannot open: {}", path, strerror(errno))));
  const bool ok = ::fsync(fd) == 0;
  ::close(fd);
  if (!ok) return Fail(Error::Io(path + ": cannot fsync"));
  return {};
}

std::string BaseName(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

Status ScanBlocks(BlockSource& src, const Network& net, uint32_t first_file, uint64_t skip_until,
                  const std::function<bool(const Hash256&)>& keep, IndexBuildStats& stats,
                  ScannedBlocks* out) {
  // A source over the files from first_file on, so earlier files are not read.
  std::vector<BlockSource::File> files(src.files().begin() + first_file, src.files().end());
  BlockSource sub = BlockSource::FromFiles(std::move(files), src.xor_key(), net);
  BlockRecord rec;
  Block block;
  while (true) {
    Result<bool> r = sub.Next(&rec);
    if (!r) {
      // Problems before the resume point were reported by an earlier run.
      const Error& e = r.error();
      const bool old = skip_until > 0 && e.has_offset() && e.offset() < skip_until &&
                       e.context().rfind(src.files()[first_file].path, 0) == 0;
      if (!old) stats.problems.push_back(e);
      continue;
    }
    if (!*r) break;
    BlockLocation loc = rec.location;
    loc.file_index += first_file;
    if (loc.file_index == first_file && loc.offset < skip_until) continue;
    out->any_frame = true;
    out->end_file = loc.file_index;
    out->end_offset = loc.offset + loc.size;
    ++stats.blocks_read;
    // Blocks are parsed (not hashed: parsing runs at GB/s) so that a corrupt
    // block is reported here and left out of the ordering; its descendants
    // then count as orphans.
    if (Status s = ParseBlock(rec.data, &block); !s) {
      const Error& e = s.error();
      const uint64_t at = loc.offset + (e.has_offset() ? e.offset() : 0);
      stats.problems.push_back(
          Error(e.code(),
                fmt::format("{}: block skipped: {}", src.files()[loc.file_index].path, e.context()),
                static_cast<size_t>(at)));
      continue;
    }
    out->any_block = true;
    out->last_hash = block.hash;
    out->last_location = loc;
    if (!keep(block.hash)) continue;
    out->headers.push_back({block.hash, block.header.prev_hash, block.header.bits});
    out->locations.push_back(loc);
  }
  return {};
}

Status ReadChainBlock(BlockSource& src, const BlockLocation& loc, uint32_t height, Block* block) {
  Result<ByteSpan> data = src.ReadBlock(loc);
  if (!data) return Fail(data.error());
  if (Status s = ParseBlock(*data, block); !s) {
    const Error& e = s.error();
    return Fail(Error(e.code(),
                      fmt::format("{} (block at height {} in {})", e.context(), height,
                                  src.files()[loc.file_index].path),
                      e.offset()));
  }
  return {};
}

void SetScanPosition(const BlockSource& src, const ScannedBlocks& scan, IndexManifest* m) {
  if (!scan.any_frame) return;  // nothing read: the old position stands
  m->scan_file = BaseName(src.files()[scan.end_file].path);
  m->scan_offset = scan.end_offset;
  if (scan.any_block && scan.last_location.file_index == scan.end_file) {
    m->scan_check_hash = scan.last_hash;
    m->scan_check_offset = scan.last_location.offset;
    m->scan_check_size = scan.last_location.size;
  } else {
    m->scan_check_hash = {};
    m->scan_check_offset = 0;
    m->scan_check_size = 0;
  }
}

}  // namespace extortrace::chain::detail
