// Bitcoin Core over JSON-RPC ("core:http://127.0.0.1:8332").
//
// Core keeps no address index (scantxoutset sees only unspent outputs, and
// getrawtransaction needs -txindex), so tracing cannot ask it "who paid this
// address". Instead the blocks are fetched once over RPC (getblockhash,
// getblock <hash> 0 = raw bytes) into a local blk file under the cache
// directory, and indexed like blocks:DIR; later runs fetch only new blocks.
// That costs the whole chain's bytes over RPC: on the node's own machine,
// `--chain blocks:~/.bitcoin/blocks` reads the same blocks directly and is
// much faster (docs/chain.md).
//
// Credentials: ViewOptions::rpc_auth ("user:password"), else the cookie file
// (ViewOptions::rpc_cookie_file, default ~/.bitcoin/.cookie), else the URL's
// own user:password@.
#pragma once

#include <memory>
#include <string>

#include "trace/chain_view.h"
#include "trace/http.h"
#include "trace/index_view.h"

namespace extortrace::trace {

class CoreRpc {
 public:
  CoreRpc(std::string url, HttpOptions http) : url_(std::move(url)), http_(std::move(http)) {}
  // The "result" of one call as JSON text; an RPC error names the method.
  Result<std::string> Call(const std::string& method, const std::string& params_json = "[]");
  Result<int64_t> BlockCount();
  Result<std::string> BlockHash(int64_t height);
  Result<std::string> RawBlockHex(const std::string& hash);

 private:
  std::string url_;
  HttpClient http_;
  int64_t id_ = 0;
};

// Fetches blocks [from, to] (to = -1: tip) into <cache>/core-<key>/blocks and
// opens the index of what was fetched.
Result<std::unique_ptr<IndexView>> OpenCoreView(const std::string& url, const ViewOptions& options);

}  // namespace extortrace::trace
