// Campaign clustering: extortion messages that share a template or a wallet
// belong to one campaign.
//
// Incremental and stable. Messages not yet in a campaign are taken in store
// order; each one joins the campaigns of (a) earlier messages whose template
// signature (text/minhash.h) is estimated at least `min_jaccard` similar,
// found through the LSH buckets, and (b) earlier messages that name one of its
// wallets. No match: a new campaign. Several matches: the campaigns are merged
// into the oldest (union-find on campaign ids, so an id, once given, only
// disappears by being merged into an older one that stays).
//
// Memory is bounded by a page of pending messages and the LSH candidates of
// one message: signatures are read from the store per candidate, never all
// at once. Runs in one transaction (rolled back on failure, so a failed run
// leaves every message unassigned for the next one). Work per message is
// bounded by the store, not by the corpus: at most kLshBands x kLshBucketCap
// LSH candidates (store.h caps each bucket) and one indexed query per wallet
// (WalletNeighbourCampaigns relies on the invariant this clusterer keeps:
// the clustered messages naming one wallet share one campaign).
#pragma once

#include <cstdint>

#include "core/result.h"
#include "store/store.h"

namespace extortrace::campaign {

struct ClusterOptions {
  double min_jaccard = 0.5;
};

struct ClusterResult {
  uint64_t assigned = 0;  // messages given a campaign in this run
  uint64_t new_campaigns = 0;
  uint64_t merges = 0;
};

Result<ClusterResult> AssignCampaigns(store::Store& store, const ClusterOptions& options,
                                      int64_t now_unix);

}  // namespace extortrace::campaign
