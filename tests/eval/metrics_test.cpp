#include "eval/metrics.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "eval/labels.h"

namespace extortrace::eval {
namespace {

record::ScanRecord Record(bool extortion, const char* category = "", double amount = 0,
                          const char* currency = "", int deadline = 0) {
  record::ScanRecord r;
  r.verdict = extortion ? record::Verdict::kExtortion : record::Verdict::kClean;
  r.category = record::CategoryFromString(category).value_or(record::Category::kNone);
  if (amount > 0) r.demand = record::Demand{amount, currency, ""};
  if (deadline > 0) r.deadline_hours = deadline;
  r.language = "en";
  return r;
}

TEST(Metrics, CountsErrorsAndExtraction) {
  LabelSet set;
  auto add = [&](const char* label, const char* lang, const char* category, const char* demand,
                 const char* deadline) {
    LabelRow row;
    row.path = "x";
    row.label = label;
    row.lang = lang;
    row.category = category;
    row.demand = demand;
    row.deadline = deadline;
    set.rows.push_back(row);
    LabelledMessage m{&set.rows.back(), {}, false};
    m.raw.source = "m" + std::to_string(set.messages.size());
    set.messages.push_back(m);
  };
  add("extortion", "de", "sextortion", "1490 USD", "48");  // right
  add("extortion", "de", "corporate", "2500 USD", "72");   // wrong category and demand
  add("extortion", "it", "", "", "");                      // missed
  add("clean", "", "", "", "");                            // false positive
  add("clean", "", "", "", "");                            // right
  add("ignore", "", "", "", "");                           // flagged, not counted
  std::vector<Judged> j(6);
  j[0].record = Record(true, "sextortion", 1490, "USD", 48);
  j[1].record = Record(true, "sextortion", 2400, "USD", 72);
  j[2].record = Record(false);
  j[3].record = Record(true, "other");
  j[4].record = Record(false);
  j[5].record = Record(true, "other");
  Scores s = Score(set, j);
  EXPECT_EQ(s.tp, 2);
  EXPECT_EQ(s.fn, 1);
  EXPECT_EQ(s.fp, 1);
  EXPECT_EQ(s.tn, 1);
  EXPECT_EQ(s.ignored, 1);
  EXPECT_EQ(s.ignored_flagged, 1);
  EXPECT_EQ(s.recall_by_lang["de"].Str(), "2/2 (100.0%)");
  EXPECT_EQ(s.recall_by_lang["it"].Str(), "0/1 (0.0%)");
  EXPECT_EQ(s.category.Str(), "1/2 (50.0%)");
  EXPECT_EQ(s.demand.Str(), "1/2 (50.0%)");
  EXPECT_EQ(s.deadline.Str(), "2/2 (100.0%)");
  EXPECT_EQ(s.errors.size(), 4u);  // category, demand, missed, false positive
  EXPECT_EQ(Tally{}.Str(), "n/a");
}

TEST(Metrics, DemandMatchesWithinHalfAPerCent) {
  record::ScanRecord r = Record(true, "", 1490, "USD");
  EXPECT_TRUE(DemandMatches("1490 USD", r));
  EXPECT_TRUE(DemandMatches("1495", r));
  EXPECT_FALSE(DemandMatches("1490 EUR", r));
  EXPECT_FALSE(DemandMatches("1600 USD", r));
  EXPECT_FALSE(DemandMatches("-", r));
  EXPECT_TRUE(DemandMatches("-", Record(true)));
}

TEST(Labels, LoadsRowsRelativeToTheFileAndNamesBadOnes) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("et-labels-" + std::to_string(::getpid()));
  fs::create_directories(dir / "mail");
  std::ofstream(dir / "mail" / "a.txt") << "pay 900 usd in bitcoin";
  std::ofstream(dir / "labels.csv")
      << "path,label,lang,note\nmail/a.txt,extortion,en,\"quoted, with comma\"\nmissing.txt,clean,,\n";
  LabelSet set;
  LoadLabels((dir / "labels.csv").string(), false, &set);
  ASSERT_EQ(set.rows.size(), 2u);
  EXPECT_EQ(set.rows[0].note, "quoted, with comma");
  ASSERT_EQ(set.messages.size(), 1u);
  EXPECT_TRUE(set.messages[0].plain_text);  // *.txt is a plain body
  EXPECT_EQ(set.messages[0].raw.data, "pay 900 usd in bitcoin");
  ASSERT_EQ(set.errors.size(), 1u);
  EXPECT_NE(set.errors[0].find("missing.txt"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace extortrace::eval
