// The learned layer on top of the rules: logistic regression over the
// detector's features (family strengths, header and obfuscation signals).
//
// Trained by `extortrace train` (apps/cli/cmd_train.cpp) with Train() below
// and compiled in as model_weights.cpp, a generated file. A hand-written
// trainer rather than liblinear: 26 dense features and a few thousand rows
// need forty lines of batch gradient descent, which is deterministic and
// adds no dependency (docs/decisions/detect-logistic-regression.md).
#pragma once

#include <span>
#include <string>
#include <vector>

namespace extortrace::detect {

struct LinearModel {
  std::vector<std::string> feature_names;  // must equal FeatureNames() to be used
  std::vector<double> weights;
  double bias = 0;
  double threshold = 0.5;
  std::string trained_on;  // provenance line
};

// The compiled-in model, or nullptr when none matches the current features.
const LinearModel* TrainedModel();

double Predict(const LinearModel& m, std::span<const float> features);

struct TrainOptions {
  double l2 = 0.01;
  int iterations = 3000;
  double learning_rate = 0.5;
  double positive_weight = 0;  // 0 = balance classes automatically
};

LinearModel Train(const std::vector<std::vector<float>>& x, const std::vector<int>& y,
                  const TrainOptions& options = {});

// C++ source of model_weights.cpp for `m`.
std::string ModelToCpp(const LinearModel& m);

}  // namespace extortrace::detect
