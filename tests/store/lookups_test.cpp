// Campaigns, the LSH index, wallet neighbours and the wallet and campaign
// lookups the server answers from, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "store_fixture.h"

namespace extortrace::store::testing {
namespace {

using StoreLookups = BackendTest;

constexpr const char* kShared = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";

TEST_P(StoreLookups, CampaignsAreCreatedAssignedMergedAndFoundByLabel) {
  auto a = s().NewCampaign(100);
  auto b = s().NewCampaign(200);
  ASSERT_TRUE(a && b);
  EXPECT_LT(a->id, b->id);
  char label[32];
  std::snprintf(label, sizeof label, "c-%06lld", static_cast<long long>(a->id));
  EXPECT_EQ(a->label, label);
  EXPECT_EQ(b->created_at, 200);
  auto m1 = s().PutScan(Record("c.mbox", 1));
  auto m2 = s().PutScan(Record("c.mbox", 2));
  auto m3 = s().PutScan(Record("c.mbox", 3));
  ASSERT_TRUE(m1 && m2 && m3);
  ASSERT_TRUE(s().AssignCampaign(*m1, a->id));
  ASSERT_TRUE(s().AssignCampaign(*m2, b->id));
  ASSERT_TRUE(s().AssignCampaign(*m3, b->id));
  auto none = s().CampaignOfMessage(*m1 + 1000);
  ASSERT_TRUE(none);
  EXPECT_FALSE(*none);
  auto of2 = s().CampaignOfMessage(*m2);
  ASSERT_TRUE(of2 && *of2);
  EXPECT_EQ(**of2, b->id);

  auto found = s().CampaignByLabel(b->label);
  ASSERT_TRUE(found && *found);
  EXPECT_EQ((*found)->id, b->id);
  EXPECT_FALSE((*found)->merged_into);
  auto missing = s().CampaignByLabel("c-999999");
  ASSERT_TRUE(missing);
  EXPECT_FALSE(*missing);

  ASSERT_TRUE(s().MergeCampaign(b->id, a->id));
  auto members = s().MessagesOfCampaign(a->id);
  ASSERT_TRUE(members);
  ASSERT_EQ(members->size(), 3u);
  EXPECT_EQ((*members)[0].id, *m1);
  EXPECT_EQ((*members)[2].id, *m3);
  auto gone = s().MessagesOfCampaign(b->id);
  ASSERT_TRUE(gone);
  EXPECT_TRUE(gone->empty());
  auto merged = s().CampaignByLabel(b->label);
  ASSERT_TRUE(merged && *merged);
  EXPECT_EQ((*merged)->merged_into, a->id);
  auto live = s().Campaigns();
  auto every = s().Campaigns(/*include_merged=*/true);
  ASSERT_TRUE(live && every);
  ASSERT_EQ(live->size(), 1u);
  EXPECT_EQ((*live)[0].id, a->id);
  EXPECT_EQ(every->size(), 2u);
  int walked = 0;
  ASSERT_TRUE(s().ForEachMessageOfCampaign(a->id, [&](const StoredMessage& m) -> Status {
    EXPECT_EQ(m.campaign_id, a->id);
    ++walked;
    return {};
  }));
  EXPECT_EQ(walked, 3);
}

TEST_P(StoreLookups, LshBucketsFindCandidatesOnceEach) {
  std::vector<int64_t> ids;
  for (uint32_t i = 0; i < 4; ++i) {
    auto id = s().PutScan(Record("l.mbox", i), "sig" + std::to_string(i));
    ASSERT_TRUE(id);
    ids.push_back(*id);
  }
  ASSERT_TRUE(s().AddLshBuckets(ids[0], {"aa", "bb", "cc"}));
  ASSERT_TRUE(s().AddLshBuckets(ids[0], {"aa", "bb", "cc"}));  // again: no duplicates
  ASSERT_TRUE(s().AddLshBuckets(ids[1], {"aa", "xx", "cc"}));  // shares bands 0 and 2
  ASSERT_TRUE(s().AddLshBuckets(ids[2], {"bb", "aa", "zz"}));  // same keys, other bands
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM lsh_buckets"), 9);

  auto c = s().LshCandidates({"aa", "yy", "cc"});
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, (std::vector<int64_t>{ids[0], ids[1]}));
  auto none = s().LshCandidates({"qq", "qq", "qq"});
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());

