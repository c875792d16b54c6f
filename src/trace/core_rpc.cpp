#include "trace/core_rpc.h"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "chain/block_builder.h"
#include "chain/tx.h"
#include "core/bytes.h"
#include "core/log.h"
#include "crypto/hash.h"

namespace extortrace::trace {
namespace fs = std::filesystem;
using nlohmann::json;

Result<std::string> CoreRpc::Call(const std::string& method, const std::string& params_json) {
  std::string body = fmt::format(R"({{"jsonrpc":"1.0","id":{},"method":"{}","params":{}}})", ++id_,
                                 method, params_json);
  auto r = http_.Post(url_, body, "text/plain");
  if (!r) return Fail(r.error());
  if (r->status == 401)
    return Fail(
        Error::InvalidArgument(url_ + ": RPC authorization failed (cookie or user:password)"));
  json j = json::parse(r->body, nullptr, false);
  if (j.is_discarded() || !j.is_object())
    return Fail(Error::Corrupt(fmt::format("{}: {}: HTTP {}, not JSON", url_, method, r->status)));
  auto err = j.find("error");
  if (err != j.end() && !err->is_null())
    return Fail(Error::NotFound(fmt::format("{}: {}: {}", url_, method, err->dump())));
  auto res = j.find("result");
  if (res == j.end()) return Fail(Error::Corrupt(fmt::format("{}: {}: no result", url_, method)));
  return res->dump();
}

Result<int64_t> CoreRpc::BlockCount() {
  auto r = Call("getblockcount");
  if (!r) return Fail(r.error());
  json j = json::parse(*r, nullptr, false);
  if (!j.is_number_integer()) return Fail(Error::Corrupt(url_ + ": getblockcount: not a number"));
  return j.get<int64_t>();
}

Result<std::string> CoreRpc::BlockHash(int64_t height) {
  auto r = Call("getblockhash", fmt::format("[{}]", height));
  if (!r) return Fail(r.error());
  json j = json::parse(*r, nullptr, false);
  if (!j.is_string()) return Fail(Error::Corrupt(url_ + ": getblockhash: not a string"));
  return j.get<std::string>();
}

Result<std::string> CoreRpc::RawBlockHex(const std::string& hash) {
  auto r = Call("getblock", fmt::format(R"(["{}",0])", hash));
  if (!r) return Fail(r.error());
  json j = json::parse(*r, nullptr, false);
  if (!j.is_string()) return Fail(Error::Corrupt(url_ + ": getblock: not a hex string"));
  return j.get<std::string>();
}

Result<std::unique_ptr<IndexView>> OpenCoreView(const std::string& url, const ViewOptions& o) {
  HttpOptions h;
  h.min_interval_ms = 0;  // a local node; RPC is not rate limited
  h.retries = o.retries;
  h.timeout_s = o.timeout_s;
  h.user_pwd = o.rpc_auth;
  if (h.user_pwd.empty()) {
    std::string cookie = o.rpc_cookie_file;
    if (cookie.empty()) {
      const char* home = std::getenv("HOME");
      if (home) cookie = std::string(home) + "/.bitcoin/.cookie";
    }
    auto c = cookie.empty() ? Result<std::string>(Fail(Error::NotFound("no cookie")))
                            : ReadFile(cookie, 4096);
    if (c) {
      std::string s = *c;
      while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
      h.user_pwd = s;
    }
  }
  CoreRpc rpc(url, h);
  auto tip = rpc.BlockCount();
  if (!tip) return Fail(tip.error());
  int64_t to = o.core_to_height >= 0 ? std::min(o.core_to_height, *tip) : *tip;
  int64_t from = std::max<int64_t>(0, o.core_from_height);
  auto key = crypto::Sha256(AsBytes(fmt::format("{} {}", url, from)));
  std::string dir =
      (fs::path(o.cache_dir) / ("core-" + HexEncode(ByteSpan(key.data(), 8)))).string();
  std::string blocks = dir + "/blocks";
  std::error_code ec;
  fs::create_directories(blocks, ec);
  if (ec) return Fail(Error::Io(fmt::format("{}: cannot create: {}", blocks, ec.message())));
  // Progress: "<next height> <hash of the last block fetched>".
  int64_t next = from;
  std::string last_hash;
  if (auto p = ReadFile(dir + "/fetched", 4096)) {
    std::sscanf(p->c_str(), "%ld", &next);
    auto sp = p->find(' ');
    if (sp != std::string::npos) last_hash = p->substr(sp + 1, 64);
    if (next > from) {
      auto h2 = rpc.BlockHash(next - 1);
      if (!h2 || *h2 != last_hash) {  // reorg below our tip: start over
        Log(LogLevel::kWarn, "{}: chain changed below height {}, refetching", url, next - 1);
        next = from;
        fs::remove(blocks + "/blk00000.dat", ec);
      }
    }
  } else {
    fs::remove(blocks + "/blk00000.dat", ec);
  }
  chain::IndexOptions io;
  if (from > 0) {
    auto parent = rpc.BlockHash(from - 1);
    if (!parent) return Fail(parent.error());
    auto ph = chain::HashFromHex(*parent);
    if (!ph) return Fail(Error::Corrupt(url + ": bad block hash"));
    io.root_parent = *ph;
    io.root_parent_height = from - 1;
  }
  if (next <= to) {
    std::ofstream out(blocks + "/blk00000.dat", std::ios::binary | std::ios::app);
    for (int64_t height = next; height <= to; ++height) {
      auto hash = rpc.BlockHash(height);
      if (!hash) return Fail(hash.error());
      auto hex = rpc.RawBlockHex(*hash);
      if (!hex) return Fail(hex.error());
      auto bytes = HexDecode(*hex);
      if (!bytes) return Fail(Error::Corrupt(fmt::format("{}: block {}: bad hex", url, height)));
      Bytes framed = chain::FrameBlock(*bytes);
      out.write(reinterpret_cast<const char*>(framed.data()),
                static_cast<std::streamsize>(framed.size()));
      last_hash = *hash;
      if (height % 1000 == 0) Log(LogLevel::kInfo, "{}: fetched block {}", url, height);
    }
    out.close();
    std::ofstream(dir + "/fetched") << (to + 1) << " " << last_hash << "\n";
  }
  auto view = OpenBlocksView(blocks, dir, io);
  if (!view) return Fail(view.error());
  return view;
}

}  // namespace extortrace::trace
