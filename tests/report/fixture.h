// A store with synthetic extortion records in three campaigns, for the report
// tests. Campaigns form through shared wallets (the records carry no template
// signature): A = 10 English sextortion messages in one mbox (one with a
// hostile subject), B = 6 Japanese corporate messages, C = 4 Italian/German
// messages paying to Monero and Ethereum; plus 2 clean messages.
#pragma once

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "record/record.h"
#include "report/model.h"
#include "store/store.h"

namespace extortrace::report::testing {

inline constexpr const char* kWalletA = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq";
inline constexpr const char* kWalletB = "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2";
inline constexpr const char* kWalletXmr =
    "44AFFq5kSiGBoZ4NMDwYtN18obc8AemS33DBLWs3H7otXft3XjrpDtQGv7SqSsaBYBb98uNbr2VBBEt7f2wfn3RVGQBEP3A";
inline constexpr const char* kWalletEth = "0x52908400098527886E0F7030069857D2E4169EE7";
inline constexpr const char* kHostileSubject = "<script>alert(1)</script> & \"you\" \u202Efdp.exe";
inline constexpr int64_t kNow = 1718000000;  // 2024-06-10T06:13:20Z

inline record::ScanRecord Extortion(const std::string& source, uint32_t index,
                                    const std::string& date, int64_t date_unix) {
  record::ScanRecord r;
  r.source = source;
  r.index = index;
  r.date = date;
  r.date_unix = date_unix;
  r.verdict = record::Verdict::kExtortion;
  r.score = 0.97;
  char hash[65];
  std::snprintf(hash, sizeof hash, "%064x",
                static_cast<unsigned>(
                    std::hash<std::string>{}(source + "#" + std::to_string(index)) & 0xffffffffu));
  r.content_hash = hash;
  r.message_id = "<" + std::to_string(index) + "." + std::to_string(date_unix) + "@spam.example>";
  return r;
}

inline record::WalletFinding Wallet(const char* currency, const char* address, const char* kind) {
  record::WalletFinding w;
  w.currency = currency;
  w.address = address;
  w.kind = kind;
  return w;
}

class ReportStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("report_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    auto s = store::Store::Open((dir_ / "r.db").string());
    ASSERT_TRUE(s) << s.error().ToString();
    store_ = std::move(*s);
    ASSERT_TRUE(store_->Begin());
    // Campaign A: 2024-03-01 (Fri) .. 2024-03-10 (Sun), one per day.
    for (uint32_t i = 0; i < 10; ++i) {
      char date[40];
      std::snprintf(date, sizeof date, "2024-03-%02uT10:00:00+00:00", i + 1);
      record::ScanRecord r = Extortion("corpus/a.mbox", i, date, 1709287200 + i * 86400);
      r.category = record::Category::kSextortion;
      r.language = i < 9 ? "en" : "fr";
      r.subject = i == 3 ? kHostileSubject : "Your account has been hacked";
      r.wallets = {Wallet("BTC", kWalletA, "p2wpkh")};
      r.demand = record::Demand{1500.0 + 100.0 * i, "USD", "$1500"};
      r.deadline_hours = 48;
      r.sender = {"203.0.113." + std::to_string(i), i % 2 ? "VN" : "BR", i < 3, "spf=fail"};
      r.obfuscation = {"zero-width"};
      ASSERT_TRUE(store_->PutScan(r));
    }
    // Campaign B: Japanese corporate, 2024-04-06 (Sat) and 07 (Sun).
    for (uint32_t i = 0; i < 6; ++i) {
      std::string date = i < 3 ? "2024-04-06T09:00:00+09:00" : "2024-04-07T09:00:00+09:00";
      record::ScanRecord r = Extortion("corpus/b" + std::to_string(i) + ".eml", 0, date,
                                       i < 3 ? 1712361600 : 1712448000);
      r.category = record::Category::kCorporate;
      r.language = "ja";
      r.subject =
          "\u3042\u306a\u305f\u306e\u30b5\u30fc\u30d0\u30fc\u306f\u30cf\u30c3\u30ad\u30f3\u30b0\u3055\u308c\u307e\u3057\u305f";
      r.wallets = {Wallet("BTC", kWalletB, "p2pkh")};
      r.demand = record::Demand{2500, "USD", "2,500\u7c73\u30c9\u30eb"};
      r.deadline_hours = 72;
      r.sender = {"198.51.100.7", "JP", true, "dmarc=fail"};
      ASSERT_TRUE(store_->PutScan(r));
    }
    // Campaign C: Monero (+ Ethereum in two messages), inside an archive.
    for (uint32_t i = 0; i < 4; ++i) {
      record::ScanRecord r =
          Extortion("corpus/c.tar.gz", 0, "2024-05-1" + std::to_string(i) + "T12:00:00+02:00",
                    1715335200 + i * 86400);
      r.member = "m" + std::to_string(i) + ".eml";
      r.category = record::Category::kSextortion;
      r.language = i % 2 ? "de" : "it";
      r.subject = "Ho registrato un video";
      r.wallets = {Wallet("XMR", kWalletXmr, "xmr")};
      if (i >= 2) r.wallets.push_back(Wallet("ETH", kWalletEth, "eth"));
      r.demand = record::Demand{900, "EUR", "900 euro"};
      ASSERT_TRUE(store_->PutScan(r));
    }
    for (uint32_t i = 0; i < 2; ++i) {
      record::ScanRecord r = Extortion("corpus/ham" + std::to_string(i) + ".eml", 0,
                                       "2024-03-02T10:00:00+00:00", 1709373600);
      r.verdict = record::Verdict::kClean;
      r.subject = "Newsletter";
      ASSERT_TRUE(store_->PutScan(r));
    }
    ASSERT_TRUE(store_->Commit());
  }

  void TearDown() override {
    store_.reset();
    // For looking at the outputs by hand: ET_REPORT_KEEP_DB=/tmp/fixture.db
    if (const char* keep = std::getenv("ET_REPORT_KEEP_DB")) {
      std::filesystem::copy_file(dir_ / "r.db", keep,
                                 std::filesystem::copy_options::overwrite_existing);
    }
    std::filesystem::remove_all(dir_);
  }

  ReportModel Model() {
    BuildOptions o;
    o.now_unix = kNow;
    o.data_source = (dir_ / "r.db").string();
    auto m = ClusterAndBuild(*store_, o);
    EXPECT_TRUE(m) << m.error().ToString();
    return m ? std::move(*m) : ReportModel{};
  }

  std::filesystem::path dir_;
  std::unique_ptr<store::Store> store_;
};

}  // namespace extortrace::report::testing
