#include "chain/index_export.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

namespace extortrace::chain {

namespace {

// A buffered output file; errors are sticky and reported by Close().
class CsvFile {
 public:
  CsvFile() = default;
  CsvFile(const CsvFile&) = delete;
  CsvFile& operator=(const CsvFile&) = delete;
  ~CsvFile() {
    if (f_ != nullptr) std::fclose(f_);
  }
  Status Open(const std::string& path, const char* header) {
    path_ = path;
    f_ = std::fopen(path.c_str(), "wb");
    if (f_ == nullptr) {
      return Fail(Error::Io(fmt::format("{}: cannot create: {}", path, std::strerror(errno))));
    }
    std::setvbuf(f_, nullptr, _IOFBF, 1 << 20);
    Line(header);
    return {};
  }
  template <typename... Args>
  void Row(fmt::format_string<Args...> f, Args&&... args) {
    buf_.clear();
    fmt::format_to(std::back_inserter(buf_), f, std::forward<Args>(args)...);
    Line(buf_);
  }
  Status Close(uint64_t* bytes) {
    if (f_ == nullptr) return {};
    const bool ok = !failed_ && std::fflush(f_) == 0 && std::ferror(f_) == 0;
    *bytes += static_cast<uint64_t>(std::ftell(f_));
    std::fclose(f_);
    f_ = nullptr;
    if (!ok) return Fail(Error::Io(fmt::format("{}: write failed", path_)));
    return {};
  }

 private:
  void Line(std::string_view s) {
    if (std::fwrite(s.data(), 1, s.size(), f_) != s.size() || std::fputc('\n', f_) == EOF) {
      failed_ = true;
    }
  }
  std::string path_;
  FILE* f_ = nullptr;
  std::string buf_;
  bool failed_ = false;
};

std::string IdOrEmpty(uint32_t address) {
  return address == kNoAddress ? std::string() : std::to_string(address);
}

}  // namespace

std::string AddressTypeName(const AddressKey& key) {
  switch (key.type) {
    case AddressType::kPubkeyHash:
      return "p2pkh";
    case AddressType::kScriptHash:
      return "p2sh";
    case AddressType::kMultisig:
      return "multisig";
    case AddressType::kWitness:
      if (key.version == 0) return key.length == 20 ? "p2wpkh" : "p2wsh";
      if (key.version == 1 && key.length == 32) return "p2tr";
      return "witness_unknown";
    case AddressType::kNone:
      break;
  }
  return "none";
}

Status ExportGraph(const Index& idx, const std::string& out_dir, const GraphExportOptions& opts,
                   GraphExportStats* stats_out) {
  GraphExportStats local;
  GraphExportStats& st = stats_out ? *stats_out : local;
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot create: {}", out_dir, ec.message())));
  CsvFile blocks, txs, outputs, inputs, addresses;
  const std::string d = out_dir + "/";
  for (Status s :
       {blocks.Open(d + "blocks.csv", "height,block_hash,timestamp,no_transactions"),
        txs.Open(d + "transactions.csv",
                 "tx_id,txid,height,timestamp,coinbase,no_inputs,no_outputs,total_input,"
                 "total_output"),
        outputs.Open(d + "outputs.csv", "tx_id,txid,vout,value,address_id,address"),
        inputs.Open(d + "inputs.csv",
                    "tx_id,txid,input_index,spent_txid,spent_vout,value,address_id"),
        addresses.Open(d + "addresses.csv", "address_id,address,address_type,no_outputs")}) {
    if (!s) return s;
  }
  const int64_t last = opts.last_height < 0 ? INT64_MAX : opts.last_height;
  for (size_t b = 0; b < idx.block_count(); ++b) {
    const BlockRecordCol blk = idx.BlockAt(b);
    if (blk.height < opts.first_height || blk.height > last) continue;
    const uint64_t end_tx =
        b + 1 < idx.block_count() ? idx.BlockAt(b + 1).first_tx : idx.tx_count();
    blocks.Row("{},{},{},{}", blk.height, HashToHex(blk.hash), blk.time, end_tx - blk.first_tx);
    ++st.blocks;
    for (uint64_t t = blk.first_tx; t < end_tx; ++t) {
      const IndexedTx tx = idx.Tx(static_cast<uint32_t>(t));
      const std::string txid = HashToHex(tx.txid);
      int64_t total_in = 0, total_out = 0;
      bool coinbase = t == blk.first_tx && tx.input_count == 1;
      for (uint32_t i = 0; i < tx.input_count; ++i) {
        auto spent = idx.SpentOutput(tx.tx, i);
        if (!spent) {
          inputs.Row("{},{},{},,,,", t, txid, i);
        } else {
          coinbase = false;
          const IndexedOutput o = idx.Output(*spent);
          total_in += o.value;
          inputs.Row("{},{},{},{},{},{},{}", t, txid, i, HashToHex(idx.Tx(o.tx).txid), o.vout,
                     o.value, IdOrEmpty(o.address));
        }
      }
      for (uint32_t v = 0; v < tx.output_count; ++v) {
        const IndexedOutput o = idx.Output(tx.first_output + v);
        total_out += o.value;
        outputs.Row("{},{},{},{},{},{}", t, txid, v, o.value, IdOrEmpty(o.address),
                    o.address == kNoAddress ? std::string() : idx.AddressString(o.address));
      }
      txs.Row("{},{},{},{},{},{},{},{},{}", t, txid, tx.height, tx.time, coinbase ? 1 : 0,
              tx.input_count, tx.output_count, total_in, total_out);
      ++st.txs;
      st.inputs += tx.input_count;
      st.outputs += tx.output_count;
    }
  }
  for (uint32_t a = 0; a < idx.address_count(); ++a) {
    const AddressKey key = idx.AddressKeyAt(a);
    addresses.Row("{},{},{},{}", a, AddressKeyToString(key, idx.network()), AddressTypeName(key),
                  idx.OutputCountOf(a));
    ++st.addresses;
  }
  for (CsvFile* f : {&blocks, &txs, &outputs, &inputs, &addresses}) {
    if (Status s = f->Close(&st.bytes); !s) return s;
  }
  return {};
}

}  // namespace extortrace::chain
