#include "trace/esplora.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace extortrace::trace {
namespace {

using nlohmann::json;

int64_t Int(const json& j, const char* key, int64_t def = 0) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_number_integer()) return def;
  return it->get<int64_t>();
}
std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  if (it == j.end() || !it->is_string()) return {};
  return it->get<std::string>();
}

Result<TxInfo> TxFromJson(const json& j) {
  if (!j.is_object()) return Fail(Error::Corrupt("esplora: tx is not an object"));
  TxInfo t;
  t.txid = Str(j, "txid");
  if (t.txid.size() != 64) return Fail(Error::Corrupt("esplora: tx without a txid"));
  auto st = j.find("status");
  if (st != j.end() && st->is_object() && st->value("confirmed", false) == true) {
    t.height = Int(*st, "block_height", -1);
    t.time = Int(*st, "block_time", 0);
  }
  auto vin = j.find("vin");
  if (vin != j.end() && vin->is_array()) {
    for (const json& i : *vin) {
      if (!i.is_object()) continue;
      TxInput in;
      in.coinbase = i.value("is_coinbase", false) == true;
      if (!in.coinbase) {
        in.prev_txid = Str(i, "txid");
        in.prev_vout = static_cast<uint32_t>(Int(i, "vout"));
        auto pv = i.find("prevout");
        if (pv != i.end() && pv->is_object()) {
          in.value = Int(*pv, "value");
          in.address = Str(*pv, "scriptpubkey_address");
        }
      }
      t.inputs.push_back(std::move(in));
    }
  }
  auto vout = j.find("vout");
  if (vout != j.end() && vout->is_array()) {
    uint32_t n = 0;
    for (const json& o : *vout) {
      TxOutput out;
      out.vout = n++;
      if (o.is_object()) {
        out.value = Int(o, "value");
        out.address = Str(o, "scriptpubkey_address");
      }
      t.outputs.push_back(std::move(out));
    }
  }
  return t;
}

Result<json> ParseJson(std::string_view text) {
  json j = json::parse(text.begin(), text.end(), nullptr, false);
  if (j.is_discarded()) return Fail(Error::Corrupt("esplora: response is not JSON"));
  return j;
}

}  // namespace

Result<TxInfo> ParseEsploraTx(std::string_view text) {
  auto j = ParseJson(text);
  if (!j) return Fail(j.error());
  try {
    return TxFromJson(*j);
  } catch (const nlohmann::json::exception& e) {
    return Fail(Error::Corrupt(std::string("esplora: ") + e.what()));
  }
}

Result<std::vector<TxInfo>> ParseEsploraTxList(std::string_view text) {
  auto j = ParseJson(text);
  if (!j) return Fail(j.error());
  if (!j->is_array()) return Fail(Error::Corrupt("esplora: tx list is not an array"));
  std::vector<TxInfo> out;
  try {
    for (const json& t : *j) {
      auto tx = TxFromJson(t);
      if (!tx) return Fail(tx.error());
      out.push_back(std::move(*tx));
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(Error::Corrupt(std::string("esplora: ") + e.what()));
  }
  return out;
}

Result<std::vector<std::optional<SpendRef>>> ParseEsploraOutspends(std::string_view text) {
  auto j = ParseJson(text);
  if (!j) return Fail(j.error());
  if (!j->is_array()) return Fail(Error::Corrupt("esplora: outspends is not an array"));
  std::vector<std::optional<SpendRef>> out;
  try {
    for (const json& s : *j) {
      if (s.is_object() && s.value("spent", false) == true) {
        out.push_back(SpendRef{Str(s, "txid"), static_cast<uint32_t>(Int(s, "vin"))});
      } else {
        out.push_back(std::nullopt);
      }
    }
  } catch (const nlohmann::json::exception& e) {
    return Fail(Error::Corrupt(std::string("esplora: ") + e.what()));
  }
  return out;
}

EsploraView::EsploraView(std::string base_url, HttpOptions http)
    : base_(std::move(base_url)), http_(std::move(http)) {
  while (!base_.empty() && base_.back() == '/') base_.pop_back();
}

Result<std::string> EsploraView::Fetch(const std::string& path, bool cache) {
  auto r = http_.Get(base_ + path, cache);
  if (!r) return Fail(r.error());
  if (r->status == 404 || r->status == 400)
    return Fail(Error::NotFound(
        fmt::format("{}{}: HTTP {}: {}", base_, path, r->status, r->body.substr(0, 200))));
  if (r->status / 100 != 2)
    return Fail(Error::Io(fmt::format("{}{}: HTTP {}", base_, path, r->status)));
  return std::move(r->body);
}

Result<std::vector<AddressOutput>> EsploraView::OutputsOf(std::string_view address) {
  std::string a(address);
  if (auto it = outputs_.find(a); it != outputs_.end()) return it->second;
  std::vector<TxInfo> all;
  std::string last_seen;
  for (size_t page = 0; page < kMaxPages; ++page) {
    std::string path = "/address/" + a + "/txs";
    if (!last_seen.empty()) path += "/chain/" + last_seen;
    auto body = Fetch(path, !last_seen.empty());
    if (!body) return Fail(body.error());
    auto txs = ParseEsploraTxList(*body);
    if (!txs) return Fail(Error::Corrupt(base_ + path + ": " + txs.error().context()));
    size_t confirmed = 0;
    std::string next;
    for (TxInfo& t : *txs) {
      if (t.height >= 0) {
        ++confirmed;
        next = t.txid;
      }
      all.push_back(std::move(t));
    }
    if (confirmed == 0 || next == last_seen) break;
    last_seen = next;
    if (confirmed < 25 && page > 0) break;
  }
  std::vector<AddressOutput> outs;
  for (TxInfo& t : all) {
    for (const TxOutput& o : t.outputs)
      if (o.address == a) outs.push_back({t.txid, o.vout, o.value, t.height, t.time});
    txs_.try_emplace(t.txid, std::move(t));
  }
  // Esplora lists newest first; callers want oldest first (unconfirmed last).
  std::stable_sort(outs.begin(), outs.end(), [](const AddressOutput& x, const AddressOutput& y) {
    int64_t hx = x.height < 0 ? INT64_MAX : x.height, hy = y.height < 0 ? INT64_MAX : y.height;
    return hx < hy;
  });
  outputs_[a] = outs;
  return outs;
}

Result<TxInfo> EsploraView::GetTx(std::string_view txid) {
  std::string id(txid);
  if (auto it = txs_.find(id); it != txs_.end()) return it->second;
  auto body = Fetch("/tx/" + id, true);
  if (!body) return Fail(body.error());
  auto tx = ParseEsploraTx(*body);
  if (!tx) return Fail(Error::Corrupt(base_ + "/tx/" + id + ": " + tx.error().context()));
  txs_[id] = *tx;
  return tx;
}

Result<std::optional<SpendRef>> EsploraView::SpenderOf(std::string_view txid, uint32_t vout) {
  std::string id(txid);
  auto it = outspends_.find(id);
  if (it == outspends_.end()) {
    auto body = Fetch("/tx/" + id + "/outspends", false);
    if (!body) return Fail(body.error());
    auto s = ParseEsploraOutspends(*body);
    if (!s) return Fail(Error::Corrupt(base_ + "/tx/" + id + "/outspends: " + s.error().context()));
    it = outspends_.emplace(id, std::move(*s)).first;
  }
  if (vout >= it->second.size()) return std::optional<SpendRef>{};
  return it->second[vout];
}

}  // namespace extortrace::trace
