#include <gtest/gtest.h>

#include "detect/lexicon.h"
#include "detect/matcher.h"

namespace extortrace::detect {
namespace {

TEST(Matcher, DatabaseCompiles) {
  EXPECT_EQ(CompileError(), "");
  EXPECT_GT(Entries().size(), 200u);
}

TEST(Matcher, EveryLanguageHasEveryCoreFamily) {
  for (const Lexicon& lex : AllLexicons()) {
    bool seen[static_cast<size_t>(Family::kCount)] = {};
    for (const LexEntry& e : lex.entries) seen[static_cast<size_t>(e.family)] = true;
    for (Family f : {Family::kCompromise, Family::kRecording, Family::kAdult, Family::kExposure,
                     Family::kPayment, Family::kDeadline, Family::kAntiResponse, Family::kProof,
                     Family::kSelfSent, Family::kCorporate}) {
      EXPECT_TRUE(seen[static_cast<size_t>(f)]) << lex.lang << " lacks " << FamilyName(f);
    }
  }
}

TEST(Matcher, FindsOffsets) {
  std::string t = "hello. i have hacked your computer and recorded you.";
  std::vector<Hit> hits = Match(t);
  ASSERT_FALSE(hits.empty());
  bool compromise = false;
  for (const Hit& h : hits) {
    if (Entries()[h.entry].entry->family == Family::kCompromise) {
      compromise = true;
      EXPECT_LT(h.from, h.to);
      EXPECT_LE(h.to, t.size());
    }
  }
  EXPECT_TRUE(compromise);
}

TEST(Matcher, EmptyAndBinaryInput) {
  EXPECT_TRUE(Match("").empty());
  std::string junk(1000, '\xff');
  EXPECT_TRUE(Match(junk).empty());
}

}  // namespace
}  // namespace extortrace::detect
