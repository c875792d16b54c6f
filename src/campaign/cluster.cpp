#include "campaign/cluster.h"

#include <algorithm>
#include <set>

#include "text/minhash.h"

namespace extortrace::campaign {

namespace {

// Pending messages are read in pages, each page before any of it is assigned.
constexpr size_t kPendingPage = 256;

}  // namespace

Result<ClusterResult> AssignCampaigns(store::Store& store, const ClusterOptions& options,
                                      int64_t now_unix) {
  ClusterResult result;
  Status st = store.Begin();
  if (!st) return Fail(st.error());
  auto fail = [&store](const Error& e) -> Result<ClusterResult> {
    (void)store.Rollback();
    return Fail(e);
  };
  for (int64_t after = 0;;) {
    auto pending = store.ExtortionMessagesAfter(after, kPendingPage, /*unassigned_only=*/true);
    if (!pending) return fail(pending.error());
    for (const store::StoredMessage& m : *pending) {
      after = m.id;
      std::set<int64_t> campaigns;
      text::MinHash sig;
      std::vector<std::string> buckets;
      if (!m.signature.empty() && text::MinHashFromHex(m.signature, &sig) &&
          !text::IsEmptySignature(sig)) {
        buckets = text::LshBuckets(sig);
        auto cands = store.LshCandidateSignatures(buckets);
        if (!cands) return fail(cands.error());
        text::MinHash other;
        for (const store::LshCandidate& c : *cands) {
          // Unassigned candidates have no campaign to join; a campaign already
          // joined needs no second witness.
          if (!c.campaign_id || campaigns.count(*c.campaign_id)) continue;
          if (!text::MinHashFromHex(c.signature, &other) ||
              text::EstimatedJaccard(sig, other) < options.min_jaccard) {
            continue;
          }
          campaigns.insert(*c.campaign_id);
        }
      }
      auto neighbours = store.WalletNeighbourCampaigns(m.id);
      if (!neighbours) return fail(neighbours.error());
      campaigns.insert(neighbours->begin(), neighbours->end());

      int64_t target;
      if (campaigns.empty()) {
        auto c = store.NewCampaign(now_unix);
        if (!c) return fail(c.error());
        target = c->id;
        ++result.new_campaigns;
      } else {
        target = *campaigns.begin();  // the oldest keeps its id
        for (auto it = std::next(campaigns.begin()); it != campaigns.end(); ++it) {
          if (!(st = store.MergeCampaign(*it, target))) return fail(st.error());
          ++result.merges;
        }
      }
      if (!(st = store.AssignCampaign(m.id, target))) return fail(st.error());
      if (!buckets.empty() && !(st = store.AddLshBuckets(m.id, buckets))) return fail(st.error());
      ++result.assigned;
    }
    if (pending->size() < kPendingPage) break;
  }
  if (!(st = store.Commit())) return Fail(st.error());
  return result;
}

}  // namespace extortrace::campaign
