#include "eval/folds.h"

namespace extortrace::eval {

int FoldOf(const std::string& group, int folds) {
  uint64_t h = 0xcbf29ce484222325ULL;  // FNV-1a: stable across runs and builds
  for (char c : group) {
    h ^= static_cast<unsigned char>(c);
    h *= 0x100000001b3ULL;
  }
  return static_cast<int>(h % static_cast<uint64_t>(folds));
}

CrossValidation LeaveGroupOut(const std::vector<Example>& examples, int folds,
                              const detect::TrainOptions& options) {
  CrossValidation cv;
  cv.folds = folds;
  cv.verdict.assign(examples.size(), false);
  cv.score.assign(examples.size(), 0.0);
  cv.fold_of.resize(examples.size());
  for (size_t i = 0; i < examples.size(); ++i) cv.fold_of[i] = FoldOf(examples[i].group, folds);
  for (int k = 0; k < folds; ++k) {
    std::vector<std::vector<float>> x;
    std::vector<int> y;
    int positives = 0;
    for (size_t i = 0; i < examples.size(); ++i) {
      if (cv.fold_of[i] == k || examples[i].features.empty()) continue;
      x.push_back(examples[i].features);
      y.push_back(examples[i].extortion);
      positives += examples[i].extortion;
    }
    // A fold whose training side lacks a class has no model: rules alone.
    const bool trainable = positives > 0 && positives < static_cast<int>(y.size());
    detect::LinearModel m;
    if (trainable) m = detect::Train(x, y, options);
    for (size_t i = 0; i < examples.size(); ++i) {
      if (cv.fold_of[i] != k) continue;
      const Example& e = examples[i];
      if (e.features.empty()) continue;  // gated: clean, score 0
      double p = trainable ? detect::Predict(m, e.features) : (e.rule_verdict ? 1.0 : 0.0);
      cv.score[i] = p;
      cv.verdict[i] = e.model_free || (e.rule_verdict && p >= m.threshold);
    }
  }
  return cv;
}

}  // namespace extortrace::eval
