// What the milter does with a scanned message: the headers it adds and the
// action it takes, per verdict. Pure functions over a small summary of the
// scan, so the daemon (libmilter), the codec session and the tests share one
// decision table.
//
//   verdict     default action   configurable to
//   extortion   tag              pass, tag, quarantine, reject, discard, tempfail
//   clean       pass             (same)
//   error       tempfail         pass (fail open), tag
//   oversized   tag              (same as extortion)
//
// A message that was not scanned (error: the scan failed, threw or ran past
// its time limit; oversized: over the collector's size limit) is never
// delivered as if clean: by default a failed scan answers 4xx, so that the
// client retries when the scanner has room (an overload passes, a letter
// sent during it is scanned later), and an oversized message, which would
// fail again, is delivered tagged. Its header says what happened
// ("error; reason=...", "skipped; reason=oversized"). A scanned message
// that reached a parser limit (mail/message.h) says so in its header
// ("clean; score=0.10; limits=too-many-parts"), and the verdict already
// counts the limit as evidence.
//
// "pass" delivers the message with the X-Extortrace headers; "tag" also adds
// X-Spam-Flag: YES and prefixes the Subject (subject_tag when scanned,
// unscanned_subject_tag when not); "quarantine" holds it in the
// MTA's hold queue with a reason; "reject" answers the SMTP client with a 5xx
// reply that says why; "discard" accepts and drops it silently; "tempfail"
// answers 4xx so the client retries later.
//
// Headers added on every delivered message:
//   X-Extortrace: extortion; score=0.98; category=sextortion; campaign=c-000042
//   X-Extortrace-Wallets: BTC:bc1q..., BTC:1Abc...      (only when wallets were found)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "milter/codec.h"

namespace extortrace::milter {

enum class Action { kPass, kTag, kQuarantine, kReject, kDiscard, kTempfail };

std::string_view ActionName(Action a);
std::optional<Action> ParseAction(std::string_view name);

// The facts of one scan the milter needs.
struct Summary {
  enum class Outcome { kScanned, kError, kTimeout, kOversized };
  Outcome outcome = Outcome::kScanned;
  std::string verdict = "clean";  // "extortion" or "clean"
  std::string category;           // empty when clean
  double score = 0;
  std::string campaign;              // empty when not stored/clustered
  std::vector<std::string> wallets;  // "BTC:bc1q..."
  std::vector<std::string> limits;   // parser limits reached ("too-many-parts", ...)
  std::string error;                 // for kError: a short reason
};

struct Policy {
  Action on_extortion = Action::kTag;
  Action on_clean = Action::kPass;
  Action on_error = Action::kTempfail;  // kPass fails open; kTag delivers tagged
  Action on_oversized = Action::kTag;
  std::string reject_code = "550";
  std::string reject_xcode = "5.7.1";
  std::string reject_text =
      "Message refused: it is a bulk crypto-extortion scam. Nothing was hacked; do not pay.";
  std::string tempfail_text = "Mail filter temporarily unavailable, please retry later";
  std::string subject_tag = "[SCAM]";
  std::string unscanned_subject_tag = "[UNSCANNED]";
  std::string header_name = "X-Extortrace";
};

struct Decision {
  Action action = Action::kPass;
  std::vector<HeaderField> add_headers;    // in order
  std::optional<std::string> new_subject;  // set by "tag"
  // Reply for reject/tempfail.
  std::string smtp_code, xcode, text;
  std::string quarantine_reason;
};

// The X-Extortrace header value for a summary.
std::string FormatHeaderValue(const Summary& s);

// Decides the action and headers. `subject` is the message's current
// Subject (decoded or raw; only used to build the tagged one).
Decision Decide(const Policy& policy, const Summary& s, std::string_view subject);

// Rebuilds an RFC 822 message from what the MTA sent: "Name: value" header
// lines joined with CRLF, an empty line, the body as received.
std::string RebuildMessage(const std::vector<HeaderField>& headers, std::string_view body);

}  // namespace extortrace::milter
