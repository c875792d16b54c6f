// ChainView: what tracing needs from a block chain, whatever serves it.
//
//   OutputsOf(address)        every output paying an address (oldest first)
//   GetTx(txid)               a transaction with its inputs resolved (prevout
//                             value and address) and its block height/time
//   SpenderOf(txid, vout)     the transaction spending an output, if any
//
// Implementations: the local memory-mapped chain::Index ("blocks:DIR", built
// once into a cache directory), an Esplora REST server ("esplora:URL") and a
// Bitcoin Core node over JSON-RPC ("core:URL", which has no address index:
// its blocks are fetched over RPC into a local index, see core_rpc.h).
// Txids are hex strings in display order (as explorers show them).
//
// Not thread-safe (views cache); use one per thread. Errors name the source.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace extortrace::trace {

struct TxInput {
  std::string prev_txid;  // empty for a coinbase
  uint32_t prev_vout = 0;
  int64_t value = 0;    // of the output spent (0 if unknown)
  std::string address;  // of the output spent ("" if none / unknown)
  bool coinbase = false;
};

struct TxOutput {
  uint32_t vout = 0;
  int64_t value = 0;
  std::string address;  // "" for OP_RETURN, multisig and non-standard scripts
};

struct TxInfo {
  std::string txid;
  int64_t height = -1;  // -1: unconfirmed
  int64_t time = 0;     // block time, Unix seconds (0 if unconfirmed)
  std::vector<TxInput> inputs;
  std::vector<TxOutput> outputs;

  bool IsCoinbase() const { return inputs.size() == 1 && inputs[0].coinbase; }
  int64_t InputValue() const;
  int64_t OutputValue() const;
};

struct AddressOutput {
  std::string txid;
  uint32_t vout = 0;
  int64_t value = 0;
  int64_t height = -1;
  int64_t time = 0;
};

struct SpendRef {
  std::string txid;
  uint32_t vin = 0;
};

class ChainView {
 public:
  virtual ~ChainView() = default;
  // "blocks:/path (590 blocks)", "esplora:https://...": for messages.
  virtual std::string Describe() const = 0;
  virtual Result<std::vector<AddressOutput>> OutputsOf(std::string_view address) = 0;
  virtual Result<TxInfo> GetTx(std::string_view txid) = 0;
  virtual Result<std::optional<SpendRef>> SpenderOf(std::string_view txid, uint32_t vout) = 0;
};

struct ViewOptions {
  // Where indexes built from blocks and HTTP responses are cached
  // (default: $XDG_CACHE_HOME/extortrace or ~/.cache/extortrace).
  std::string cache_dir;
  // Esplora/Core: minimum spacing between requests, retries with backoff.
  int min_interval_ms = 100;
  int retries = 4;
  int timeout_s = 30;
  bool use_http_cache = true;
  // core: credentials "user:password" (else the cookie file is read).
  std::string rpc_auth;
  std::string rpc_cookie_file;
  // core: first height to fetch (0 = genesis); blocks are fetched up to the tip.
  int64_t core_from_height = 0;
  int64_t core_to_height = -1;  // -1: the node's tip
};

// Opens "blocks:DIR" (a blocks directory or a framed file), "esplora:URL" or
// "core:URL". Errors name the spec.
Result<std::unique_ptr<ChainView>> OpenChainView(const std::string& spec,
                                                 const ViewOptions& options = {});

// The default cache directory (see ViewOptions::cache_dir).
std::string DefaultCacheDir();

}  // namespace extortrace::trace
