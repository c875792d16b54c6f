// Scanning a label set on all cores (shared by eval and train).
#pragma once

#include <vector>

#include "labels.h"
#include "scan/engine.h"

namespace extortrace::cli {

struct Scored {
  record::ScanRecord record;
  std::vector<float> features;
  bool rule_verdict = false;  // scan::Analysis::detect_rule_verdict
  bool model_free = false;    // scan::Analysis::detect_model_free
};

// Scans every message of `set` (in parallel, `threads` 0 = all cores); the
// result has one entry per LabelSet::messages entry, in the same order.
std::vector<Scored> ScanLabelled(const LabelSet& set, unsigned threads);

}  // namespace extortrace::cli
