// SYNTHETIC cases (hand-made txs in a FakeView): payments to a campaign
// wallet, USD valuation, demand matching, the three Paquet-Clouston filters,
// haircut taint arithmetic (caps, fee share, change back to the start,
// money coming back), labelled destinations, consolidation points,
// the change heuristic and union-find. Plus price lookups on the real
// Yahoo series and Esplora JSON parsing of recorded real responses.
#include <gtest/gtest.h>

#include "core/bytes.h"
#include "trace/cluster.h"
#include "trace/esplora.h"
#include "trace/flow.h"
#include "trace/payments.h"
#include "trace/prices.h"
#include "trace_util.h"

namespace extortrace::trace {
namespace {

constexpr int64_t kDay = 86400;
constexpr int64_t k2019_01_04 = 1546560000;  // 2019-01-04 00:00 UTC

TxInfo Tx(const std::string& id, int64_t height, std::vector<TxInput> in,
          std::vector<TxOutput> out) {
  TxInfo t;
  t.txid = id;
  t.height = height;
  t.time = k2019_01_04 + (height - 100) * kDay;
  t.inputs = std::move(in);
  t.outputs = std::move(out);
  for (uint32_t i = 0; i < t.outputs.size(); ++i) t.outputs[i].vout = i;
  return t;
}
TxInput In(const std::string& txid, uint32_t vout, int64_t value, const std::string& addr) {
  return {txid, vout, value, addr, false};
}
TxInput Coinbase() { return {"", 0, 0, "", true}; }

// victim1/victim2 pay the campaign wallets W1 and W2; the operator
// consolidates W1+W2 into C, then pays an exchange E and keeps change.
testing::FakeView Scenario() {
  testing::FakeView v;
  v.Add(Tx("f1", 100, {Coinbase()}, {{0, 100000000, "victim1"}}));
  v.Add(Tx("f2", 100, {Coinbase()}, {{0, 100000000, "victim2"}}));
  v.Add(Tx("p1", 100, {In("f1", 0, 100000000, "victim1")},
           {{0, 20000000, "W1"}, {0, 79990000, "victim1-change"}}));
  v.Add(Tx("p2", 101, {In("f2", 0, 100000000, "victim2")}, {{0, 10000000, "W2"}}));
  v.Add(Tx("c1", 102, {In("p1", 0, 20000000, "W1"), In("p2", 0, 10000000, "W2")},
           {{0, 29990000, "C"}}));
  v.Add(Tx("x1", 103, {In("c1", 0, 29990000, "C")}, {{0, 15000000, "E"}, {0, 14980000, "C2"}}));
  v.Add(Tx("x2", 104, {In("x1", 1, 14980000, "C2")}, {{0, 14970000, "M"}}));
  return v;
}

PriceTable Prices() {
  PriceTable p;
  for (int d = 0; d < 10; ++d) p.Set(DayOfUnix(k2019_01_04) + d, 4000 + 100 * d);
  return p;
}

TEST(Prices, DayArithmetic) {
  EXPECT_EQ(DayNumber("1970-01-01"), 0);
  EXPECT_EQ(DayNumber("2019-01-04"), k2019_01_04 / kDay);
  EXPECT_EQ(DayString(k2019_01_04 / kDay), "2019-01-04");
  EXPECT_EQ(DayString(DayNumber("2000-02-29").value()), "2000-02-29");
  EXPECT_FALSE(DayNumber("2019-13-01").has_value());
  EXPECT_EQ(DayOfUnix(-1), -1);
}

TEST(Prices, RealYahooSeries) {
  ET_TRACE_REQUIRE_SHARED("prices-yahoo-parsabe/BTC-USD.csv");
  auto p = PriceTable::LoadCsv(testing::SharedChainPath("prices-yahoo-parsabe/BTC-USD.csv"));
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_GE(p->size(), 2500u);
  // First row: 2014-09-17 close 457.334015.
  EXPECT_NEAR(p->UsdPerBtcOn("2014-09-17").value(), 457.334015, 1e-6);
  // Block 556,977's day (2019-01-04): a close near 3,800 USD.
  auto c = p->UsdPerBtcAt(k2019_01_04 + 3600);
  ASSERT_TRUE(c.has_value());
  EXPECT_GT(*c, 3500);
  EXPECT_LT(*c, 4100);
  EXPECT_NEAR(p->UsdOf(100000000, k2019_01_04).value(), *c, 1e-9);
  EXPECT_FALSE(p->UsdPerBtcOn("2013-01-01").has_value());  // before the series
  EXPECT_FALSE(p->UsdPerBtcOn("2030-01-01").has_value());  // more than 7 days after
}

TEST(Prices, CsvErrors) {
  EXPECT_FALSE(PriceTable::ParseCsv("a,b\n1,2\n").has_value());
  auto p = PriceTable::ParseCsv("Date,Close\n2020-01-01,null\n2020-01-02,7000\n");
  ASSERT_TRUE(p.has_value());
  EXPECT_EQ(p->size(), 1u);
  EXPECT_FALSE(p->UsdPerBtcOn("2020-01-01").has_value());
  EXPECT_NEAR(p->UsdPerBtcOn("2020-01-05").value(), 7000, 1e-9);  // gap fill
}

TEST(Prices, QuotedCsvWithCrlf) {
  auto p = PriceTable::ParseCsv(
      "\"Date\",\"Open\",\"Close\"\r\n"
      "\"2020-01-02\",\"6,900\",\"7000\"\r\n\r\n");
  ASSERT_TRUE(p.has_value()) << p.error().ToString();
  EXPECT_EQ(p->size(), 1u);
  EXPECT_NEAR(p->UsdPerBtcOn("2020-01-02").value(), 7000, 1e-9);
}

TEST(Payments, UsdAndDemandMatch) {
  auto v = Scenario();
  PriceTable prices = Prices();
  // W1 receives 0.2 BTC on 2019-01-04 at 4,000 USD = 800 USD.
  auto h = TraceWallet(v, "W1", {"W1", "W2"}, {{800, "USD"}}, &prices, {});
  ASSERT_TRUE(h.has_value());
  ASSERT_EQ(h->payments.size(), 1u);
  EXPECT_NEAR(h->payments[0].usd.value(), 800, 1e-9);
  EXPECT_TRUE(h->payments[0].matches_demand);
  EXPECT_EQ(h->received_sat, 20000000);
  EXPECT_EQ(h->sent_sat, 20000000);
  EXPECT_EQ(h->tx_count, 2);
  EXPECT_TRUE(MatchesDemand(870.0, 0, {{800, "USD"}}, 0.10));
  EXPECT_FALSE(MatchesDemand(890.0, 0, {{800, "USD"}}, 0.10));
  EXPECT_TRUE(MatchesDemand(std::nullopt, 20000000, {{0.2, "BTC"}}, 0.01));
  EXPECT_FALSE(MatchesDemand(std::nullopt, 20000000, {{800, "USD"}}, 0.5));  // no price
  EXPECT_FALSE(MatchesDemand(800.0, 0, {{800, "EUR"}}, 0.5));                // not matched
}

TEST(Payments, PaquetCloustonFilters) {
  auto v = Scenario();
  PriceTable prices = Prices();
  PaymentOptions o;
  // Filter 1: C receives only from campaign wallets: an internal move.
  auto c = TraceWallet(v, "C", {"W1", "W2", "C"}, {}, &prices, o);
  ASSERT_TRUE(c.has_value());
  ASSERT_EQ(c->payments.size(), 1u);
  EXPECT_EQ(c->payments[0].dropped_by, "campaign-input");
  EXPECT_EQ(c->kept_count(), 0);
  o.drop_campaign_inputs = false;
  c = TraceWallet(v, "C", {"W1", "W2"}, {}, &prices, o);
  EXPECT_EQ(c->kept_count(), 1);
  // Filter 3: W2 was paid by a single-output tx.
  o.drop_single_output = true;
  auto w2 = TraceWallet(v, "W2", {}, {}, &prices, o);
  EXPECT_EQ(w2->payments[0].dropped_by, "single-output");
  o.drop_single_output = false;
  // Filter 2: USD band. W2: 0.1 BTC on day 1 at 4,100 = 410 USD.
  o.usd_band = true;
  o.min_usd = 500;
  w2 = TraceWallet(v, "W2", {}, {}, &prices, o);
  EXPECT_NEAR(w2->payments[0].usd.value(), 410, 1e-9);
  EXPECT_EQ(w2->payments[0].dropped_by, "usd-band");
  o.min_usd = 100;
  w2 = TraceWallet(v, "W2", {}, {}, &prices, o);
  EXPECT_TRUE(w2->payments[0].kept());
  EXPECT_NEAR(w2->kept_usd(), 410, 1e-9);
  EXPECT_EQ(w2->kept_sat(), 10000000);
}

TEST(Flow, HaircutTaintAndLabelledStop) {
  auto v = Scenario();
  LabelSet labels;
  labels.Add("E", Label{"Some Exchange", "exchange", "", "", "", "", "synthetic"});
  labels.Add("W2", Label{"Sextortion Spam", "", "sextortion", "", "", "", "synthetic"});
  auto src = SourcesOfAddress(v, "W1");
  ASSERT_TRUE(src.has_value());
  auto f = TraceFlow(v, *src, &labels, {"W1"}, {});
  ASSERT_TRUE(f.has_value());
  ASSERT_EQ(f->txs.size(), 3u);  // c1, x1, x2
  const FlowTx& c1 = f->txs[0];
  EXPECT_EQ(c1.hop, 1);
  EXPECT_EQ(c1.txid, "c1");
  // c1 spends 0.2 tainted of 0.3 in: 2/3 of its 0.2999 output.
  EXPECT_NEAR(c1.tainted_in_sat, 20000000, 1e-6);
  EXPECT_NEAR(c1.outputs[0].tainted_sat, 29990000.0 * 2 / 3, 1e-3);
  const FlowTx& x1 = f->txs[1];
  EXPECT_EQ(x1.hop, 2);
  EXPECT_NEAR(x1.outputs[0].tainted_sat, 15000000.0 * 2 / 3, 1e-3);
  EXPECT_TRUE(x1.outputs[0].stopped);
  EXPECT_EQ(x1.outputs[0].label, "Some Exchange");
  ASSERT_EQ(f->destinations.size(), 1u);
  EXPECT_EQ(f->destinations[0].address, "E");
  EXPECT_EQ(f->destinations[0].category, "exchange");
  EXPECT_EQ(f->destinations[0].hop, 2);
  EXPECT_EQ(f->txs[2].txid, "x2");  // the unlabelled change is followed
  EXPECT_EQ(f->txs[2].hop, 3);
  // max_hops bounds the walk.
  FlowOptions o;
  o.max_hops = 1;
  f = TraceFlow(v, *src, &labels, {"W1"}, o);
  EXPECT_EQ(f->txs.size(), 1u);
}

TEST(Flow, TaintArrivingTwiceIsAdded) {
  // a pays 1 BTC to A; A's coins go to B (hop 1) and via X to B's tx (hop 2).
  testing::FakeView v;
  v.Add(Tx("s", 100, {Coinbase()}, {{0, 100, "A"}, {0, 100, "A"}}));
  v.Add(Tx("h1", 101, {In("s", 0, 100, "A")}, {{0, 100, "X"}}));
  v.Add(Tx("h2", 102, {In("s", 1, 100, "A"), In("h1", 0, 100, "X"), In("u", 0, 200, "U")},
           {{0, 400, "Y"}}));
  auto f = TraceFlow(v, {{"s", 0, 100, "A"}, {"s", 1, 100, "A"}}, nullptr, {"A"}, {});
  ASSERT_TRUE(f.has_value());
  const FlowTx* h2 = nullptr;
  for (const FlowTx& t : f->txs)
    if (t.txid == "h2") h2 = &t;
  ASSERT_NE(h2, nullptr);
  EXPECT_EQ(h2->hop, 1);
  EXPECT_NEAR(h2->tainted_in_sat, 200, 1e-9);          // 100 at hop 1 + 100 at hop 2
  EXPECT_NEAR(h2->outputs[0].tainted_sat, 200, 1e-9);  // 200/400 of 400
  EXPECT_EQ(f->hop_taint_sat, (std::vector<double>{200, 100}));
}

TEST(Flow, SplitTaintCapsInputsAndKeepsTheFeeShare) {
  // Inputs 100 + 300, outputs 250 + 140: a fee of 10.
  TxInfo t =
      Tx("t", 100, {In("a", 0, 100, "A"), In("b", 0, 300, "B")}, {{0, 250, "X"}, {0, 140, "Y"}});
  TaintSplit s = SplitTaint(t, std::vector<double>{150, 30});  // input 0 over its value
  EXPECT_EQ(s.value_in, 400);
  EXPECT_DOUBLE_EQ(s.inputs[0], 100);
  EXPECT_DOUBLE_EQ(s.inputs[1], 30);
  EXPECT_DOUBLE_EQ(s.tainted_in, 130);
  EXPECT_DOUBLE_EQ(s.outputs[0], 130.0 / 400 * 250);
  EXPECT_DOUBLE_EQ(s.outputs[1], 130.0 / 400 * 140);
  EXPECT_NEAR(s.fee, 130.0 / 400 * 10, 1e-9);
  // An input of unknown value (0): V is the outputs' sum, which bounds the
  // taint the tx accepts; the inputs are scaled down together.
  TxInfo u = Tx("u", 100, {In("a", 0, 100, "A"), In("c", 0, 0, "")}, {{0, 300, "X"}});
  s = SplitTaint(u, std::vector<double>{100, 500});
  EXPECT_EQ(s.value_in, 300);
  EXPECT_DOUBLE_EQ(s.tainted_in, 300);
  EXPECT_DOUBLE_EQ(s.inputs[0], 50);
  EXPECT_DOUBLE_EQ(s.inputs[1], 250);
  EXPECT_DOUBLE_EQ(s.outputs[0], 300);
  EXPECT_DOUBLE_EQ(s.fee, 0);
  // Missing entries are 0, negative ones ignored.
  s = SplitTaint(t, std::vector<double>{-5});
  EXPECT_EQ(s.tainted_in, 0);
  EXPECT_EQ(s.outputs, (std::vector<double>{0, 0}));
}

const FlowTx* FindTx(const FlowResult& f, const std::string& txid) {
  for (const FlowTx& t : f.txs)
    if (t.txid == txid) return &t;
  return nullptr;
}

TEST(Flow, ChangeBackToTheStartIsCountedOnce) {
  // A is paid 100 by a victim, then spends it in three txs, each sending its
  // change back to A; s2 adds 31 of someone else's (U).
  testing::FakeView v;
  v.Add(Tx("v", 100, {Coinbase()}, {{0, 1000, "V"}}));
  v.Add(Tx("p", 101, {In("v", 0, 1000, "V")}, {{0, 100, "A"}, {0, 900, "V2"}}));
  v.Add(Tx("s1", 102, {In("p", 0, 100, "A")}, {{0, 30, "H1"}, {0, 69, "A"}}));
  v.Add(Tx("u", 102, {Coinbase()}, {{0, 31, "U"}}));
  v.Add(Tx("s2", 103, {In("s1", 1, 69, "A"), In("u", 0, 31, "U")}, {{0, 50, "H2"}, {0, 49, "A"}}));
  v.Add(Tx("s3", 104, {In("s2", 1, 49, "A")}, {{0, 49, "H3"}}));
  auto src = SourcesOfAddress(v, "A");
  ASSERT_TRUE(src.has_value());
  ASSERT_EQ(src->size(), 3u);  // the payment and two change outputs
  auto f = TraceFlow(v, *src, nullptr, {"A"}, {});
  ASSERT_TRUE(f.has_value());
  testing::ExpectTaintWithinValue(*f, 169, "change");
  EXPECT_DOUBLE_EQ(f->start_taint_sat, 100);  // the change is not a payment
  ASSERT_EQ(f->txs.size(), 3u);
  for (const FlowTx& t : f->txs) EXPECT_EQ(t.hop, 1) << t.txid;  // change is no hop
  const FlowTx* s2 = FindTx(*f, "s2");
  ASSERT_NE(s2, nullptr);
  EXPECT_DOUBLE_EQ(s2->tainted_in_sat, 69);  // was 138: start payment + carried over
  EXPECT_DOUBLE_EQ(s2->outputs[0].tainted_sat, 69.0 / 100 * 50);
  const FlowTx* s3 = FindTx(*f, "s3");
  ASSERT_NE(s3, nullptr);
  EXPECT_DOUBLE_EQ(s3->tainted_in_sat, 69.0 / 100 * 49);  // the haircut share, not all 49
  // All of A's 100 left: to H1, H2, H3 and the fees.
  double paid = 0, fees = 0;
  for (const FlowTx& t : f->txs) {
    fees += t.tainted_in_sat - t.TaintedOut();
    for (const FlowOutput& o : t.outputs)
      if (o.address != "A") paid += o.tainted_sat;
  }
  EXPECT_NEAR(paid + fees, 100, 1e-9);
  EXPECT_EQ(f->hop_taint_sat, (std::vector<double>{100}));
}

TEST(Flow, MoneyBackThroughAnotherAddressIsNotTaintedTwice) {
  // A -> X -> A: the coins coming back are a payment to A (their tx spends
  // no starting output), and taint arriving on them later finds them full.
  testing::FakeView v;
  v.Add(Tx("v", 100, {Coinbase()}, {{0, 100, "V"}}));
  v.Add(Tx("p", 101, {In("v", 0, 100, "V")}, {{0, 100, "A"}}));
  v.Add(Tx("s1", 102, {In("p", 0, 100, "A")}, {{0, 100, "X"}}));
  v.Add(Tx("s2", 103, {In("s1", 0, 100, "X")}, {{0, 99, "A"}}));
  v.Add(Tx("s3", 104, {In("s2", 0, 99, "A")}, {{0, 99, "H"}}));
  auto src = SourcesOfAddress(v, "A");
  auto f = TraceFlow(v, *src, nullptr, {"A"}, {});
  ASSERT_TRUE(f.has_value());
  testing::ExpectTaintWithinValue(*f, 199, "cycle");
  EXPECT_DOUBLE_EQ(f->start_taint_sat, 199);
  const FlowTx* s2 = FindTx(*f, "s2");
  const FlowTx* s3 = FindTx(*f, "s3");
  ASSERT_TRUE(s2 && s3);
  EXPECT_EQ(s2->hop, 2);
  EXPECT_DOUBLE_EQ(s2->outputs[0].tainted_sat, 99);
  EXPECT_EQ(s3->hop, 1);
  EXPECT_DOUBLE_EQ(s3->tainted_in_sat, 99);  // not 99 + 99
  EXPECT_EQ(f->hop_taint_sat, (std::vector<double>{199, 100}));
}

TEST(Flow, ConsolidationPoints) {
  auto v = Scenario();
  std::vector<FlowResult> flows;
  for (const char* w : {"W1", "W2"}) {
    auto src = SourcesOfAddress(v, w);
    flows.push_back(*TraceFlow(v, *src, nullptr, {w}, {}));
  }
  auto c = FindConsolidations({{"W1", &flows[0]}, {"W2", &flows[1]}});
  ASSERT_FALSE(c.empty());
  EXPECT_EQ(c[0].address, "C");
  EXPECT_EQ(c[0].sources, (std::vector<std::string>{"W1", "W2"}));
  EXPECT_EQ(c[0].min_hop, 1);
  EXPECT_NEAR(c[0].tainted_sat, 29990000, 1e-3);
  EXPECT_TRUE(FindConsolidations({{"W1", &flows[0]}}).empty());
}

TEST(Cluster, UnionFindBySizeWithCompression) {
  UnionFind uf;
  for (int i = 0; i < 8; ++i) uf.Add();
  EXPECT_TRUE(uf.Union(0, 1));
  EXPECT_TRUE(uf.Union(2, 3));
  EXPECT_TRUE(uf.Union(1, 3));
  EXPECT_FALSE(uf.Union(0, 2));
  EXPECT_EQ(uf.SizeOf(3), 4u);
  EXPECT_EQ(uf.Find(0), uf.Find(2));
  EXPECT_NE(uf.Find(0), uf.Find(4));
  EXPECT_EQ(uf.SizeOf(7), 1u);
}

TEST(Cluster, MultiInputAndChangeHeuristic) {
  auto v = Scenario();
  // W1 and W2 are spent together in c1.
  auto c = ClusterOf(v, "W1");
  ASSERT_TRUE(c.has_value());
  EXPECT_EQ(c->members, (std::vector<std::string>{"W1", "W2"}));
  // x1 pays E (fresh) and C2 (fresh): no change guess; victim1's p1 pays
  // W1 (fresh) and victim1-change (fresh): none either.
  auto x1 = v.GetTx("x1");
  EXPECT_FALSE(IsLikelyChange(v, *x1, 1).value());
  // A spender paying a reused address and a fresh one: the fresh one is change.
  v.Add(Tx("r1", 105, {In("x2", 0, 14970000, "M")}, {{0, 5000000, "E"}, {0, 9960000, "M2"}}));
  auto r1 = v.GetTx("r1");
  EXPECT_TRUE(IsLikelyChange(v, *r1, 1).value());
  EXPECT_FALSE(IsLikelyChange(v, *r1, 0).value());
  ClusterOptions o;
  o.change_heuristic = true;
  c = ClusterOf(v, "M", o);
  EXPECT_EQ(c->members, (std::vector<std::string>{"M", "M2"}));
  EXPECT_EQ(c->evidence[0].rule, "change");
  o.change_heuristic = false;
  EXPECT_EQ(ClusterOf(v, "M", o)->members.size(), 1u);
}

TEST(Esplora, ParsesRecordedRealResponses) {
  ET_TRACE_REQUIRE_SHARED("esplora-mempool-fixtures/tx01_api_cached.json");
  auto text = ReadFile(testing::SharedChainPath("esplora-mempool-fixtures/tx01_api_cached.json"));
  auto t = ParseEsploraTx(*text);
  ASSERT_TRUE(t.has_value()) << t.error().ToString();
  EXPECT_EQ(t->txid.size(), 64u);
  EXPECT_EQ(t->height, -1);  // recorded unconfirmed
  ASSERT_FALSE(t->inputs.empty());
  EXPECT_FALSE(t->inputs[0].address.empty());
  EXPECT_GT(t->inputs[0].value, 0);
  bool taproot = false;
  for (const TxOutput& o : t->outputs) taproot = taproot || o.address.rfind("bc1p", 0) == 0;
  EXPECT_TRUE(taproot);
  for (const char* f : {"tx02_api_tx.json", "mainnet_tx_cached.json"}) {
    auto s = ReadFile(testing::SharedChainPath(std::string("esplora-mempool-fixtures/") + f));
    ASSERT_TRUE(s.has_value());
    auto x = ParseEsploraTx(*s);
    ASSERT_TRUE(x.has_value()) << f;
    EXPECT_GT(x->InputValue(), x->OutputValue()) << f;  // fee
  }
}

TEST(Esplora, ParsesOutspendsAndRejectsGarbage) {
  auto s = ParseEsploraOutspends(
      R"([{"spent":false},{"spent":true,"txid":"ab","vin":3,"status":{"confirmed":true}}])");
  ASSERT_TRUE(s.has_value());
  ASSERT_EQ(s->size(), 2u);
  EXPECT_FALSE((*s)[0].has_value());
  EXPECT_EQ((*s)[1]->txid, "ab");
  EXPECT_EQ((*s)[1]->vin, 3u);
  EXPECT_FALSE(ParseEsploraTx("{").has_value());
  EXPECT_FALSE(ParseEsploraTx("[]").has_value());
  EXPECT_FALSE(ParseEsploraTx(R"({"txid":"short"})").has_value());
  EXPECT_FALSE(ParseEsploraTxList(R"({"a":1})").has_value());
  auto weird = ParseEsploraTx(
      R"({"txid":"0000000000000000000000000000000000000000000000000000000000000000","vin":[1,{"prevout":7}],"vout":["x",{"value":"1"}]})");
  ASSERT_TRUE(weird.has_value());
  EXPECT_EQ(weird->outputs.size(), 2u);
}

}  // namespace
}  // namespace extortrace::trace
