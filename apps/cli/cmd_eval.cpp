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
#include "labels.h"

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

struct Tally {
  int total = 0, hit = 0;
  void Add(bool ok) { ++total, hit += ok; }
  std::string Str() const {
    if (total == 0) return "n/a";
    char b[64];
    std::snprintf(b, sizeof b, "%d/%d (%.1f%%)", hit, total, 100.0 * hit / total);
    return b;
  }
};

std::string Pct(int a, int b) {
  if (b == 0) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", static_cast<double>(a) / b);
  return buf;
}

std::string Name(const LabelledMessage& m) {
  std::string n = m.raw.source;
  if (!m.raw.member.empty()) n += ":" + m.raw.member;
  if (m.raw.index > 0) n += "#" + std::to_string(m.raw.index);
  return n;
}

bool DemandMatches(const std::string& expected, const record::ScanRecord& r) {
  if (expected == "-") return !r.demand.has_value();
  if (!r.demand) return false;
  double amount = std::atof(expected.c_str());
  size_t sp = expected.find(' ');
  std::string cur = sp == std::string::npos ? "" : expected.substr(sp + 1);
  return std::fabs(r.demand->amount - amount) <= 0.005 * amount &&
         (cur.empty() || cur == r.demand->currency);
}

std::string fmt_feature(const char* name, float v) {
  char b[64];
  std::snprintf(b, sizeof b, " %s=%.2f", name, v);
  return b;
}

std::string DemandStr(const record::ScanRecord& r) {
  if (!r.demand) return "none";
  char b[64];
  std::snprintf(b, sizeof b, "%g %s", r.demand->amount, r.demand->currency.c_str());
  return b;
}

// Template of a message for leave-template-out folds: its labelled or first
// found wallet (a campaign's letters share wallets), else the message itself.
std::string TemplateKey(const LabelledMessage& m, const record::ScanRecord& r) {
  if (!m.row->wallet.empty()) return m.row->wallet;
  if (!r.wallets.empty()) return r.wallets.front().address;
  return Name(m);
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

  int tp = 0, fp = 0, fn = 0, tn = 0, ignored = 0, ignored_flagged = 0;
  std::map<std::string, Tally> recall_by_lang;
  Tally category, wallet, demand, deadline;
  std::vector<std::string> errors;
  for (size_t i = 0; i < scored.size(); ++i) {
    const LabelledMessage& m = set.messages[i];
    const LabelRow& row = *m.row;
    const record::ScanRecord& r = scored[i].record;
    const bool flagged = r.verdict == record::Verdict::kExtortion;
    const std::string name = Name(m);
    if (row.label == "ignore") {
      ++ignored;
      ignored_flagged += flagged;
      continue;
    }
    if (row.label != "extortion") {
      if (flagged) {
        ++fp;
        std::string why;
        for (const record::Reason& x : r.reasons) why += " [" + x.family + ": " + x.evidence + "]";
        errors.push_back("FALSE POSITIVE " + name + " score=" + std::to_string(r.score) + why);
      } else {
        ++tn;
      }
      continue;
    }
    const std::string lang = row.lang.empty() ? r.language : row.lang;
    recall_by_lang[lang].Add(flagged);
    if (!flagged) {
      ++fn;
      std::string why;
      for (const record::Reason& x : r.reasons) why += " [" + x.family + ": " + x.evidence + "]";
      std::string feats;
      std::span<const char* const> names = detect::FeatureNames();
      for (size_t k = 0; k < scored[i].features.size() && k < names.size(); ++k) {
        if (scored[i].features[k] != 0) feats += fmt_feature(names[k], scored[i].features[k]);
      }
      errors.push_back("MISSED " + name + " (" + lang + ") score=" + std::to_string(r.score) + why +
                       "\n      features:" + feats);
      continue;
    }
    ++tp;
    if (args.show_reasons) {
      std::printf("OK %s %s score=%.3f demand=%s deadline=%s\n", name.c_str(),
                  std::string(record::ToString(r.category)).c_str(), r.score, DemandStr(r).c_str(),
                  r.deadline_hours ? std::to_string(*r.deadline_hours).c_str() : "none");
    }
    if (!row.category.empty()) {
      const std::string got(record::ToString(r.category));
      bool ok = row.category == got;
      category.Add(ok);
      if (!ok) errors.push_back("CATEGORY " + name + ": expected " + row.category + ", got " + got);
    }
    if (!row.wallet.empty()) {
      bool ok = false;
      for (const record::WalletFinding& w : r.wallets) ok |= w.address == row.wallet;
      wallet.Add(ok);
      if (!ok) errors.push_back("WALLET " + name + ": expected " + row.wallet);
    }
    if (!row.demand.empty()) {
      bool ok = DemandMatches(row.demand, r);
      demand.Add(ok);
      if (!ok)
        errors.push_back("DEMAND " + name + ": expected " + row.demand + ", got " + DemandStr(r));
    }
    if (!row.deadline.empty()) {
      bool ok = row.deadline == "-"
                    ? !r.deadline_hours
                    : r.deadline_hours && *r.deadline_hours == std::atoi(row.deadline.c_str());
      deadline.Add(ok);
      if (!ok) {
        errors.push_back("DEADLINE " + name + ": expected " + row.deadline + ", got " +
                         (r.deadline_hours ? std::to_string(*r.deadline_hours) : "none"));
      }
    }
  }
  std::printf("messages:  %zu (extortion %d, clean %d, ignored %d of which flagged %d)\n",
              scored.size(), tp + fn, fp + tn, ignored, ignored_flagged);
  std::printf("precision: %s (tp %d, fp %d)\n", Pct(tp, tp + fp).c_str(), tp, fp);
  std::printf("recall:    %s (tp %d, fn %d)\n", Pct(tp, tp + fn).c_str(), tp, fn);
  for (const auto& [lang, t] : recall_by_lang) {
    std::printf("  recall[%s]: %s\n", lang.c_str(), t.Str().c_str());
  }
  std::printf("category:  %s\nwallet:    %s\ndemand:    %s\ndeadline:  %s\n",
              category.Str().c_str(), wallet.Str().c_str(), demand.Str().c_str(),
              deadline.Str().c_str());
  std::printf("errors:    %zu\n", errors.size());
  for (const std::string& e : errors) std::printf("  %s\n", e.c_str());
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
      std::string why;
      for (const record::Reason& x : r.reasons) why += " [" + x.family + ": " + x.evidence + "]";
      std::printf("  %.3f %s%s\n", r.score, Name(set.messages[idx[k]]).c_str(), why.c_str());
    }
  }
  if (args.strict && (!errors.empty() || !set.errors.empty())) return 1;
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
