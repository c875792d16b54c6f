// Index::Build: header pass (order), block pass (columns), lookup tables.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <unordered_map>

#include "chain/address_table.h"
#include "chain/block.h"
#include "chain/index.h"

namespace extortrace::chain {

namespace {

struct TxidHash {
  size_t operator()(const Hash256& h) const {
    size_t v;
    std::memcpy(&v, h.data(), sizeof v);
    return v;
  }
};

uint64_t TxidFingerprint(const Hash256& h) {
  uint64_t v;
  std::memcpy(&v, h.data(), sizeof v);
  return v;
}

// A tx with unspent outputs: its number and how many outputs remain unspent.
struct Unspent {
  uint32_t tx;
  uint32_t remaining;
};

struct Builder {
  const IndexOptions& opts;
  IndexBuildStats& stats;
  MappedColumn<BlockRecordCol> blocks;
  MappedColumn<TxRecordCol> txs;
  MappedColumn<OutputRecordCol> outputs;
  MappedColumn<InputRecordCol> inputs;
  MappedColumn<AddressRecordCol> addresses;
  std::unordered_map<Hash256, Unspent, TxidHash> unspent;
  AddressTable address_ids;
  std::vector<uint8_t> scratch;

  Status AddBlock(const Block& b, uint32_t height);
  Status AddTx(const Block& b, const Tx& tx, bool coinbase);
};

#define ET_TRY(expr)               \
  do {                             \
    if (Status s_ = (expr); !s_) { \
      return Fail(s_.error());     \
    }                              \
  } while (0)

Status Builder::AddBlock(const Block& b, uint32_t height) {
  ET_TRY(blocks.Append({b.hash, height, b.header.time, txs.size()}));
  for (size_t i = 0; i < b.txs().size(); ++i) {
    ET_TRY(AddTx(b, b.txs()[i], i == 0 && b.arena.IsCoinbase(b.txs()[i])));
  }
  return {};
}

Status Builder::AddTx(const Block& b, const Tx& tx, bool coinbase) {
  const uint32_t tx_no = static_cast<uint32_t>(txs.size());
  Hash256 txid = ComputeTxid(tx, &scratch);
  ET_TRY(txs.Append({txid, outputs.size(), inputs.size()}));
  for (const TxIn& in : b.arena.Inputs(tx)) {
    uint64_t spent = kNoOutput;
    if (!coinbase) {
      auto it = unspent.find(in.PrevTxid());
      if (it != unspent.end()) {
        TxRecordCol prev = txs.Get(it->second.tx);
        uint64_t end = it->second.tx + 1 < txs.size() ? txs.Get(it->second.tx + 1).first_output
                                                      : outputs.size();
        if (prev.first_output + in.prev_index < end) {
          spent = prev.first_output + in.prev_index;
          OutputRecordCol o = outputs.Get(spent);
          if (o.spent_by_tx == kUnspent) {
            o.spent_by_tx = tx_no;
            outputs.Set(spent, o);
            if (--it->second.remaining == 0) unspent.erase(it);
          }
        }
      }
      if (spent == kNoOutput) ++stats.unresolved_inputs;
    }
    ET_TRY(inputs.Append({spent}));
  }
  uint32_t n_out = 0;
  for (const TxOut& out : b.arena.Outputs(tx)) {
    OutputRecordCol rec{out.value, kNoAddress, kUnspent, kNoOutput};
    if (auto key = AddressKeyOfScript(out.script_pubkey)) {
      const uint32_t next = static_cast<uint32_t>(addresses.size());
      auto found = address_ids.FindOrInsert(*key, next,
                                            [this](uint32_t id) { return addresses.Get(id).key; });
      if (!found) return Fail(found.error());
      const uint32_t id = found->first;
      if (found->second) {
        ET_TRY(addresses.Append({*key, kNoOutput, 0}));
      }
      AddressRecordCol a = addresses.Get(id);
      rec.address = id;
      rec.prev_same_address = a.last_output;
      a.last_output = outputs.size();
      ++a.output_count;
      addresses.Set(id, a);
    }
    ET_TRY(outputs.Append(rec));
    ++n_out;
  }
  // Provably unspendable outputs stay in the map; they just never get spent.
  if (n_out > 0) unspent[txid] = {tx_no, n_out};  // BIP-30 duplicates: the later tx wins
  return {};
}

template <typename Rec, typename KeyFn>
Status WriteLookup(const MappedColumn<Rec>& col, KeyFn key, const std::string& path) {
  std::vector<LookupRecordCol> v(col.size());
  for (size_t i = 0; i < col.size(); ++i) v[i] = {key(col.Get(i)), static_cast<uint32_t>(i)};
  std::sort(v.begin(), v.end(), [](const LookupRecordCol& a, const LookupRecordCol& b) {
    return a.fingerprint != b.fingerprint ? a.fingerprint < b.fingerprint : a.id < b.id;
  });
  MappedColumn<LookupRecordCol> out;
  ET_TRY(out.Create(path));
  for (const auto& r : v) ET_TRY(out.Append(r));
  return out.Close();
}

}  // namespace

Result<Index> Index::Build(BlockSource& src, const std::string& dir, const IndexOptions& opts,
                           IndexBuildStats* stats_out) {
  IndexBuildStats local;
  IndexBuildStats& stats = stats_out ? *stats_out : local;
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot create: {}", dir, ec.message())));

  // Pass 1: headers and locations, in file order. Blocks are parsed (not
  // hashed: parsing runs at GB/s) so that a corrupt block is reported here and
  // left out of the ordering; its descendants then count as orphans.
  std::vector<HeaderEntry> headers;
  std::vector<BlockLocation> locations;
  BlockRecord rec;
  Block block;
  while (true) {
    Result<bool> r = src.Next(&rec);
    if (!r) {
      stats.problems.push_back(r.error());
      continue;
    }
    if (!*r) break;
    if (Status s = ParseBlock(rec.data, &block); !s) {
      const Error& e = s.error();
      const uint64_t at = rec.location.offset + (e.has_offset() ? e.offset() : 0);
      stats.problems.push_back(
          Error(e.code(),
                fmt::format("{}: block skipped: {}", src.files()[rec.location.file_index].path,
                            e.context()),
                static_cast<size_t>(at)));
      continue;
    }
    headers.push_back({block.hash, block.header.prev_hash, block.header.bits});
    locations.push_back(rec.location);
  }
  ChainOrder order = OrderChain(headers, opts.root_parent, opts.root_parent_height);
  stats.stale = order.stale.size();
  stats.orphans = order.orphans.size();

  // Pass 2: blocks in height order.
  Builder b{opts, stats, {}, {}, {}, {}, {}, {}, {}, {}};
  const std::string base = dir + "/";
  ET_TRY(b.blocks.Create(base + "blocks.col"));
  ET_TRY(b.txs.Create(base + "txs.col"));
  ET_TRY(b.outputs.Create(base + "outputs.col"));
  ET_TRY(b.inputs.Create(base + "inputs.col"));
  ET_TRY(b.addresses.Create(base + "addresses.col"));
  ET_TRY(b.address_ids.Create(base + "addr.table"));
  for (size_t i = 0; i < order.best.size(); ++i) {
    const uint32_t height = static_cast<uint32_t>(order.first_height + static_cast<int64_t>(i));
    Result<ByteSpan> data = src.ReadBlock(locations[order.best[i]]);
    if (!data) return Fail(data.error());
    if (Status s = ParseBlock(*data, &block); !s) {
      // A block on the best chain that does not parse breaks the chain: stop.
      const Error& e = s.error();
      return Fail(Error(e.code(),
                        fmt::format("{} (block at height {} in {})", e.context(), height,
                                    src.files()[locations[order.best[i]].file_index].path),
                        e.offset()));
    }
    ET_TRY(b.AddBlock(block, height));
  }
  stats.blocks = b.blocks.size();
  stats.txs = b.txs.size();
  stats.outputs = b.outputs.size();
  stats.inputs = b.inputs.size();
  stats.addresses = b.addresses.size();
  ET_TRY(WriteLookup(
      b.txs, [](const TxRecordCol& t) { return TxidFingerprint(t.txid); }, base + "txid.lookup"));
  ET_TRY(b.address_ids.Close());
  ET_TRY(b.blocks.Close());
  ET_TRY(b.txs.Close());
  ET_TRY(b.outputs.Close());
  ET_TRY(b.inputs.Close());
  ET_TRY(b.addresses.Close());
  return Open(dir, opts.net);
}

}  // namespace extortrace::chain
