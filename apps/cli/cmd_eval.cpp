// extortrace eval LABELS.csv... : precision/recall and extraction accuracy of
// the detector on labelled corpora, with every error listed by file.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "commands.h"
#include "detect/detector.h"
#include "eval/folds.h"
#include "eval_run.h"

namespace extortrace::cli {
namespace {

struct EvalArgs {
  std::vector<std::string> labels;
  bool text = false;
  unsigned threads = 0;
  bool strict = false;
  bool show_reasons = false;
  int top_clean = 0;
  int folds = 0;  // >= 2: leave-template-out cross-validation of the model
};

std::string Pct(int a, int b) {
  if (b == 0) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", static_cast<double>(a) / b);
  return buf;
}

// Template of a message for leave-template-out folds: its labelled or first
// found wallet (a campaign's letters share wallets), else the message itself.
std::string TemplateKey(const LabelledMessage& m, const record::ScanRecord& r) {
  if (!m.row->wallet.empty()) return m.row->wallet;
  if (!r.wallets.empty()) return r.wallets.front().address;
  return eval::MessageName(m);
}

// Replaces every record's verdict and score by those of a model trained
// without the message's template (eval/folds.h); extraction stays as scanned.
void CrossValidate(const LabelSet& set, int folds, std::vector<Scored>* scored) {
  std::vector<eval::Example> examples(scored->size());
  for (size_t i = 0; i < scored->size(); ++i) {
    const Scored& s = (*scored)[i];
    eval::Example& e = examples[i];
    e.features = s.features;
    e.extortion = set.messages[i].row->label == "extortion";
    if (set.messages[i].row->label == "ignore") e.features.clear();  // not trained on
    e.rule_verdict = s.rule_verdict;
    e.model_free = s.model_free;
    e.group = TemplateKey(set.messages[i], s.record);
  }
  eval::CrossValidation cv = eval::LeaveGroupOut(examples, folds);
  for (size_t i = 0; i < scored->size(); ++i) {
    record::ScanRecord& r = (*scored)[i].record;
    if (set.messages[i].row->label == "ignore") continue;
    r.verdict = cv.verdict[i] ? record::Verdict::kExtortion : record::Verdict::kClean;
    r.score = std::round(cv.score[i] * 1000.0) / 1000.0;
  }
  std::printf("leave-template-out: %d folds (a template is a wallet, else a message)\n", folds);
}

int RunEval(const EvalArgs& args) {
  LabelSet set;
  for (const std::string& l : args.labels) LoadLabels(l, args.text, &set);
  for (const std::string& e : set.errors) std::fprintf(stderr, "extortrace: %s\n", e.c_str());
  std::vector<Scored> scored = ScanLabelled(set, args.threads);
  if (args.folds >= 2) CrossValidate(set, args.folds, &scored);

  const eval::Scores sc = eval::Score(set, scored);
  if (args.show_reasons) {
    for (const std::string& line : sc.correct) std::printf("%s\n", line.c_str());
  }
  std::printf("messages:  %zu (extortion %d, clean %d, ignored %d of which flagged %d)\n",
              scored.size(), sc.tp + sc.fn, sc.fp + sc.tn, sc.ignored, sc.ignored_flagged);
  std::printf("precision: %s (tp %d, fp %d)\n", Pct(sc.tp, sc.tp + sc.fp).c_str(), sc.tp, sc.fp);
  std::printf("recall:    %s (tp %d, fn %d)\n", Pct(sc.tp, sc.tp + sc.fn).c_str(), sc.tp, sc.fn);
  for (const auto& [lang, t] : sc.recall_by_lang) {
    std::printf("  recall[%s]: %s\n", lang.c_str(), t.Str().c_str());
  }
  std::printf("category:  %s\nwallet:    %s\ndemand:    %s\ndeadline:  %s\n",
              sc.category.Str().c_str(), sc.wallet.Str().c_str(), sc.demand.Str().c_str(),
              sc.deadline.Str().c_str());
  std::printf("errors:    %zu\n", sc.errors.size());
  for (const std::string& e : sc.errors) std::printf("  %s\n", e.c_str());
  if (args.top_clean > 0) {
    // Borderline: the highest-scored messages labelled clean that stayed clean.
    std::vector<size_t> idx;
    for (size_t i = 0; i < scored.size(); ++i) {
      if (set.messages[i].row->label == "clean" &&
          scored[i].record.verdict != record::Verdict::kExtortion) {
        idx.push_back(i);
      }
    }
    std::sort(idx.begin(), idx.end(),
              [&](size_t a, size_t b) { return scored[a].record.score > scored[b].record.score; });
    std::printf("highest-scored clean messages:\n");
    for (size_t k = 0; k < idx.size() && k < static_cast<size_t>(args.top_clean); ++k) {
      const record::ScanRecord& r = scored[idx[k]].record;
      std::printf("  %.3f %s%s\n", r.score, eval::MessageName(set.messages[idx[k]]).c_str(),
                  eval::ReasonsText(r).c_str());
    }
  }
  if (args.strict && (!sc.errors.empty() || !set.errors.empty())) return 1;
  return kExitOk;
}

}  // namespace

Command RegisterEval(CLI::App& app) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub =
      app.add_subcommand("eval", "Precision/recall of the detector on labelled corpora");
  sub->add_option("labels", args->labels,
                  "Label CSV files (path,label[,lang,category,currency,wallet,demand,deadline])")
      ->required();
  sub->add_flag("--text", args->text, "Scan every labelled file as a plain-text body");
  sub->add_option("--threads", args->threads, "Worker threads (default: all cores)");
  sub->add_flag("--strict", args->strict, "Exit 1 when any error is listed");
  sub->add_flag("--show-ok", args->show_reasons, "Also list correct detections");
  sub->add_option("--top-clean", args->top_clean, "List the N highest-scored clean messages");
  sub->add_option("--folds", args->folds,
                  "Leave-template-out: judge each message by a model trained in K folds without "
                  "its template (wallet)");
  return {sub, [args] { return RunEval(*args); }};
}

}  // namespace extortrace::cli
