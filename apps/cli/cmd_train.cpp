// extortrace train LABELS.csv... : fits the detector's logistic layer on
// labelled corpora and writes it as C++ (src/detect/model_weights.cpp).
//
// Reproducible: the trainer is deterministic batch gradient descent, the
// scan is deterministic, and the label files are in data/labels/.
#include <cstdio>
#include <fstream>

#include "commands.h"
#include "detect/detector.h"
#include "detect/model.h"
#include "eval_run.h"

namespace extortrace::cli {
namespace {

struct TrainArgs {
  std::vector<std::string> labels;
  std::string out = "src/detect/model_weights.cpp";
  unsigned threads = 0;
  double l2 = 0.01;
  int iterations = 3000;
};

int RunTrain(const TrainArgs& args) {
  LabelSet set;
  for (const std::string& l : args.labels) LoadLabels(l, false, &set);
  for (const std::string& e : set.errors) std::fprintf(stderr, "extortrace: %s\n", e.c_str());
  std::vector<Scored> scored = ScanLabelled(set, args.threads);
  std::vector<std::vector<float>> x;
  std::vector<int> y;
  int pos = 0;
  for (size_t i = 0; i < scored.size(); ++i) {
    const std::string& label = set.messages[i].row->label;
    if (label != "extortion" && label != "clean") continue;
    if (scored[i].features.empty()) continue;
    x.push_back(scored[i].features);
    y.push_back(label == "extortion");
    pos += y.back();
  }
  if (pos == 0 || pos == static_cast<int>(y.size())) {
    std::fprintf(stderr, "extortrace: train needs both extortion and clean examples\n");
    return kExitUsage;
  }
  detect::TrainOptions o;
  o.l2 = args.l2;
  o.iterations = args.iterations;
  detect::LinearModel m = detect::Train(x, y, o);
  m.trained_on = "trained on " + std::to_string(y.size()) + " messages (" + std::to_string(pos) +
                 " extortion) from";
  for (const std::string& l : args.labels) {
    size_t s = l.rfind('/');
    m.trained_on += " " + (s == std::string::npos ? l : l.substr(s + 1));
  }
  // Training-set fit, for the log.
  int tp = 0, fp = 0, fn = 0;
  for (size_t i = 0; i < x.size(); ++i) {
    bool p = detect::Predict(m, x[i]) >= m.threshold;
    tp += p && y[i];
    fp += p && !y[i];
    fn += !p && y[i];
  }
  std::fprintf(stderr, "train fit (model alone, before the rule gate): tp %d fp %d fn %d\n", tp, fp,
               fn);
  for (size_t k = 0; k < m.weights.size(); ++k) {
    std::fprintf(stderr, "  %-24s %+.3f\n", m.feature_names[k].c_str(), m.weights[k]);
  }
  std::fprintf(stderr, "  %-24s %+.3f\n", "(bias)", m.bias);
  std::ofstream f(args.out, std::ios::binary | std::ios::trunc);
  if (!f) {
    std::fprintf(stderr, "extortrace: cannot write %s\n", args.out.c_str());
    return kExitInputError;
  }
  f << detect::ModelToCpp(m);
  std::fprintf(stderr, "wrote %s (rebuild to use it)\n", args.out.c_str());
  return kExitOk;
}

}  // namespace

Command RegisterTrain(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* sub = app.add_subcommand("train", "Train the detector's logistic layer on label files");
  sub->add_option("labels", args->labels, "Label CSV files (see eval)")->required();
  sub->add_option("--out", args->out, "Where to write the generated C++ model");
  sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_option("--l2", args->l2, "L2 regularisation");
  sub->add_option("--iterations", args->iterations, "Gradient descent iterations");
  return {sub, [args] { return RunTrain(*args); }};
}

}  // namespace extortrace::cli
