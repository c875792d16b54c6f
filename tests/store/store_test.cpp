// Messages in the store: migrations, idempotent and replacing PutScan, keys
// for resuming, transactions, paging, and odd bytes, on SQLite and PostgreSQL.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "store/schema.h"
#include "store_fixture.h"

namespace extortrace::store::testing {
namespace {

using StoreMessages = BackendTest;

TEST_P(StoreMessages, MigrationsRunOnceAndReopeningIsANoOp) {
  EXPECT_EQ(Scalar("SELECT MAX(version) FROM schema_version"), kSchemaVersion);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM schema_version"), kSchemaVersion);
  ASSERT_TRUE(s().PutScan(Record("a.eml", 0)));
  Reopen();
  Reopen();
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM schema_version"), kSchemaVersion);
  auto n = s().MessageCount();
  ASSERT_TRUE(n);
  EXPECT_EQ(*n, 1);
}

TEST_P(StoreMessages, AStoreFromANewerVersionIsRefused) {
  ASSERT_TRUE(s().db().Exec("INSERT INTO schema_version (version) VALUES ($1)",
                            {int64_t{kSchemaVersion + 1}}));
  store_.reset();
  auto again = Store::Open(url_);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().code(), ErrorCode::kUnsupported);
  EXPECT_NE(again.error().context().find("upgrade"), std::string::npos);
}

TEST_P(StoreMessages, TheSameRecordTwiceIsOneRowWithItsWalletsLinkedOnce) {
  record::ScanRecord r = Record("corpus/a.mbox", 3);
  r.wallets = {Wallet("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"),
               Wallet("0x52908400098527886E0F7030069857D2E4169EE7", "ETH", "eth")};
  auto first = s().PutScan(r, "ab");
  auto second = s().PutScan(r, "ab");
  ASSERT_TRUE(first && second);
  EXPECT_EQ(*first, *second);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM messages"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM wallets"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM message_wallets"), 2);
  // Another message with the same wallet links it, it does not copy it.
  record::ScanRecord other = Record("corpus/a.mbox", 4);
  other.wallets = {r.wallets[0]};
  ASSERT_TRUE(s().PutScan(other));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM wallets"), 2);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM message_wallets"), 3);
}

TEST_P(StoreMessages, AnotherMessageUnderTheSameSourceReplacesTheOldOne) {
  record::ScanRecord r = Record("inbox/1.eml", 0, record::Verdict::kExtortion, "first version");
  r.wallets = {Wallet("1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2", "BTC", "p2pkh")};
  auto id = s().PutScan(r, "00ff");
  ASSERT_TRUE(id);
  auto c = s().NewCampaign(1700000000);
  ASSERT_TRUE(c);
  ASSERT_TRUE(s().AssignCampaign(*id, c->id));
  ASSERT_TRUE(s().AddLshBuckets(*id, {"b0", "b1"}));
  // The same content again keeps its campaign.
  ASSERT_TRUE(s().PutScan(r, "00ff"));
  auto camp = s().CampaignOfMessage(*id);
  ASSERT_TRUE(camp && *camp);
  EXPECT_EQ(**camp, c->id);

  record::ScanRecord changed =
      Record("inbox/1.eml", 0, record::Verdict::kExtortion, "second version");
  changed.subject = "changed";
  changed.wallets = {Wallet("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")};
  auto id2 = s().PutScan(changed, "11ee");
  ASSERT_TRUE(id2);
  EXPECT_EQ(*id2, *id);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM messages"), 1);
  auto msgs = s().ExtortionMessages(false);
  ASSERT_TRUE(msgs);
  ASSERT_EQ(msgs->size(), 1u);
  EXPECT_EQ((*msgs)[0].sha256, changed.content_hash);
  EXPECT_EQ((*msgs)[0].subject, "changed");
  EXPECT_EQ((*msgs)[0].signature, "11ee");
  EXPECT_EQ((*msgs)[0].wallets, std::vector<std::string>{changed.wallets[0].address});
  EXPECT_FALSE((*msgs)[0].campaign_id) << "a replaced message is clustered afresh";
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM lsh_buckets WHERE message = $1", {*id}), 0);
}