  auto camp = s().NewCampaign(1);
  ASSERT_TRUE(camp);
  ASSERT_TRUE(s().AssignCampaign(ids[1], camp->id));
  auto sigs = s().LshCandidateSignatures({"aa", "bb", "cc"});
  ASSERT_TRUE(sigs);
  ASSERT_EQ(sigs->size(), 2u);
  EXPECT_EQ((*sigs)[0].message, ids[0]);
  EXPECT_EQ((*sigs)[0].signature, "sig0");
  EXPECT_FALSE((*sigs)[0].campaign_id);
  EXPECT_EQ((*sigs)[1].message, ids[1]);
  EXPECT_EQ((*sigs)[1].campaign_id, camp->id);
  EXPECT_EQ((*sigs)[1].signature, "sig1");
}

TEST_P(StoreLookups, WalletNeighboursAndTheirCampaigns) {
  record::ScanRecord a = Record("w.mbox", 0), b = Record("w.mbox", 1), c = Record("w.mbox", 2),
                     d = Record("w.mbox", 3);
  a.wallets = {Wallet(kShared), Wallet("only-a")};
  b.wallets = {Wallet(kShared)};
  c.wallets = {Wallet("only-c")};
  d.wallets = {Wallet("only-a"), Wallet(kShared)};
  auto ia = s().PutScan(a), ib = s().PutScan(b), ic = s().PutScan(c), id = s().PutScan(d);
  ASSERT_TRUE(ia && ib && ic && id);
  auto n = s().WalletNeighbours(*ia);
  ASSERT_TRUE(n);
  std::sort(n->begin(), n->end());
  EXPECT_EQ(*n, (std::vector<int64_t>{*ib, *id})) << "each neighbour once, never itself";
  auto lonely = s().WalletNeighbours(*ic);
  ASSERT_TRUE(lonely);
  EXPECT_TRUE(lonely->empty());

  auto none = s().WalletNeighbourCampaigns(*ia);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty()) << "unassigned neighbours have no campaign";
  // As clustering finds them before it places a: each wallet's clustered
  // messages in one campaign. a reaches c1 through kShared (b) and c2
  // through only-a (e); d is not clustered yet.
  record::ScanRecord e = Record("w.mbox", 4);
  e.wallets = {Wallet("only-a")};
  auto ie = s().PutScan(e);
  ASSERT_TRUE(ie);
  auto c1 = s().NewCampaign(1), c2 = s().NewCampaign(2);
  ASSERT_TRUE(c1 && c2);
  ASSERT_TRUE(s().AssignCampaign(*ib, c1->id));
  ASSERT_TRUE(s().AssignCampaign(*ie, c2->id));
  auto camps = s().WalletNeighbourCampaigns(*ia);
  ASSERT_TRUE(camps);
  EXPECT_EQ(*camps, (std::vector<int64_t>{c1->id, c2->id}));
  // Its own campaign does not count: b's only other clustered holder is none.
  auto from_b = s().WalletNeighbourCampaigns(*ib);
  ASSERT_TRUE(from_b);
  EXPECT_TRUE(from_b->empty());
  ASSERT_TRUE(s().AssignCampaign(*ia, c1->id));
  from_b = s().WalletNeighbourCampaigns(*ib);
  ASSERT_TRUE(from_b);
  EXPECT_EQ(*from_b, std::vector<int64_t>{c1->id});
  auto from_c = s().WalletNeighbourCampaigns(*ic);
  ASSERT_TRUE(from_c);
  EXPECT_TRUE(from_c->empty());
}

TEST_P(StoreLookups, AFullLshBucketTakesNoMoreMembers) {
  std::vector<int64_t> ids;
  ASSERT_TRUE(s().Begin());
  for (int i = 0; i < Store::kLshBucketCap + 5; ++i) {
    auto id = s().PutScan(Record("cap.mbox", static_cast<uint32_t>(i)), "sig");
    ASSERT_TRUE(id);
    ids.push_back(*id);
    ASSERT_TRUE(s().AddLshBuckets(*id, {"same", "own" + std::to_string(i)}));
  }
  ASSERT_TRUE(s().Commit());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM lsh_buckets WHERE band = 0"), Store::kLshBucketCap);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM lsh_buckets WHERE band = 1"), Store::kLshBucketCap + 5)
      << "other buckets are not affected";
  auto c = s().LshCandidates({"same"});
  ASSERT_TRUE(c);
  ASSERT_EQ(c->size(), static_cast<size_t>(Store::kLshBucketCap));
  EXPECT_EQ(c->front(), ids.front()) << "the first members stay";
  EXPECT_EQ(c->back(), ids[Store::kLshBucketCap - 1]);
}

