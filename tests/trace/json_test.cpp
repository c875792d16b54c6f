// The JSON that `flow --json` and `wallet --json` print, byte for byte.
#include "trace/json.h"

#include <gtest/gtest.h>

namespace extortrace::trace {
namespace {

TEST(TraceJson, FlowShape) {
  FlowResult f;
  FlowTx t;
  t.hop = 1;
  t.txid = "aa";
  t.height = 100;
  t.time = 1546560000;
  t.input_sat = 3000;
  t.tainted_in_sat = 1500;
  FlowOutput plain;
  plain.vout = 0;
  plain.address = "1Plain";
  plain.value = 1000;
  plain.tainted_sat = 500;
  FlowOutput exchange;
  exchange.vout = 1;
  exchange.address = "1Exch";
  exchange.value = 2000;
  exchange.tainted_sat = 1000;
  exchange.label = "binance.com";
  exchange.category = "exchange";
  exchange.stopped = true;
  t.outputs = {plain, exchange};
  f.txs.push_back(t);
  f.destinations.push_back({"1Exch", "binance.com", "exchange", "pack\"1", "aa", 1, 1000.5});
  f.truncated = true;
  f.start_taint_sat = 2000;
  f.hop_taint_sat = {1500, 250.5};
  EXPECT_EQ(FlowToJson("1Src", "blocks:/b", 6, f),
            R"({"address":"1Src","chain":"blocks:/b","hops":6,"truncated":true,)"
            R"("start_taint_sat":2000,"hop_taint_sat":[1500,250.5],"transactions":[)"
            R"({"hop":1,"txid":"aa","height":100,"time":1546560000,"input_sat":3000,)"
            R"("tainted_in_sat":1500,"tainted_sat":1500,"labels":[{"address":"1Exch",)"
            R"("label":"binance.com","category":"exchange","tainted_sat":1000}],"outputs":[)"
            R"({"vout":0,"address":"1Plain","value":1000,"tainted_sat":500,"stopped":false},)"
            R"({"vout":1,"address":"1Exch","value":2000,"tainted_sat":1000,"stopped":true}]}],)"
            R"("destinations":[{"address":"1Exch","label":"binance.com","category":"exchange",)"
            R"("pack":"pack\"1","hop":1,"txid":"aa","tainted_sat":1000.5}]})");
  EXPECT_EQ(FlowToJson("1Src", "x", 0, FlowResult{}),
            R"({"address":"1Src","chain":"x","hops":0,"truncated":false,"start_taint_sat":0,)"
            R"("hop_taint_sat":[],"transactions":[],)"
            R"("destinations":[]})");
}

TEST(TraceJson, WalletShape) {
  WalletHistory h;
  h.received_sat = 5000;
  h.sent_sat = 2000;
  h.tx_count = 3;
  Payment priced;
  priced.txid = "bb";
  priced.vout = 2;
  priced.height = 7;
  priced.time = 86400;
  priced.value_sat = 4000;
  priced.usd = 150.25;
  Payment unpriced = priced;
  unpriced.txid = "cc";
  unpriced.usd.reset();
  h.payments = {priced, unpriced};
  Cluster c;
  c.members = {"1A", "1B"};
  c.evidence.push_back({"1A", "1B", "dd", "multi-input"});
  Label l;
  l.label = "Sextortion Spam";
  l.abuse = "sextortion";
  l.actor = "x";
  l.pack = "p";
  l.source = "s";
  EXPECT_EQ(WalletToJson("1A", "esplora:u", h, c, {&l}),
            R"({"address":"1A","chain":"esplora:u","received_sat":5000,"sent_sat":2000,)"
            R"("tx_count":3,"payments":[{"txid":"bb","vout":2,"height":7,"time":86400,)"
            R"("value":4000,"usd":150.25},{"txid":"cc","vout":2,"height":7,"time":86400,)"
            R"("value":4000,"usd":null}],"cluster_size":2,"cluster_truncated":false,)"
            R"("members":["1A","1B"],"cluster_evidence":[{"address":"1B","via":"1A",)"
            R"("txid":"dd","rule":"multi-input"}],"labels":[{"label":"Sextortion Spam",)"
            R"("category":"sextortion","actor":"x","pack":"p","source":"s"}]})");
}

}  // namespace
}  // namespace extortrace::trace
