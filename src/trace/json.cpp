#include "trace/json.h"

#include "core/json_writer.h"

namespace extortrace::trace {

std::string FlowToJson(std::string_view address, std::string_view chain, int hops,
                       const FlowResult& flow) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("address", address);
  w.Field("chain", chain);
  w.Field("hops", hops);
  w.Field("truncated", flow.truncated);
  w.Field("start_taint_sat", flow.start_taint_sat);
  w.Key("hop_taint_sat");
  w.BeginArray();
  for (double t : flow.hop_taint_sat) w.Double(t);
  w.EndArray();
  w.Key("transactions");
  w.BeginArray();
  for (const FlowTx& t : flow.txs) {
    w.BeginObject();
    w.Field("hop", t.hop);
    w.Field("txid", t.txid);
    w.Field("height", t.height);
    w.Field("time", t.time);
    w.Field("input_sat", t.input_sat);
    w.Field("tainted_in_sat", t.tainted_in_sat);
    w.Field("tainted_sat", t.TaintedOut());
    w.Key("labels");
    w.BeginArray();
    for (const FlowOutput& o : t.outputs) {
      if (o.label.empty()) continue;
      w.BeginObject();
      w.Field("address", o.address);
      w.Field("label", o.label);
      w.Field("category", o.category);
      w.Field("tainted_sat", o.tainted_sat);
      w.EndObject();
    }
    w.EndArray();
    w.Key("outputs");
    w.BeginArray();
    for (const FlowOutput& o : t.outputs) {
      w.BeginObject();
      w.Field("vout", static_cast<int64_t>(o.vout));
      w.Field("address", o.address);
      w.Field("value", o.value);
      w.Field("tainted_sat", o.tainted_sat);
      w.Field("stopped", o.stopped);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.Key("destinations");
  w.BeginArray();
  for (const Destination& d : flow.destinations) {
    w.BeginObject();
    w.Field("address", d.address);
    w.Field("label", d.label);
    w.Field("category", d.category);
    w.Field("pack", d.pack);
    w.Field("hop", d.hop);
    w.Field("txid", d.txid);
    w.Field("tainted_sat", d.tainted_sat);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

std::string WalletToJson(std::string_view address, std::string_view chain,
                         const WalletHistory& history, const Cluster& cluster,
                         const std::vector<const Label*>& labels) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("address", address);
  w.Field("chain", chain);
  w.Field("received_sat", history.received_sat);
  w.Field("sent_sat", history.sent_sat);
  w.Field("tx_count", history.tx_count);
  w.Key("payments");
  w.BeginArray();
  for (const Payment& p : history.payments) {
    w.BeginObject();
    w.Field("txid", p.txid);
    w.Field("vout", static_cast<int64_t>(p.vout));
    w.Field("height", p.height);
    w.Field("time", p.time);
    w.Field("value", p.value_sat);
    w.Key("usd");
    if (p.usd)
      w.Double(*p.usd);
    else
      w.Null();
    w.EndObject();
  }
  w.EndArray();
  w.Field("cluster_size", static_cast<int64_t>(cluster.members.size()));
  w.Field("cluster_truncated", cluster.truncated);
  w.Key("members");
  w.BeginArray();
  for (const std::string& m : cluster.members) w.String(m);
  w.EndArray();
  w.Key("cluster_evidence");
  w.BeginArray();
  for (const ClusterLink& l : cluster.evidence) {
    w.BeginObject();
    w.Field("address", l.b);
    w.Field("via", l.a);
    w.Field("txid", l.txid);
    w.Field("rule", l.rule);
    w.EndObject();
  }
  w.EndArray();
  w.Key("labels");
  w.BeginArray();
  for (const Label* l : labels) {
    w.BeginObject();
    w.Field("label", l->label);
    w.Field("category", l->Kind());
    w.Field("actor", l->actor);
    w.Field("pack", l->pack);
    w.Field("source", l->source);
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  return out;
}

}  // namespace extortrace::trace