TEST_P(StoreMessages, KeysAreStableAndKnownKeysListsEveryStoredMessage) {
  // A fixed value: keys written by an earlier extortrace must still match.
  uint64_t k = Store::Key("a.mbox", "", 7, std::string(64, 'f'));
  EXPECT_EQ(k, 0xc06d5e45d81915e7ull);  // FNV-1a as written since schema 1
  EXPECT_NE(k, Store::Key("a.mbox", "", 8, std::string(64, 'f')));
  EXPECT_NE(k, Store::Key("a.mbox", "x", 7, std::string(64, 'f')));
  EXPECT_NE(k, Store::Key("a.mboy", "", 7, std::string(64, 'f')));
  EXPECT_NE(k, Store::Key("a.mbox", "", 7, std::string(64, 'e')));
  // Field boundaries count: ("ab", "c") is not ("a", "bc").
  EXPECT_NE(Store::Key("ab", "c", 0, "x"), Store::Key("a", "bc", 0, "x"));

  std::vector<record::ScanRecord> rs = {
      Record("x/1.eml", 0), Record("x/2.mbox", 5, record::Verdict::kClean), Record("x/3.tar", 0)};
  rs[2].member = "inner/m.eml";
  for (const auto& r : rs) ASSERT_TRUE(s().PutScan(r));
  auto keys = s().KnownKeys();
  ASSERT_TRUE(keys) << keys.error().ToString();
  EXPECT_EQ(keys->size(), 3u);
  for (const auto& r : rs) {
    EXPECT_TRUE(keys->count(Store::Key(r.source, r.member, r.index, r.content_hash))) << r.source;
  }
  EXPECT_FALSE(keys->count(Store::Key("x/1.eml", "", 0, std::string(64, '0'))));
}

TEST_P(StoreMessages, RollbackLeavesNothing) {
  ASSERT_TRUE(s().PutScan(Record("kept.eml", 0)));
  ASSERT_TRUE(s().Begin());
  record::ScanRecord r = Record("gone.eml", 0);
  r.wallets = {Wallet("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq")};
  auto id = s().PutScan(r);
  ASSERT_TRUE(id);
  ASSERT_TRUE(s().AddLshBuckets(*id, {"x"}));
  ASSERT_TRUE(s().NewCampaign(1));
  ASSERT_TRUE(s().Rollback());
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM messages"), 1);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM wallets"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM message_wallets"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM lsh_buckets"), 0);
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM campaigns"), 0);
  // And a committed transaction keeps everything.
  ASSERT_TRUE(s().Begin());
  ASSERT_TRUE(s().PutScan(r));
  ASSERT_TRUE(s().Commit());
  Reopen();
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM messages"), 2);
}

TEST_P(StoreMessages, ExtortionMessagesUnassignedOnlyAndTheirWallets) {
  std::vector<int64_t> ids;
  for (uint32_t i = 0; i < 4; ++i) {
    record::ScanRecord r =
        Record("m.mbox", i, i == 2 ? record::Verdict::kClean : record::Verdict::kExtortion);
    r.wallets = {Wallet("addr-" + std::to_string(i)), Wallet("shared")};
    auto id = s().PutScan(r);
    ASSERT_TRUE(id);
    ids.push_back(*id);
  }
  auto c = s().NewCampaign(5);
  ASSERT_TRUE(c);
  ASSERT_TRUE(s().AssignCampaign(ids[0], c->id));

  auto all = s().ExtortionMessages(/*unassigned_only=*/false);
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 3u);
  EXPECT_EQ((*all)[0].id, ids[0]);
  EXPECT_EQ((*all)[1].id, ids[1]);
  EXPECT_EQ((*all)[2].id, ids[3]);
  // Wallets come in the order the store first saw them.
  EXPECT_EQ((*all)[0].wallets, (std::vector<std::string>{"addr-0", "shared"}));
  EXPECT_EQ((*all)[1].wallets, (std::vector<std::string>{"shared", "addr-1"}));
  EXPECT_EQ((*all)[0].verdict, "extortion");
  EXPECT_EQ((*all)[0].campaign_id, c->id);
  EXPECT_EQ((*all)[1].index, 1);
  EXPECT_NE((*all)[1].record_json.find("\"verdict\":\"extortion\""), std::string::npos);

  auto pending = s().ExtortionMessages(/*unassigned_only=*/true);
  ASSERT_TRUE(pending);
  ASSERT_EQ(pending->size(), 2u);
  EXPECT_EQ((*pending)[0].id, ids[1]);
  EXPECT_EQ((*pending)[1].id, ids[3]);
  EXPECT_EQ((*pending)[1].wallets, (std::vector<std::string>{"shared", "addr-3"}));
}

