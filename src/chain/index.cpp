// Index::Open and lookups over the mapped columns.
#include "chain/index.h"

#include <algorithm>
#include <utility>

namespace extortrace::chain {

Result<Index> Index::Open(const std::string& dir, const Network& net) {
  Index idx;
  idx.net_ = net;
  idx.dir_ = dir;
  auto m = ReadManifest(dir);
  if (!m) return Fail(m.error());
  idx.manifest_ = std::move(*m);
  const IndexManifest& c = idx.manifest_;
  const std::string base = dir + "/";
  for (Status s :
       {idx.blocks_.OpenRead(base + "blocks.col", c.blocks),
        idx.txs_.OpenRead(base + "txs.col", c.txs),
        idx.outputs_.OpenRead(base + "outputs.col", c.outputs),
        idx.inputs_.OpenRead(base + "inputs.col", c.inputs),
        idx.addresses_.OpenRead(base + "addresses.col", c.addresses), idx.txid_lookup_.Open(dir, c),
        idx.addr_table_.OpenRead(dir, c.table_file, c.table_slots)}) {
    if (!s) return Fail(s.error());
  }
  return idx;
}

uint64_t Index::DiskBytes() const {
  const IndexManifest& c = manifest_;
  return c.blocks * sizeof(BlockRecordCol) + c.txs * sizeof(TxRecordCol) +
         c.outputs * sizeof(OutputRecordCol) + c.inputs * sizeof(InputRecordCol) +
         c.addresses * sizeof(AddressRecordCol) + c.txs * sizeof(LookupRecordCol) +
         addr_table_.slot_count() * sizeof(AddressSlot);
}

std::optional<uint32_t> Index::FindTx(const Hash256& txid) const {
  return txid_lookup_.Find(txid, [this](uint32_t id) { return txs_.Get(id).txid; });
}

uint32_t Index::HeightOfTx(uint32_t tx) const {
  // The last block whose first_tx <= tx.
  size_t lo = 0, hi = blocks_.size();
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (blocks_.Get(mid).first_tx <= tx) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  return static_cast<uint32_t>(lo);
}

IndexedTx Index::Tx(uint32_t tx) const {
  TxRecordCol r = txs_.Get(tx);
  IndexedTx out;
  out.txid = r.txid;
  out.tx = tx;
  BlockRecordCol b = blocks_.Get(HeightOfTx(tx));
  out.height = b.height;
  out.time = b.time;
  out.first_output = r.first_output;
  out.first_input = r.first_input;
  bool last = tx + 1 >= txs_.size();
  TxRecordCol next = last ? TxRecordCol{} : txs_.Get(tx + 1);
  out.output_count = (last ? outputs_.size() : next.first_output) - r.first_output;
  out.input_count = (last ? inputs_.size() : next.first_input) - r.first_input;
  return out;
}

IndexedOutput Index::Output(uint64_t id) const {
  OutputRecordCol r = outputs_.Get(id);
  IndexedOutput out;
  out.id = id;
  out.value = r.value;
  out.address = r.address;
  // A spender past the committed txs belongs to an append still committing.
  out.spent_by_tx = r.spent_by_tx < txs_.size() ? r.spent_by_tx : kUnspent;
  // The tx owning the output: the last tx whose first_output <= id.
  size_t lo = 0, hi = txs_.size();
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (txs_.Get(mid).first_output <= id) {
      lo = mid;
    } else {
      hi = mid;
    }
  }
  // (A tx without outputs shares first_output with its successor, so the
  // last tx with first_output <= id is the owner.)
  out.tx = static_cast<uint32_t>(lo);
  out.vout = static_cast<uint32_t>(id - txs_.Get(lo).first_output);
  return out;
}

std::optional<uint64_t> Index::OutputId(const Hash256& txid, uint32_t vout) const {
  auto tx = FindTx(txid);
  if (!tx) return std::nullopt;
  IndexedTx t = Tx(*tx);
  if (vout >= t.output_count) return std::nullopt;
  return t.first_output + vout;
}

std::optional<Spender> Index::SpenderOf(uint64_t output_id) const {
  OutputRecordCol o = outputs_.Get(output_id);
  if (o.spent_by_tx == kUnspent || o.spent_by_tx >= txs_.size()) return std::nullopt;
  IndexedTx t = Tx(o.spent_by_tx);
  for (uint64_t i = 0; i < t.input_count; ++i) {
    if (inputs_.Get(t.first_input + i).spent_output == output_id) {
      return Spender{o.spent_by_tx, static_cast<uint32_t>(i)};
    }
  }
  return std::nullopt;  // unreachable for a well-formed index
}

std::optional<uint64_t> Index::SpentOutput(uint32_t tx, uint32_t input_index) const {
  IndexedTx t = Tx(tx);
  if (input_index >= t.input_count) return std::nullopt;
  uint64_t spent = inputs_.Get(t.first_input + input_index).spent_output;
  if (spent == kNoOutput) return std::nullopt;
  return spent;
}

std::optional<uint32_t> Index::FindAddressKey(const AddressKey& key) const {
  if (addr_table_.slot_count() == 0) return std::nullopt;
  return addr_table_.Find(
      key, [this](uint32_t id) { return addresses_.Get(id).key; },
      static_cast<uint32_t>(addresses_.size()));
}

std::optional<uint32_t> Index::FindAddress(std::string_view address) const {
  auto key = AddressKeyFromString(address, net_);
  if (!key) return std::nullopt;
  return FindAddressKey(*key);
}

std::vector<uint64_t> Index::OutputsOf(uint32_t address) const {
  std::vector<uint64_t> out;
  AddressRecordCol a = addresses_.Get(address);
  out.reserve(a.output_count);
  uint64_t o = a.last_output;
  // A head past the committed outputs was moved by an append that is
  // committing (or was killed before its commit): its records lead back.
  while (o != kNoOutput && o >= outputs_.size()) {
    auto r = outputs_.ReadPastEnd(o);
    if (!r) return out;  // unreachable unless the file was cut under us
    o = r->prev_same_address;
  }
  for (; o != kNoOutput && out.size() < a.output_count; o = outputs_.Get(o).prev_same_address) {
    out.push_back(o);
  }
  return out;
}

size_t Index::OutputCountOf(uint32_t address) const {
  AddressRecordCol a = addresses_.Get(address);
  // The stored count is exact unless an append in progress moved the head.
  if (a.last_output == kNoOutput || a.last_output < outputs_.size()) return a.output_count;
  return OutputsOf(address).size();
}

std::string Index::AddressString(uint32_t address) const {
  return AddressKeyToString(addresses_.Get(address).key, net_);
}

}  // namespace extortrace::chain
