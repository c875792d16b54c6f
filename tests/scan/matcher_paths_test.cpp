// The detector's two candidate selections must give the same hits: the
// embedded Hyperscan database of the whole patterns (prefilter mode, built at
// build time) and the FilteredRE2 literal atoms it replaced (decision 0013).
// The texts are what the detector really sees: the folded view of every
// message of the shared corpus and of samples/mail, and the synthetic
// letters of tests/detect/synthetic, matched with and without the gate. On
// every message the gate must change no verdict either.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "detect/matcher.h"
#include "scan/engine.h"
#include "text/normalize.h"

namespace extortrace::scan {
namespace {
namespace fs = std::filesystem;

std::vector<fs::path> FilesUnder(const fs::path& root) {
  std::vector<fs::path> out;
  if (!fs::exists(root)) return out;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

// Compares the two selections on one folded text, exhaustive and behind the
// crypto gate; returns the number of hits.
size_t ExpectSameHits(const std::string& folded, const std::string& what) {
  const detect::Gate gate = detect::Gate::kDemand;
  bool gated_db = false, gated_lit = false;
  size_t gated_hits = detect::Match(folded, 4, gate, &gated_db).size();
  EXPECT_EQ(gated_hits, detect::MatchWithLiteralPrefilter(folded, 4, gate, &gated_lit).size())
      << what;
  EXPECT_EQ(gated_db, gated_lit) << what;
  std::vector<detect::Hit> db = detect::Match(folded, 4);
  std::vector<detect::Hit> lit = detect::MatchWithLiteralPrefilter(folded, 4);
  EXPECT_EQ(db.size(), lit.size()) << what;
  for (size_t i = 0; i < db.size() && i < lit.size(); ++i) {
    EXPECT_TRUE(db[i].entry == lit[i].entry && db[i].from == lit[i].from && db[i].to == lit[i].to)
        << what << ": hit " << i << " differs (entry " << db[i].entry << " vs " << lit[i].entry
        << ")";
  }
  return db.size();
}

TEST(MatcherPaths, ThePatternDatabaseIsInUse) {
  EXPECT_EQ(detect::PatternDatabaseError(), "")
      << "the detector runs on its slower literal prefilter";
}

TEST(MatcherPaths, SameHitsOnSyntheticLetters) {
  size_t hits = 0;
  for (const fs::path& p : FilesUnder(fs::path(ET_SOURCE_DIR) / "tests" / "detect" / "synthetic")) {
    if (p.extension() != ".txt") continue;
    auto data = ReadFile(p.string());
    ASSERT_TRUE(data) << p;
    hits += ExpectSameHits(text::Normalize(*data).folded, p.string());
  }
  EXPECT_GT(hits, 100u);  // the letters are full of evidence
}

TEST(MatcherPaths, SameHitsOnEveryMessage) {
  std::vector<fs::path> files = FilesUnder(fs::path(ET_SOURCE_DIR) / "samples" / "mail");
  std::vector<fs::path> shared = FilesUnder(fs::path(ET_SHARED_DIR) / "data" / "mail");
  if (shared.empty()) std::printf("../shared/data/mail absent: samples/mail only\n");
  files.insert(files.end(), shared.begin(), shared.end());
  Engine engine;
  EngineOptions all;
  all.exhaustive_detection = true;
  Engine exhaustive(all);
  size_t messages = 0, hits = 0;
  for (const fs::path& p : files) {
    if (p.extension() == ".md" || p.extension() == ".csv") continue;
    auto data = ReadFile(p.string());
    if (!data) continue;
    mail::RawMessage raw{p.string(), "", 0, std::move(*data), false};
    Analysis a = engine.Analyze(raw);
    hits += ExpectSameHits(a.normalized.folded, p.string());
    // The detector's gate only saves work: no verdict, category, demand or
    // deadline differs when every lexicon runs on every message.
    record::ScanRecord full = exhaustive.Scan(raw);
    EXPECT_EQ(a.record.verdict, full.verdict) << p;
    EXPECT_EQ(a.record.category, full.category) << p;
    EXPECT_EQ(a.record.demand.has_value(), full.demand.has_value()) << p;
    EXPECT_EQ(a.record.deadline_hours, full.deadline_hours) << p;
    ++messages;
    if (HasFailure()) break;  // one message's diff is enough to read
  }
  EXPECT_GT(messages, 0u);
  EXPECT_GT(hits, 0u);
  std::printf("%zu messages, %zu hits, the same on both paths\n", messages, hits);
}

}  // namespace
}  // namespace extortrace::scan
