// extortrace milter : a Postfix/Sendmail milter on libmilter. Collects each
// message, scans it at end of body, adds X-Extortrace headers and applies the
// configured action (milter/policy.h). Fails open by default: an internal
// error or a scan past its time limit lets the message through with
// "X-Extortrace: error; ...", or answers 451 with --on-error tempfail.
//
// libmilter owns the sockets and threads (one thread per MTA connection) and
// the protocol; our own codec (milter/session.h) is what the tests and the
// fuzzer drive. docs/decisions/0008-milter-libmilter-and-own-codec.md.
#include <libmilter/mfapi.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <memory>
#include <new>
#include <string>

#include "commands.h"
#include "core/log.h"
#include "milter/policy.h"
#include "milter/session.h"
#include "server/service.h"

namespace extortrace::cli {
namespace {

struct MilterArgs {
  std::string socket;
  std::string on_extortion = "tag", on_clean = "pass", on_error = "pass", on_oversized = "pass";
  std::string reject_text;
  std::string subject_tag = "[SCAM]";
  size_t max_size = size_t{25} << 20;
  int scan_timeout_ms = 10000;
  int scan_workers = 0;
  int mta_timeout = 120;
  std::string db;
  bool no_qr = false;
};

// Process-wide state for the C callbacks (libmilter allows one filter per
// process).
server::ScanService* g_service = nullptr;
milter::Policy g_policy;
size_t g_max_size = 0;

struct Priv {
  milter::CollectedMessage msg;
};

Priv* GetPriv(SMFICTX* ctx) { return static_cast<Priv*>(smfi_getpriv(ctx)); }

Priv* EnsurePriv(SMFICTX* ctx) {
  Priv* p = GetPriv(ctx);
  if (p == nullptr) {
    p = new (std::nothrow) Priv();
    if (p != nullptr) smfi_setpriv(ctx, p);
  }
  return p;
}

sfsistat OnConnect(SMFICTX* ctx, char* host, _SOCK_ADDR*) {
  Priv* p = EnsurePriv(ctx);
  if (p == nullptr) return g_policy.on_error == milter::Action::kTempfail ? SMFIS_TEMPFAIL : SMFIS_ACCEPT;
  p->msg = {};
  if (host != nullptr) p->msg.envelope.client_host = host;
  return SMFIS_CONTINUE;
}

sfsistat OnEnvFrom(SMFICTX* ctx, char** argv) {
  Priv* p = EnsurePriv(ctx);
  if (p == nullptr) return g_policy.on_error == milter::Action::kTempfail ? SMFIS_TEMPFAIL : SMFIS_ACCEPT;
  std::string host = std::move(p->msg.envelope.client_host);
  p->msg = {};
  p->msg.envelope.client_host = std::move(host);
  if (argv != nullptr && argv[0] != nullptr) p->msg.envelope.mail_from = argv[0];
  if (const char* qid = smfi_getsymval(ctx, const_cast<char*>("i"))) p->msg.envelope.queue_id = qid;
  return SMFIS_CONTINUE;
}

sfsistat OnRcpt(SMFICTX* ctx, char** argv) {
  Priv* p = GetPriv(ctx);
  if (p != nullptr && argv != nullptr && argv[0] != nullptr && p->msg.envelope.rcpt_to.size() < 1000) {
    p->msg.envelope.rcpt_to.push_back(argv[0]);
  }
  return SMFIS_CONTINUE;
}

void Account(Priv* p, size_t n) {
  p->msg.total_bytes += n;
  if (p->msg.total_bytes > g_max_size) p->msg.oversized = true;
}

sfsistat OnHeader(SMFICTX* ctx, char* name, char* value) {
  Priv* p = GetPriv(ctx);
  if (p == nullptr || name == nullptr || value == nullptr) return SMFIS_CONTINUE;
  size_t n = std::strlen(name) + std::strlen(value) + 4;
  Account(p, n);
  if (!p->msg.oversized) p->msg.headers.push_back({name, value});
  return SMFIS_CONTINUE;
}

sfsistat OnBody(SMFICTX* ctx, unsigned char* chunk, size_t len) {
  Priv* p = GetPriv(ctx);
  if (p == nullptr) return SMFIS_CONTINUE;
  Account(p, len);
  if (!p->msg.oversized) p->msg.body.append(reinterpret_cast<const char*>(chunk), len);
  // Once oversized, stop buffering; the rest is still counted.
  else if (!p->msg.body.empty()) std::string().swap(p->msg.body);
  return SMFIS_CONTINUE;
}

milter::Summary Summarize(const record::ScanRecord& r) {
  milter::Summary s;
  s.verdict = record::ToString(r.verdict);
  s.category = record::ToString(r.category);
  s.score = r.score;
  s.campaign = r.campaign;
  for (const auto& w : r.wallets) s.wallets.push_back(w.currency + ":" + w.address);
  return s;
}

sfsistat Apply(SMFICTX* ctx, const milter::Decision& d) {
  switch (d.action) {
    case milter::Action::kReject:
    case milter::Action::kTempfail: {
      std::string text = milter::SanitizeReplyText(d.text);
      smfi_setreply(ctx, const_cast<char*>(d.smtp_code.c_str()), const_cast<char*>(d.xcode.c_str()),
                    const_cast<char*>(text.c_str()));
      return d.action == milter::Action::kReject ? SMFIS_REJECT : SMFIS_TEMPFAIL;
    }
    case milter::Action::kDiscard:
      return SMFIS_DISCARD;
    default:
      break;
  }
  for (const auto& h : d.add_headers) {
    smfi_addheader(ctx, const_cast<char*>(h.name.c_str()), const_cast<char*>(h.value.c_str()));
  }
  if (d.new_subject) {
    smfi_chgheader(ctx, const_cast<char*>("Subject"), 1, const_cast<char*>(d.new_subject->c_str()));
  }
  if (d.action == milter::Action::kQuarantine) {
    smfi_quarantine(ctx, const_cast<char*>(d.quarantine_reason.c_str()));
  }
  return SMFIS_ACCEPT;
}

sfsistat OnEom(SMFICTX* ctx) {
  Priv* p = GetPriv(ctx);
  milter::Summary s;
  std::string subject;
  try {
    if (p == nullptr) {
      s.outcome = milter::Summary::Outcome::kError;
      s.error = "out-of-memory";
    } else {
      for (const auto& h : p->msg.headers) {
        if (strcasecmp(h.name.c_str(), "Subject") == 0) {
          subject = h.value;
          break;
        }
      }
      if (p->msg.oversized) {
        s.outcome = milter::Summary::Outcome::kOversized;
      } else {
        mail::RawMessage raw;
        raw.data = milter::RebuildMessage(p->msg.headers, p->msg.body);
        // Queue ids repeat across MTAs sharing a store; the content hash does
        // not: the message is named by it (source left empty).
        auto res = g_service->Scan(std::move(raw), /*store_it=*/true, "milter:");
        if (!res) {
          bool timeout = res.error().context().rfind("timeout", 0) == 0;
          s.outcome = timeout ? milter::Summary::Outcome::kTimeout : milter::Summary::Outcome::kError;
          s.error = timeout ? "timeout" : "scan-failed";
          Log(LogLevel::kWarn, "milter: {}: {}", p->msg.envelope.queue_id, res.error().ToString());
        } else {
          s = Summarize(res->record);
        }
      }
    }
  } catch (const std::exception& e) {
    s = {};
    s.outcome = milter::Summary::Outcome::kError;
    s.error = "internal";
    Log(LogLevel::kError, "milter: internal error: {}", e.what());
  }
  milter::Decision d = milter::Decide(g_policy, s, subject);
  Log(LogLevel::kInfo, "milter: {} {} -> {}", p ? p->msg.envelope.queue_id : "-",
      milter::FormatHeaderValue(s), milter::ActionName(d.action));
  if (p != nullptr) {
    std::string host = std::move(p->msg.envelope.client_host);
    p->msg = {};
    p->msg.envelope.client_host = std::move(host);
  }
  return Apply(ctx, d);
}

sfsistat OnAbort(SMFICTX* ctx) {
  if (Priv* p = GetPriv(ctx)) {
    std::string host = std::move(p->msg.envelope.client_host);
    p->msg = {};
    p->msg.envelope.client_host = std::move(host);
  }
  return SMFIS_CONTINUE;
}

sfsistat OnClose(SMFICTX* ctx) {
  delete GetPriv(ctx);
  smfi_setpriv(ctx, nullptr);
  return SMFIS_CONTINUE;
}

int RunMilter(const MilterArgs& args) {
  struct {
    const std::string& text;
    milter::Action* out;
    const char* flag;
  } actions[] = {{args.on_extortion, &g_policy.on_extortion, "--on-extortion"},
                 {args.on_clean, &g_policy.on_clean, "--on-clean"},
                 {args.on_error, &g_policy.on_error, "--on-error"},
                 {args.on_oversized, &g_policy.on_oversized, "--on-oversized"}};
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
  if (g_policy.on_error != milter::Action::kPass && g_policy.on_error != milter::Action::kTempfail) {
    std::fprintf(stderr, "extortrace: --on-error is pass (fail open) or tempfail\n");
    return kExitUsage;
  }
  if (!args.reject_text.empty()) g_policy.reject_text = args.reject_text;
  g_policy.subject_tag = args.subject_tag;
  g_max_size = args.max_size;

  std::string db = args.db;
  if (db.empty()) {
    if (const char* env = std::getenv("EXTORTRACE_DB")) db = env;
  }
  server::ServiceOptions so;
  so.db_url = db;
  so.engine.decode_qr = !args.no_qr;
  so.scan_timeout = std::chrono::milliseconds(args.scan_timeout_ms);
  so.scan_workers = args.scan_workers;
  so.recent_capacity = 0;
  auto service = server::ScanService::Create(so);
  if (!service) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", db.c_str(),
                 service.error().ToString().c_str());
    return kExitInputError;
  }
  g_service = service->get();

