// The extortion detector: decides whether a message is crypto-extortion,
// which kind, what it demands and by when, and why.
//
// Input is what the scan engine already derived (normalized text, wallets,
// header facts); the detector never re-parses mail. Output fills the scan
// record's verdict, category, score, demand, deadline_hours and reasons.
//
// How a verdict is reached (docs/detection.md):
//  1. One Hyperscan pass of every lexicon (all languages at once) over the
//     folded text gives claim-family hits (matcher.h, lexicon_*.cpp).
//  2. Rules: a verdict needs a payment (a valid wallet, or a crypto payment
//     demand) AND a threat core (exposure threat, a recording claim, or a
//     compromise claim backed by proof/"sent from your account"/deadline/
//     anti-response) AND enough distinct claim families. A wallet alone, or
//     claims alone, are never extortion.
//  3. A small logistic-regression layer (model.h) over family strengths and
//     header/obfuscation signals gives the score and may veto a weak rule
//     verdict; without a trained model the rules decide alone.
//  4. Demand and deadline are extracted next to the payment words.
//
// Thread-safety: Detect() may be called concurrently; the pattern database is
// built once (lazily, thread-safe) and per-thread scratch space is used.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "record/record.h"

namespace extortrace::detect {

struct Input {
  std::string_view text;      // normalized visible text (subject first)
  std::string_view folded;    // lowercased, diacritics stripped (for matching)
  std::string_view hidden;    // text hidden by HTML tricks (junk), may be empty
  std::string_view subject;   // decoded subject
  std::string_view language;  // ISO 639-1 from the language identifier, or "und"
  const std::vector<record::WalletFinding>* wallets = nullptr;
  const std::vector<std::string>* obfuscation = nullptr;  // scan-record names
  // Header facts (false/empty for plain-text input).
  bool self_sent = false;
  bool auth_failed = false;  // spf/dkim/dmarc fail or softfail for the From domain
  bool reply_to_mismatch = false;
  bool plain_text = false;        // input was a bare body (no headers)
  std::string_view from_address;  // From addr-spec, may be empty
  // Parse limits the message reached (scan-record anomaly names, comma
  // separated; empty: none): evidence, never alone (detail/limits.h).
  std::string_view limits;
  // The message's Date (0: none) and its zone, to resolve "by Friday".
  int64_t sent_unix = 0;
  int sent_offset_minutes = 0;
  // false (default): a message without a valid wallet that the matcher's
  // gate stops (Gate::kDemand: neither crypto evidence nor a possible
  // explicit threat) is declared clean without running the rest of the
  // lexicons, as no verdict could come of it; its reasons and features stay
  // empty. true: always run everything (the test that the gate changes no
  // verdict).
  bool exhaustive = false;
  // Optional offset maps (text::NormalizedText::offsets / folded_offsets).
  // When both are given, reason offsets and evidence refer to the input of
  // the normalizer (the visible text) and evidence is cut from `text`;
  // otherwise offsets index `folded` and evidence is cut from it.
  std::span<const uint32_t> text_offsets;
  std::span<const uint32_t> folded_offsets;
};

struct Verdict {
  bool extortion = false;
  record::Category category = record::Category::kNone;  // kNone if clean
  double score = 0;                                     // 0..1
  std::optional<record::Demand> demand;
  std::optional<int> deadline_hours;
  std::string deadline_at;              // a deadline written as a day, RFC 3339; empty if none
  std::vector<record::Reason> reasons;  // see Input::text_offsets for what offsets index
  bool rule_verdict = false;            // what the rules alone decided
  bool model_free = false;              // a verdict the model does not judge (no_wallet, violence)
  std::vector<float> features;          // model features (for `extortrace train` and eval)
};

Verdict Detect(const Input& in);

// Names of the model features, in Verdict::features order.
std::span<const char* const> FeatureNames();

// True for a From local part that looks machine-generated ("FMx91ZPe",
// "k8s7qz3lw"): bulk-registered sender accounts.
bool RandomLookingLocalPart(std::string_view local);

}  // namespace extortrace::detect
