// JSON for trace results, as `extortrace flow --json` and `extortrace wallet
// --json` print them (docs/chain.md). The shapes are a contract: scripts read
// them, so fields are only ever added.
//
// Pure functions; the result has no trailing newline.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "trace/cluster.h"
#include "trace/flow.h"
#include "trace/labels.h"
#include "trace/payments.h"

namespace extortrace::trace {

// {address, chain, hops, truncated, start_taint_sat, hop_taint_sat:[taint
// reaching hop 1, 2...], transactions:[{hop, txid, height, time,
// input_sat, tainted_in_sat, tainted_sat, labels:[{address, label, category,
// tainted_sat}], outputs:[{vout, address, value, tainted_sat, stopped}]}],
// destinations:[{address, label, category, pack, hop, txid, tainted_sat}]}
// for the flow out of `address` followed `hops` hops on `chain` (a
// ChainView::Describe() text).
std::string FlowToJson(std::string_view address, std::string_view chain, int hops,
                       const FlowResult& flow);

// {address, chain, received_sat, sent_sat, tx_count, payments:[{txid, vout,
// height, time, value, usd}], cluster_size, cluster_truncated, members:[...],
// cluster_evidence:[{address, via, txid, rule}], labels:[{label, category,
// actor, pack, source}]} for one wallet; usd is null without a price. The
// label pointers must be valid for the call.
std::string WalletToJson(std::string_view address, std::string_view chain,
                         const WalletHistory& history, const Cluster& cluster,
                         const std::vector<const Label*>& labels);

}  // namespace extortrace::trace