  smfiDesc desc{};
  desc.xxfi_name = const_cast<char*>("extortrace");
  desc.xxfi_version = SMFI_VERSION;
  desc.xxfi_flags = SMFIF_ADDHDRS | SMFIF_CHGHDRS | SMFIF_QUARANTINE;
  desc.xxfi_connect = OnConnect;
  desc.xxfi_envfrom = OnEnvFrom;
  desc.xxfi_envrcpt = OnRcpt;
  desc.xxfi_header = OnHeader;
  desc.xxfi_body = OnBody;
  desc.xxfi_eom = OnEom;
  desc.xxfi_abort = OnAbort;
  desc.xxfi_close = OnClose;
  if (smfi_setconn(const_cast<char*>(args.socket.c_str())) == MI_FAILURE) {
    std::fprintf(stderr, "extortrace: --socket %s: not a milter socket spec\n", args.socket.c_str());
    return kExitUsage;
  }
  smfi_settimeout(args.mta_timeout);
  if (smfi_register(desc) == MI_FAILURE) {
    std::fprintf(stderr, "extortrace: milter registration failed\n");
    return kExitInternal;
  }
  if (smfi_opensocket(/*rmsocket=*/true) == MI_FAILURE) {
    std::fprintf(stderr, "extortrace: cannot listen on %s\n", args.socket.c_str());
    return kExitInputError;
  }
  std::fprintf(stderr,
               "extortrace: milter on %s (extortion: %s, clean: %s, error: %s, max size %zu, "
               "store: %s)\n",
               args.socket.c_str(), args.on_extortion.c_str(), args.on_clean.c_str(),
               args.on_error.c_str(), args.max_size, db.empty() ? "none" : "yes");
  int rc = smfi_main();  // returns on SIGTERM/SIGINT/SIGHUP (libmilter handles them)
  return rc == MI_SUCCESS ? kExitOk : kExitInternal;
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
                  "pass (fail open, default) or tempfail when scanning fails or times out");
  sub->add_option("--on-oversized", args->on_oversized,
                  "Action for messages over --max-size (default pass, not scanned)");
  sub->add_option("--reject-text", args->reject_text, "Text of the 550 reply");
  sub->add_option("--subject-tag", args->subject_tag,
                  "Subject prefix for the tag action (default [SCAM]; empty: none)");
  sub->add_option("--max-size", args->max_size, "Largest message scanned, in bytes (default 25 MB)");
  sub->add_option("--scan-workers", args->scan_workers,
                  "Threads that scan messages (default: one per core)");
  sub->add_option("--scan-timeout", args->scan_timeout_ms,
                  "Milliseconds one scan may take before failing open (default 10000)");
  sub->add_option("--mta-timeout", args->mta_timeout, "Seconds to wait on the MTA (default 120)");
  sub->add_option("--db", args->db, "Store for campaigns (SQLite file or postgresql:// URL)");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  return {sub, [args] { return RunMilter(*args); }};
}

}  // namespace extortrace::cli
