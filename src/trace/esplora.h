// ChainView over an Esplora REST API (Blockstream's electrs, mempool.space):
//   GET /address/:a/txs, then /address/:a/txs/chain/:last_seen_txid for
//   older pages (25 confirmed txs each); GET /tx/:id; GET /tx/:id/outspends.
// Txs seen in address pages are kept in memory, so GetTx rarely refetches.
// HTTP politeness, retries and the disk cache: http.h (address first pages and
// outspends are never cached on disk, since they change as blocks arrive).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "trace/chain_view.h"
#include "trace/http.h"

namespace extortrace::trace {

// Parsers for Esplora JSON (exposed for tests and fuzzing; never throw).
Result<TxInfo> ParseEsploraTx(std::string_view json);
Result<std::vector<TxInfo>> ParseEsploraTxList(std::string_view json);
Result<std::vector<std::optional<SpendRef>>> ParseEsploraOutspends(std::string_view json);

class EsploraView : public ChainView {
 public:
  static constexpr size_t kMaxPages = 400;  // 10,000 txs per address

  EsploraView(std::string base_url, HttpOptions http);
  std::string Describe() const override { return "esplora:" + base_; }
  Result<std::vector<AddressOutput>> OutputsOf(std::string_view address) override;
  Result<TxInfo> GetTx(std::string_view txid) override;
  Result<std::optional<SpendRef>> SpenderOf(std::string_view txid, uint32_t vout) override;
  const HttpClient& http() const { return http_; }

 private:
  Result<std::string> Fetch(const std::string& path, bool cache);
  std::string base_;
  HttpClient http_;
  std::unordered_map<std::string, TxInfo> txs_;
  std::unordered_map<std::string, std::vector<AddressOutput>> outputs_;
  std::unordered_map<std::string, std::vector<std::optional<SpendRef>>> outspends_;
};

}  // namespace extortrace::trace