TEST_P(StoreMessages, WalksCrossPagesInIdOrder) {
  // More than one page (500) of extortion messages, with clean ones between.
  constexpr uint32_t kN = 1203;
  ASSERT_TRUE(s().Begin());
  for (uint32_t i = 0; i < kN; ++i) {
    record::ScanRecord r =
        Record("big.mbox", i, i % 3 == 1 ? record::Verdict::kClean : record::Verdict::kExtortion);
    if (i % 100 == 0) r.wallets = {Wallet("w" + std::to_string(i))};
    ASSERT_TRUE(s().PutScan(r));
  }
  ASSERT_TRUE(s().Commit());
  int64_t last = 0, seen = 0, with_wallet = 0;
  ASSERT_TRUE(s().ForEachExtortionMessage(false, [&](const StoredMessage& m) -> Status {
    EXPECT_GT(m.id, last);
    EXPECT_EQ(m.verdict, "extortion");
    last = m.id;
    ++seen;
    with_wallet += m.wallets.size() == 1 && m.wallets[0] == "w" + std::to_string(m.index);
    return {};
  }));
  EXPECT_EQ(seen, 802);  // i % 3 != 1 for 802 of 0..1202
  EXPECT_EQ(with_wallet,
            13 - 4);  // i % 100 == 0 and i % 3 != 1: 0,200,300,500,600,800,900,1100,1200
  auto page = s().ExtortionMessagesAfter(0, 10, false);
  ASSERT_TRUE(page);
  ASSERT_EQ(page->size(), 10u);
  auto next = s().ExtortionMessagesAfter(page->back().id, 10, false);
  ASSERT_TRUE(next);
  ASSERT_FALSE(next->empty());
  EXPECT_GT(next->front().id, page->back().id);
  // A walk stops at the first error and returns it.
  int calls = 0;
  Status st = s().ForEachExtortionMessage(false, [&](const StoredMessage&) -> Status {
    return ++calls == 3 ? Status(Fail(Error::Internal("stop"))) : Status{};
  });
  ASSERT_FALSE(st);
  EXPECT_EQ(calls, 3);
}

TEST_P(StoreMessages, OddBytesAreStoredAlikeOnBothBackends) {
  const std::string nul_subject = std::string("pay\0now", 7);
  const std::string bad_utf8 = "bad \xff\xfe utf8 \xc3\x28 and \xe2\x82";
  const std::string unicode = "\xe3\x81\x82\xe3\x81\xaa\xe3\x81\x9f \xf0\x9f\x98\x80 \u202Efdp.exe";
  record::ScanRecord r = Record(std::string("dir/\xff\x01name\0.eml", 15), 0);
  r.member =
      "m\xc0\xaf"
      "ember";
  r.subject = nul_subject + bad_utf8;
  r.wallets = {Wallet("bc1q\xff")};
  auto id = s().PutScan(r);
  ASSERT_TRUE(id) << id.error().ToString();
  record::ScanRecord u = Record("unicode.eml", 0);
  u.subject = unicode;
  ASSERT_TRUE(s().PutScan(u));

  auto msgs = s().ExtortionMessages(false);
  ASSERT_TRUE(msgs);
  ASSERT_EQ(msgs->size(), 2u);
  const StoredMessage& m = (*msgs)[0];
  EXPECT_EQ(m.subject, StorableText(r.subject));
  EXPECT_EQ(m.subject,
            "pay\xEF\xBF\xBDnow"
            "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8 \xEF\xBF\xBD( and "
            "\xEF\xBF\xBD\xEF\xBF\xBD");
  EXPECT_TRUE(IsStorableText(m.source));
  EXPECT_EQ(m.source, StorableText(r.source));
  EXPECT_EQ(m.member, StorableText(r.member));
  EXPECT_EQ(m.wallets, std::vector<std::string>{StorableText("bc1q\xff")});
  EXPECT_EQ((*msgs)[1].subject, unicode) << "valid UTF-8 comes back byte for byte";

  // The raw names still find the row: storing again is idempotent, and the
  // key computed from the raw record is among the known keys.
  ASSERT_TRUE(s().PutScan(r));
  EXPECT_EQ(Scalar("SELECT COUNT(*) FROM messages"), 2);
  auto keys = s().KnownKeys();
  ASSERT_TRUE(keys);
  EXPECT_TRUE(keys->count(Store::Key(r.source, r.member, r.index, r.content_hash)));
  EXPECT_EQ(Store::Key(r.source, r.member, 0, "h"),
            Store::Key(StorableText(r.source), StorableText(r.member), 0, "h"));
}

TEST(StorableText, ReplacesNulAndIllFormedBytesOnly) {
  EXPECT_EQ(StorableText("plain ascii"), "plain ascii");
  EXPECT_EQ(StorableText("\xe6\x97\xa5\xe6\x9c\xac"), "\xe6\x97\xa5\xe6\x9c\xac");
  EXPECT_EQ(StorableText(std::string("a\0b", 3)),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(StorableText("\xed\xa0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // surrogate
  EXPECT_EQ(StorableText("\xc0\xaf"), "\xEF\xBF\xBD\xEF\xBF\xBD");                  // overlong
  std::string once = StorableText("x\xff\xfey");
  EXPECT_EQ(StorableText(once), once);
  EXPECT_TRUE(IsStorableText(once));
  EXPECT_FALSE(IsStorableText(std::string("\0", 1)));
}

ET_INSTANTIATE_BACKENDS(StoreMessages);

}  // namespace
}  // namespace extortrace::store::testing