TEST_P(StoreLookups, MessagesByWalletAndItsSummaryUseOnlyExtortion) {
  auto c = s().NewCampaign(1);
  ASSERT_TRUE(c);
  std::vector<int64_t> ids;
  for (uint32_t i = 0; i < 6; ++i) {
    record::ScanRecord r =
        Record("x.mbox", i, i == 4 ? record::Verdict::kClean : record::Verdict::kExtortion);
    r.wallets = {Wallet(i % 2 ? "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2" : kShared)};
    if (i == 2) r.wallets.push_back(Wallet("0xabc", "ETH", "eth"));
    r.date_unix = i == 0 ? 0 : 1700000000 + i * 1000;  // message 0 is undated
    auto id = s().PutScan(r);
    ASSERT_TRUE(id);
    ids.push_back(*id);
  }
  ASSERT_TRUE(s().AssignCampaign(ids[2], c->id));

  // kShared: messages 0, 2, 4 (clean, left out).
  auto all = s().MessagesByWallet(kShared, 100);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].id, ids[0]);
  EXPECT_EQ((*all)[1].id, ids[2]);
  EXPECT_EQ((*all)[1].wallets, (std::vector<std::string>{kShared, "0xabc"}));
  EXPECT_EQ((*all)[1].campaign_id, c->id);
  auto one = s().MessagesByWallet(kShared, 1);
  ASSERT_TRUE(one);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].id, ids[0]);

  auto sum = s().SummarizeWallet(kShared);
  ASSERT_TRUE(sum);
  EXPECT_EQ(sum->messages, 2);
  EXPECT_EQ(sum->first_unix, 1700002000) << "undated messages do not count";
  EXPECT_EQ(sum->last_unix, 1700002000);
  EXPECT_EQ(sum->campaigns, std::vector<int64_t>{c->id});
  auto other = s().SummarizeWallet("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2");
  ASSERT_TRUE(other);
  EXPECT_EQ(other->messages, 3);
  EXPECT_EQ(other->first_unix, 1700001000);
  EXPECT_EQ(other->last_unix, 1700005000);
  EXPECT_TRUE(other->campaigns.empty());
  auto counted = s().CountMessagesByWallet(kShared);
  auto others = s().CountMessagesByWallet(kShared, Record("x.mbox", 2).content_hash);
  auto size = s().CampaignSize(c->id);
  ASSERT_TRUE(counted && others && size);
  EXPECT_EQ(*counted, 2);
  EXPECT_EQ(*others, 1) << "the message being explained is not counted";
  EXPECT_EQ(*size, 1);
  auto unknown = s().SummarizeWallet("nobody");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->messages, 0);
  EXPECT_EQ(unknown->first_unix, 0);
  auto empty = s().MessagesByWallet("nobody", 10);
  ASSERT_TRUE(empty);
  EXPECT_TRUE(empty->empty());
}

TEST_P(StoreLookups, LookupsUseIndexesNotTableScans) {
  if (pg()) GTEST_SKIP() << "query plans are checked on SQLite only";
  auto plan = [&](const std::string& sql) {
    std::string out;
    auto rows = s().db().Query("EXPLAIN QUERY PLAN " + sql);
    EXPECT_TRUE(rows) << rows.error().ToString();
    for (const Row& r : *rows) out += AsText(r.back()) + "\n";
    return out;
  };
  EXPECT_NE(plan("SELECT id FROM messages m WHERE m.campaign_id = 1").find("messages_campaign"),
            std::string::npos);
  EXPECT_NE(plan("DELETE FROM lsh_buckets WHERE message = 1").find("lsh_buckets_message"),
            std::string::npos);
  std::string by_wallet = plan(
      "SELECT m.id FROM wallets w JOIN message_wallets mw ON mw.wallet = w.id JOIN "
      "messages m ON m.id = mw.message WHERE w.address = 'x' AND m.verdict = 'extortion'");
  EXPECT_EQ(by_wallet.find("SCAN m"), std::string::npos) << by_wallet;
  EXPECT_EQ(by_wallet.find("SCAN messages"), std::string::npos) << by_wallet;
}

ET_INSTANTIATE_BACKENDS(StoreLookups);

}  // namespace
}  // namespace extortrace::store::testing
