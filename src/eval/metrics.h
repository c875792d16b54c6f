// Scoring a detector run against labels: precision and recall, recall per
// language, category/wallet/demand/deadline accuracy, and every error named
// by its file. Pure: the caller scans (apps/cli/eval_run.h) and prints.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eval/labels.h"
#include "record/record.h"

namespace extortrace::eval {

// What the detector said of one labelled message.
struct Judged {
  record::ScanRecord record;
  std::vector<float> features;  // detect::Verdict::features
  bool rule_verdict = false;    // the rules' verdict before the model
  bool model_free = false;      // a verdict the model does not judge
};

struct Tally {
  int total = 0, hit = 0;
  void Add(bool ok) { ++total, hit += ok; }
  std::string Str() const;  // "3/4 (75.0%)", "n/a"
};

struct Scores {
  int tp = 0, fp = 0, fn = 0, tn = 0, ignored = 0, ignored_flagged = 0;
  std::map<std::string, Tally> recall_by_lang;
  Tally category, wallet, demand, deadline;
  std::vector<std::string> errors;   // "MISSED file ...", "DEMAND file: expected ..."
  std::vector<std::string> correct;  // "OK file category score=... demand=... deadline=..."
};

// `judged[i]` answers `set.messages[i]`.
Scores Score(const LabelSet& set, const std::vector<Judged>& judged);

// The demand a label expects ("1490 USD"; "-" = none) against the record's,
// within half a per cent of the amount.
bool DemandMatches(const std::string& expected, const record::ScanRecord& r);

// " [family: evidence]" for every reason of `r`, for error listings.
std::string ReasonsText(const record::ScanRecord& r);

// "path[:member][#index]" of a labelled message.
std::string MessageName(const LabelledMessage& m);

}  // namespace extortrace::eval
