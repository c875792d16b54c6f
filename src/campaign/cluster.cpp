#include "campaign/cluster.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "text/minhash.h"

namespace extortrace::campaign {

Result<ClusterResult> AssignCampaigns(store::Store& store, const ClusterOptions& options,
                                      int64_t now_unix) {
  ClusterResult result;
  auto pending = store.ExtortionMessages(/*unassigned_only=*/true);
  if (!pending) return Fail(pending.error());
  if (pending->empty()) return result;

  // Signatures of every clustered message, for verifying LSH candidates.
  auto all = store.ExtortionMessages(/*unassigned_only=*/false);
  if (!all) return Fail(all.error());
  std::unordered_map<int64_t, text::MinHash> signatures;
  for (const store::StoredMessage& m : *all) {
    text::MinHash sig;
    if (!m.signature.empty() && text::MinHashFromHex(m.signature, &sig)) signatures[m.id] = sig;
  }

  Status st = store.Begin();
  if (!st) return Fail(st.error());
  for (const store::StoredMessage& m : *pending) {
    std::set<int64_t> campaigns;
    auto sig_it = signatures.find(m.id);
    std::vector<std::string> buckets;
    if (sig_it != signatures.end() && !text::IsEmptySignature(sig_it->second)) {
      buckets = text::LshBuckets(sig_it->second);
      auto cands = store.LshCandidates(buckets);
      if (!cands) return Fail(cands.error());
      for (int64_t c : *cands) {
        auto other = signatures.find(c);
        if (other == signatures.end() ||
            text::EstimatedJaccard(sig_it->second, other->second) < options.min_jaccard) {
          continue;
        }
        auto camp = store.CampaignOfMessage(c);
        if (!camp) return Fail(camp.error());
        if (*camp) campaigns.insert(**camp);
      }
    }
    auto neighbours = store.WalletNeighbours(m.id);
    if (!neighbours) return Fail(neighbours.error());
    for (int64_t n : *neighbours) {
      auto camp = store.CampaignOfMessage(n);
      if (!camp) return Fail(camp.error());
      if (*camp) campaigns.insert(**camp);
    }

    int64_t target;
    if (campaigns.empty()) {
      auto c = store.NewCampaign(now_unix);
      if (!c) return Fail(c.error());
      target = c->id;
      ++result.new_campaigns;
    } else {
      target = *campaigns.begin();  // the oldest keeps its id
      for (auto it = std::next(campaigns.begin()); it != campaigns.end(); ++it) {
        if (!(st = store.MergeCampaign(*it, target))) return Fail(st.error());
        ++result.merges;
      }
    }
    if (!(st = store.AssignCampaign(m.id, target))) return Fail(st.error());
    if (!buckets.empty() && !(st = store.AddLshBuckets(m.id, buckets))) return Fail(st.error());
    ++result.assigned;
  }
  if (!(st = store.Commit())) return Fail(st.error());
  return result;
}

}  // namespace extortrace::campaign
