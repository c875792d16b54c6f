// The scan engine: one raw message in, one ScanRecord out.
//
//   raw bytes -> mail::ParseMessage (MIME, charsets) -> visible text of each
//   body (HTML hiding removed) -> text::Normalize (invisibles, look-alikes,
//   NFKC) -> language -> wallets (text, split, QR codes) -> header forensics
//   -> detection -> ScanRecord
//
// The same Engine serves the batch CLI, the HTTP API and the milter.
// Thread-safety: Scan() is const and may be called from many threads at once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"
#include "mail/source.h"
#include "record/record.h"
#include "text/normalize.h"

namespace extortrace::scan {

struct EngineOptions {
  bool plain_text = false;  // inputs are bare text bodies, not RFC 822 mail
  bool decode_qr = true;    // look for wallet QR codes in images
  bool detect = true;       // run the extortion detector (off: benchmarks, A/B)
  // Run every lexicon on every message, past the detector's cheap gate
  // (detect::Input::exhaustive): for the test that the gate changes no verdict.
  bool exhaustive_detection = false;
};

// Everything the engine derived from one message, for `dump` and for the
// detector. The record is the public summary of this.
struct Analysis {
  mail::ParsedMessage message;
  std::string visible;  // subject + chosen bodies' visible text
  std::string hidden;   // text hidden by HTML tricks
  text::NormalizedText normalized;
  std::vector<float> detect_features;  // the detector's model features (train/eval)
  bool detect_rule_verdict = false;    // the rules' verdict before the model (eval)
  bool detect_model_free = false;      // a verdict the model does not judge (eval)
  record::ScanRecord record;
};

class Engine {
 public:
  explicit Engine(EngineOptions options = {});

  record::ScanRecord Scan(const mail::RawMessage& raw) const;
  Analysis Analyze(const mail::RawMessage& raw) const;

 private:
  EngineOptions options_;
};

}  // namespace extortrace::scan
