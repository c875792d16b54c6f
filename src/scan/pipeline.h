// Parallel batch scanning with ordered output.
//
// One reader thread walks the sources (mail/source.h) and hands raw messages
// to `threads` workers through a bounded queue; results come back to the
// caller's sink in input order, on the calling thread. Memory is bounded by
// the queue and the reorder window (both a few messages per worker), whatever
// the corpus size.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/result.h"
#include "mail/source.h"
#include "record/record.h"
#include "scan/engine.h"

namespace extortrace::scan {

struct PipelineStats {
  uint64_t messages = 0;
  uint64_t bytes = 0;
  uint64_t errors = 0;        // unreadable inputs
  uint64_t skipped = 0;       // files that are not mail
  uint64_t already_done = 0;  // messages the skip callback passed over
};

struct PipelineCallbacks {
  // Optional, called on worker threads before scanning: return true to skip a
  // message that needs no work (e.g. already stored). Must be thread-safe.
  std::function<bool(const mail::RawMessage&)> skip;
  // Called in input order on the calling thread.
  std::function<void(const record::ScanRecord&)> on_record;
  // Called on the reader thread; must be thread-safe with respect to on_record.
  std::function<void(const Error&)> on_error;
  std::function<void(const std::string&)> on_skip;
  // Called on the calling thread after each record, for progress display.
  std::function<void(const PipelineStats&, const record::ScanRecord&)> on_progress;
};

PipelineStats RunPipeline(const std::vector<std::string>& paths,
                          const mail::SourceOptions& source_options, const Engine& engine,
                          unsigned threads, const PipelineCallbacks& callbacks);

}  // namespace extortrace::scan
