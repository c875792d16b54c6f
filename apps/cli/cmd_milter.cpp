// extortrace milter : a Postfix/Sendmail milter on libmilter. Collects each
// message, scans it at end of body, adds X-Extortrace headers and applies the
// configured action (milter/policy.h). A message that could not be scanned
// is never passed as clean: by default an internal error or a scan past its
// time limit answers 451 (the client retries), or with --on-error pass lets
// the message through with "X-Extortrace: error; ..."; an oversized message
// is delivered tagged "[UNSCANNED]" (--on-oversized).
//
// This file only reads the flags and plugs the scan service into the daemon
// (milter/libmilter_daemon.h), whose callbacks run the same collector and
// judge as the tested codec session.
// docs/decisions/0008-milter-libmilter-and-own-codec.md.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>
#include <thread>
#include <utility>

#include "commands.h"
#include "detect/matcher.h"
#include "mail/message.h"
#include "milter/libmilter_daemon.h"
#include "milter/policy.h"
#include "server/service.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct MilterArgs {
  std::string socket;
  std::string on_extortion = "tag", on_clean = "pass", on_error = "tempfail", on_oversized = "tag";
  std::string reject_text;
  std::string subject_tag = "[SCAM]";
  size_t max_size = milter::Limits{}.max_message_bytes;
  int scan_timeout_ms = 10000;
  int scan_workers = 0;
  int mta_timeout = 120;
  std::string db;
  bool no_qr = false;
};

milter::Summary Summarize(const record::ScanRecord& r) {
  milter::Summary s;
  s.verdict = record::ToString(r.verdict);
  s.category = record::ToString(r.category);
  s.score = r.score;
  s.campaign = r.campaign;
  for (const auto& w : r.wallets) s.wallets.push_back(w.currency + ":" + w.address);
  for (const auto& a : r.anomalies) {
    if (mail::IsLimitAnomaly(a)) s.limits.push_back(a);
  }
  return s;
}

int RunMilter(const MilterArgs& args) {
  milter::DaemonOptions opt;
  struct {
    const std::string& text;
    milter::Action* out;
    const char* flag;
  } actions[] = {{args.on_extortion, &opt.policy.on_extortion, "--on-extortion"},
                 {args.on_clean, &opt.policy.on_clean, "--on-clean"},
                 {args.on_error, &opt.policy.on_error, "--on-error"},
                 {args.on_oversized, &opt.policy.on_oversized, "--on-oversized"}};
  for (auto& a : actions) {
    auto parsed = milter::ParseAction(a.text);
    if (!parsed) {
      std::fprintf(stderr,
                   "extortrace: %s: unknown action %s (pass, tag, quarantine, reject, discard, "
                   "tempfail)\n",
                   a.flag, a.text.c_str());
      return kExitUsage;
    }
    *a.out = *parsed;
  }
  if (opt.policy.on_error != milter::Action::kPass &&
      opt.policy.on_error != milter::Action::kTempfail &&
      opt.policy.on_error != milter::Action::kTag) {
    std::fprintf(stderr, "extortrace: --on-error is tempfail, tag or pass (fail open)\n");
    return kExitUsage;
  }
  if (!args.reject_text.empty()) opt.policy.reject_text = args.reject_text;
  opt.policy.subject_tag = args.subject_tag;
  opt.limits.max_message_bytes = args.max_size;
  opt.mta_timeout_seconds = args.mta_timeout;
  opt.socket = args.socket;

  std::string db = StoreUrl(args.db, StoreNeed::kOptional);
  server::ServiceOptions so;
  so.db_url = db;
  so.engine.decode_qr = !args.no_qr;
  so.scan_timeout = std::chrono::milliseconds(args.scan_timeout_ms);
  so.scan_workers = args.scan_workers;
  so.recent_capacity = 0;
  auto created = server::ScanService::Create(so);
  if (!created) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", db.c_str(),
                 created.error().ToString().c_str());
    return kExitInputError;
  }
  server::ScanService* service = created->get();
  opt.scanner = [service](std::string message) -> Result<milter::Summary> {
    mail::RawMessage raw;
    raw.data = std::move(message);
    // Queue ids repeat across MTAs sharing a store; the content hash does
    // not: the message is named by it (source left empty).
    auto res = service->Scan(std::move(raw), /*store_it=*/true, "milter:");
    if (!res) return Fail(res.error());
    return Summarize(res->record);
  };

  if (auto st = milter::ListenLibmilter(std::move(opt)); !st) {
    const char* socket = args.socket.c_str();
    if (st.error().IsInvalidArgument()) {
      std::fprintf(stderr, "extortrace: --socket %s: not a milter socket spec\n", socket);
      return kExitUsage;
    }
    if (st.error().IsIo()) {
      std::fprintf(stderr, "extortrace: cannot listen on %s\n", socket);
      return kExitInputError;
    }
    std::fprintf(stderr, "extortrace: %s\n", st.error().context().c_str());
    return kExitInternal;
  }
  std::fprintf(stderr,
               "extortrace: milter on %s (extortion: %s, clean: %s, error: %s, max size %zu, "
               "store: %s)\n",
               args.socket.c_str(), args.on_extortion.c_str(), args.on_clean.c_str(),
               args.on_error.c_str(), args.max_size, db.empty() ? "none" : "yes");
  // The detector's patterns compile on first use; the milter compiles them
  // all now, so that no message waits for them.
  std::thread warm(detect::CompileAll);
  // Returns on SIGTERM/SIGINT/SIGHUP (libmilter handles them).
  const bool ok = static_cast<bool>(milter::RunLibmilter());
  warm.join();
  return ok ? kExitOk : kExitInternal;
}

}  // namespace

Command RegisterMilter(CLI::App& app) {
  auto args = std::make_shared<MilterArgs>();
  CLI::App* sub = app.add_subcommand("milter", "Postfix/Sendmail milter: scan, tag or refuse mail");
  sub->add_option("--socket", args->socket, "inet:PORT@127.0.0.1 or unix:/path/to/socket")
      ->required();
  sub->add_option("--on-extortion", args->on_extortion,
                  "pass, tag, quarantine, reject, discard or tempfail (default tag)");
  sub->add_option("--on-clean", args->on_clean, "Action for clean mail (default pass)");
  sub->add_option("--on-error", args->on_error,
                  "tempfail (default: the client retries), tag or pass (fail open) when "
                  "scanning fails or times out");
  sub->add_option("--on-oversized", args->on_oversized,
                  "Action for messages over --max-size, which are not scanned (default tag: "
                  "delivered with X-Spam-Flag and an [UNSCANNED] subject)");
  sub->add_option("--reject-text", args->reject_text, "Text of the 550 reply");
  sub->add_option("--subject-tag", args->subject_tag,
                  "Subject prefix for the tag action (default [SCAM]; empty: none)");
  sub->add_option("--max-size", args->max_size,
                  "Largest message scanned, in bytes (default 25 MB)");
  sub->add_option("--scan-workers", args->scan_workers,
                  "Threads that scan messages (default: one per core)");
  sub->add_option("--scan-timeout", args->scan_timeout_ms,
                  "Milliseconds one scan may take before failing open (default 10000)");
  sub->add_option("--mta-timeout", args->mta_timeout, "Seconds to wait on the MTA (default 120)");
  sub->add_option("--db", args->db,
                  "Store for campaigns (SQLite file or postgresql:// URL; "
                  "default: $EXTORTRACE_DB)");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  return {sub, [args] { return RunMilter(*args); }};
}

}  // namespace extortrace::cli
