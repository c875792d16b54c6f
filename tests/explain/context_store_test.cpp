// ContextFromStore: what other stored messages say about the one explained,
// answered from the store's wallet and campaign lookups.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "explain/explain.h"
#include "store/store.h"

namespace extortrace::explain {
namespace {

record::ScanRecord Stored(uint32_t index, record::Verdict verdict, const std::string& wallet) {
  record::ScanRecord r;
  r.source = "ctx.mbox";
  r.index = index;
  r.verdict = verdict;
  r.content_hash = std::string(63, 'a') + static_cast<char>('0' + index);
  record::WalletFinding w;
  w.currency = "BTC";
  w.address = wallet;
  w.kind = "p2pkh";
  r.wallets = {w};
  return r;
}

TEST(ContextFromStore, CountsOtherExtortionMessagesPerWalletAndTheCampaignSize) {
  auto dir =
      std::filesystem::temp_directory_path() / ("et_explain_ctx_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    auto s = store::Store::Open((dir / "ctx.db").string());
    ASSERT_TRUE(s) << s.error().ToString();
    store::Store& st = **s;
    auto camp = st.NewCampaign(1);
    ASSERT_TRUE(camp);
    // Messages 0-2 are extortion naming W, 3 is clean naming W, 4 names V.
    for (uint32_t i = 0; i < 5; ++i) {
      auto id = st.PutScan(Stored(i, i == 3 ? record::Verdict::kClean : record::Verdict::kExtortion,
                                  i == 4 ? "V" : "W"));
      ASSERT_TRUE(id);
      if (i != 3) {
        ASSERT_TRUE(st.AssignCampaign(*id, camp->id));
      }
    }
    record::ScanRecord me =
        Stored(0, record::Verdict::kExtortion, "W");  // the message being explained
    record::WalletFinding fresh = me.wallets[0];
    fresh.address = "NEW";
    me.wallets.push_back(fresh);
    me.campaign = camp->label;
    auto ctx = ContextFromStore(st, me);
    ASSERT_TRUE(ctx) << ctx.error().ToString();
    ASSERT_EQ(ctx->wallet_messages.size(), 2u);
    EXPECT_EQ(ctx->wallet_messages[0], (std::pair<std::string, int64_t>{"W", 2}));
    EXPECT_EQ(ctx->wallet_messages[1], (std::pair<std::string, int64_t>{"NEW", 0}));
    EXPECT_EQ(ctx->campaign_messages, 4);

    me.campaign = "c-999999";
    auto unknown = ContextFromStore(st, me);
    ASSERT_TRUE(unknown);
    EXPECT_EQ(unknown->campaign_messages, -1) << "an unknown campaign stays unknown";
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace extortrace::explain
