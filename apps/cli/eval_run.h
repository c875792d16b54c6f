// Scanning a label set on all cores (shared by eval and train).
#pragma once

#include <vector>

#include "eval/labels.h"
#include "eval/metrics.h"

namespace extortrace::cli {

using eval::LabelledMessage;
using eval::LabelRow;
using eval::LabelSet;
using eval::LoadLabels;
using Scored = eval::Judged;

// Scans every message of `set` (in parallel, `threads` 0 = all cores); the
// result has one entry per LabelSet::messages entry, in the same order.
std::vector<Scored> ScanLabelled(const LabelSet& set, unsigned threads);

}  // namespace extortrace::cli
