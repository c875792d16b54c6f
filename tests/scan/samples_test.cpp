// The bundled synthetic samples (samples/mail): what the engine must see in
// each disguise.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "core/bytes.h"
#include "scan/engine.h"
#include "scan/pipeline.h"

namespace extortrace::scan {
namespace {
using record::ScanRecord;
using record::WalletFinding;
namespace fs = std::filesystem;

const fs::path kSamples = fs::path(ET_SOURCE_DIR) / "samples" / "mail";

Analysis AnalyzeSample(const std::string& name) {
  auto data = ReadFile((kSamples / name).string());
  EXPECT_TRUE(data.has_value()) << name;
  Engine engine;
  return engine.Analyze(mail::RawMessage{name, "", 0, data ? *data : "", false});
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

const WalletFinding* FindWallet(const ScanRecord& r, const std::string& address) {
  for (const WalletFinding& w : r.wallets) {
    if (w.address == address) return &w;
  }
  return nullptr;
}

TEST(Samples, EnglishZeroWidthAndLookalikes) {
  Analysis a = AnalyzeSample("01-en-sextortion.eml");
  const ScanRecord& r = a.record;
  EXPECT_EQ(r.language, "en");
  EXPECT_EQ(r.subject, "Your account has been compromised");
  EXPECT_EQ(r.date, "2024-10-12T09:13:55+02:00");
  EXPECT_TRUE(r.sender.self_sent);
  EXPECT_EQ(r.sender.ip, "45.83.12.77");
  EXPECT_EQ(r.sender.auth, "spf=softfail dkim=none dmarc=fail");
  EXPECT_TRUE(Has(r.obfuscation, "zero-width"));
  EXPECT_TRUE(Has(r.obfuscation, "confusables"));
  EXPECT_NE(a.normalized.text.find("Bitcoin"), std::string::npos);
  EXPECT_NE(a.normalized.text.find("webcam"), std::string::npos);
  const WalletFinding* w = FindWallet(r, "1AY8sydFtByheWRUnxaPrQxvDQFNpwB6nE");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->currency, "BTC");
  EXPECT_EQ(w->kind, "p2pkh");
}

TEST(Samples, JapaneseIso2022JpCorporate) {
  Analysis a = AnalyzeSample("02-ja-corporate.eml");
  const ScanRecord& r = a.record;
  EXPECT_EQ(r.language, "ja");
  EXPECT_EQ(r.subject,
            "\xE8\xB2\xB4\xE7\xA4\xBE\xE3\x81\xAE\xE3\x83\x87\xE3\x83\xBC\xE3\x82\xBF"
            "\xE3\x83\x99\xE3\x83\xBC\xE3\x82\xB9\xE3\x81\xA8\xE3\x83\xA1\xE3\x83\xBC"
            "\xE3\x83\xAB\xE3\x83\x9C\xE3\x83\x83\xE3\x82\xAF\xE3\x82\xB9\xE3\x81\xAB"
            "\xE3\x81\xA4\xE3\x81\x84\xE3\x81\xA6");
  EXPECT_TRUE(r.sender.self_sent);
  EXPECT_EQ(r.sender.ip, "91.210.33.14");
  EXPECT_FALSE(Has(r.obfuscation, "confusables"));  // Japanese is not a disguise
  const WalletFinding* w = FindWallet(r, "bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->kind, "p2wpkh");
}

TEST(Samples, ItalianHtmlEntitiesHiddenTextAndTaproot) {
  Analysis a = AnalyzeSample("03-it-sextortion-html.eml");
  const ScanRecord& r = a.record;
  EXPECT_EQ(r.language, "it");
  EXPECT_NE(a.normalized.text.find("registrato un video"), std::string::npos);
  EXPECT_EQ(a.normalized.text.find("quarterly garden"), std::string::npos);
  EXPECT_EQ(a.normalized.text.find("white text"), std::string::npos);
  EXPECT_TRUE(Has(r.obfuscation, "hidden-html"));
  EXPECT_TRUE(Has(r.obfuscation, "html-entities"));
  const WalletFinding* w =
      FindWallet(r, "bc1p8hmgaey382whmq3wgk4y4fw2fmccqqujssfce8rhpz6zwpwfz9tsklc800");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->kind, "p2tr");
}

TEST(Samples, GermanSplitAddress) {
  Analysis a = AnalyzeSample("04-de-corporate.eml");
  EXPECT_EQ(a.record.language, "de");
  const WalletFinding* w = FindWallet(a.record, "14A8r7TcpMewe8TNotM9KvcP2Evp81Cocb");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->recovered_from, record::Recovery::kSplitAddress);
  EXPECT_TRUE(Has(a.record.obfuscation, "split-address"));
}

TEST(Samples, FrenchWalletOnlyInAQrCodeImage) {
  Analysis a = AnalyzeSample("08-fr-sextortion-qr.eml");
  EXPECT_EQ(a.record.language, "fr");
  const WalletFinding* w = FindWallet(a.record, "16edas7Uq1DPAN8ganXqLYVGLCaQ9ZwsND");
  ASSERT_NE(w, nullptr);
  EXPECT_EQ(w->recovered_from, record::Recovery::kQrCode);
  EXPECT_TRUE(Has(a.record.obfuscation, "qr-code"));
}

TEST(Samples, WholeFolderThroughThePipelineInOrder) {
  Engine engine;
  std::vector<ScanRecord> records;
  PipelineCallbacks cb;
  cb.on_record = [&](const ScanRecord& r) { records.push_back(r); };
  PipelineStats st = RunPipeline({kSamples.string()}, mail::SourceOptions{}, engine, 3, cb);
  EXPECT_EQ(st.errors, 0u);
  EXPECT_EQ(st.skipped, 1u);  // README.md
  ASSERT_EQ(records.size(), 9u);
  EXPECT_EQ(records[6].index, 0u);
  EXPECT_EQ(records[7].index, 1u);
  EXPECT_EQ(records[7].subject, "Re: lunch");
  EXPECT_NE(FindWallet(records[6], "bc1q6xkw97m9eu3sek43kuaec2e5kcwpqp5kd5nhnh"), nullptr);
}

}  // namespace
}  // namespace extortrace::scan
