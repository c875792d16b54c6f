// Leave-template-out evaluation of the detector's learned layer.
//
// The detector's verdict is the rules' verdict, which the learned layer may
// veto (detect/model.h), or a verdict the model does not judge (a letter
// without a wallet). Scoring the compiled-in model on the mail it was
// trained on says little about mail nobody has seen; cross-validation with
// every message of one template (one campaign, one wallet) in the same fold
// does: the model that judges a template has never seen it.
//
// Pure functions; deterministic (the same examples give the same folds and
// the same verdicts, bit for bit).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "detect/model.h"

namespace extortrace::eval {

struct Example {
  std::vector<float> features;  // detect::Verdict::features (empty: gated, clean)
  bool extortion = false;       // the label
  bool rule_verdict = false;    // what the rules alone decided
  bool model_free = false;      // a verdict the model does not judge (no_wallet)
  std::string group;            // template key: every example of a group shares a fold
};

struct CrossValidation {
  int folds = 0;
  std::vector<bool> verdict;  // per example, decided by a model that never saw its group
  std::vector<double> score;  // that model's score (0 for gated examples)
  std::vector<int> fold_of;   // per example
};

// Which of `folds` folds a group falls in: a stable hash of its name.
int FoldOf(const std::string& group, int folds);

// Trains one model per fold on the other folds' examples (those with
// features) and judges the fold's examples with it. folds >= 2.
CrossValidation LeaveGroupOut(const std::vector<Example>& examples, int folds,
                              const detect::TrainOptions& options = {});

}  // namespace extortrace::eval
