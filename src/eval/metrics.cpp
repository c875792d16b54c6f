#include "eval/metrics.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <span>

#include "detect/detector.h"

namespace extortrace::eval {
namespace {

std::string DemandStr(const record::ScanRecord& r) {
  if (!r.demand) return "none";
  char b[64];
  std::snprintf(b, sizeof b, "%g %s", r.demand->amount, r.demand->currency.c_str());
  return b;
}

std::string Features(const std::vector<float>& f) {
  std::string out;
  std::span<const char* const> names = detect::FeatureNames();
  for (size_t k = 0; k < f.size() && k < names.size(); ++k) {
    if (f[k] == 0) continue;
    char b[64];
    std::snprintf(b, sizeof b, " %s=%.2f", names[k], f[k]);
    out += b;
  }
  return out;
}

// Extraction checks of a message detected as extortion.
void CheckExtraction(const LabelRow& row, const std::string& name, const record::ScanRecord& r,
                     Scores* s) {
  if (!row.category.empty()) {
    const std::string got(record::ToString(r.category));
    s->category.Add(row.category == got);
    if (row.category != got) {
      s->errors.push_back("CATEGORY " + name + ": expected " + row.category + ", got " + got);
    }
  }
  if (!row.wallet.empty()) {
    bool ok = false;
    for (const record::WalletFinding& w : r.wallets) ok |= w.address == row.wallet;
    s->wallet.Add(ok);
    if (!ok) s->errors.push_back("WALLET " + name + ": expected " + row.wallet);
  }
  if (!row.demand.empty()) {
    bool ok = DemandMatches(row.demand, r);
    s->demand.Add(ok);
    if (!ok) {
      s->errors.push_back("DEMAND " + name + ": expected " + row.demand + ", got " + DemandStr(r));
    }
  }
  if (!row.deadline.empty()) {
    bool ok = row.deadline == "-"
                  ? !r.deadline_hours
                  : r.deadline_hours && *r.deadline_hours == std::atoi(row.deadline.c_str());
    s->deadline.Add(ok);
    if (!ok) {
      s->errors.push_back("DEADLINE " + name + ": expected " + row.deadline + ", got " +
                          (r.deadline_hours ? std::to_string(*r.deadline_hours) : "none"));
    }
  }
}

}  // namespace

std::string Tally::Str() const {
  if (total == 0) return "n/a";
  char b[64];
  std::snprintf(b, sizeof b, "%d/%d (%.1f%%)", hit, total, 100.0 * hit / total);
  return b;
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

std::string ReasonsText(const record::ScanRecord& r) {
  std::string why;
  for (const record::Reason& x : r.reasons) why += " [" + x.family + ": " + x.evidence + "]";
  return why;
}

std::string MessageName(const LabelledMessage& m) {
  std::string n = m.raw.source;
  if (!m.raw.member.empty()) n += ":" + m.raw.member;
  if (m.raw.index > 0) n += "#" + std::to_string(m.raw.index);
  return n;
}

Scores Score(const LabelSet& set, const std::vector<Judged>& judged) {
  Scores s;
  for (size_t i = 0; i < judged.size() && i < set.messages.size(); ++i) {
    const LabelRow& row = *set.messages[i].row;
    const record::ScanRecord& r = judged[i].record;
    const bool flagged = r.verdict == record::Verdict::kExtortion;
    const std::string name = MessageName(set.messages[i]);
    if (row.label == "ignore") {
      ++s.ignored;
      s.ignored_flagged += flagged;
      continue;
    }
    if (row.label != "extortion") {
      if (flagged) {
        ++s.fp;
        s.errors.push_back("FALSE POSITIVE " + name + " score=" + std::to_string(r.score) +
                           ReasonsText(r));
      } else {
        ++s.tn;
      }
      continue;
    }
    const std::string lang = row.lang.empty() ? r.language : row.lang;
    s.recall_by_lang[lang].Add(flagged);
    if (!flagged) {
      ++s.fn;
      s.errors.push_back("MISSED " + name + " (" + lang + ") score=" + std::to_string(r.score) +
                         ReasonsText(r) + "\n      features:" + Features(judged[i].features));
      continue;
    }
    ++s.tp;
    char line[512];
    std::snprintf(line, sizeof line, "OK %s %s score=%.3f demand=%s deadline=%s", name.c_str(),
                  std::string(record::ToString(r.category)).c_str(), r.score, DemandStr(r).c_str(),
                  r.deadline_hours ? std::to_string(*r.deadline_hours).c_str() : "none");
    s.correct.push_back(line);
    CheckExtraction(row, name, r, &s);
  }
  return s;
}

}  // namespace extortrace::eval
