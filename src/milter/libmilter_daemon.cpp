#include "milter/libmilter_daemon.h"

#include <libmilter/mfapi.h>

#include <memory>
#include <new>
#include <utility>

namespace extortrace::milter {
namespace {

// Set once by ListenLibmilter, before libmilter starts a callback thread;
// read-only afterwards.
const DaemonOptions* g_options = nullptr;

Collector* GetCollector(SMFICTX* ctx) { return static_cast<Collector*>(smfi_getpriv(ctx)); }

// Allocation failure is answered per --on-error rather than thrown through C.
Collector* EnsureCollector(SMFICTX* ctx) {
  Collector* c = GetCollector(ctx);
  if (c == nullptr) {
    c = new (std::nothrow) Collector(g_options->limits);
    if (c != nullptr) smfi_setpriv(ctx, c);
  }
  return c;
}

// No message to tag here: anything but fail-open answers 4xx.
sfsistat Unavailable() {
  return g_options->policy.on_error == Action::kPass ? SMFIS_ACCEPT : SMFIS_TEMPFAIL;
}

// libmilter's API takes char* for strings it only reads.
char* C(const std::string& s) { return const_cast<char*>(s.c_str()); }

sfsistat OnConnect(SMFICTX* ctx, char* host, _SOCK_ADDR*) {
  Collector* c = EnsureCollector(ctx);
  if (c == nullptr) return Unavailable();
  c->Connect(host != nullptr ? host : "", "");
  return SMFIS_CONTINUE;
}

sfsistat OnEnvFrom(SMFICTX* ctx, char** argv) {
  Collector* c = EnsureCollector(ctx);
  if (c == nullptr) return Unavailable();
  c->StartMessage(argv != nullptr && argv[0] != nullptr ? argv[0] : "");
  const char* qid = smfi_getsymval(ctx, const_cast<char*>("i"));
  c->SetQueueId(qid != nullptr ? qid : "");  // never the previous transaction's
  return SMFIS_CONTINUE;
}

sfsistat OnRcpt(SMFICTX* ctx, char** argv) {
  Collector* c = GetCollector(ctx);
  if (c != nullptr && argv != nullptr && argv[0] != nullptr) c->AddRecipient(argv[0]);
  return SMFIS_CONTINUE;
}

sfsistat OnHeader(SMFICTX* ctx, char* name, char* value) {
  Collector* c = GetCollector(ctx);
  if (c != nullptr && name != nullptr && value != nullptr) c->AddHeader(name, value);
  return SMFIS_CONTINUE;
}

sfsistat OnBody(SMFICTX* ctx, unsigned char* chunk, size_t len) {
  if (Collector* c = GetCollector(ctx)) {
    c->AddBody(std::string_view(reinterpret_cast<const char*>(chunk), len));
  }
  return SMFIS_CONTINUE;
}

sfsistat Apply(SMFICTX* ctx, const Decision& d) {
  switch (d.action) {
    case Action::kReject:
    case Action::kTempfail: {
      std::string text = SanitizeReplyText(d.text);
      smfi_setreply(ctx, C(d.smtp_code), C(d.xcode), C(text));
      return d.action == Action::kReject ? SMFIS_REJECT : SMFIS_TEMPFAIL;
    }
    case Action::kDiscard:
      return SMFIS_DISCARD;
    case Action::kPass:
    case Action::kTag:
    case Action::kQuarantine:
      break;
  }
  for (const HeaderField& h : d.add_headers) smfi_addheader(ctx, C(h.name), C(h.value));
  if (d.new_subject) smfi_chgheader(ctx, const_cast<char*>("Subject"), 1, C(*d.new_subject));
  if (d.action == Action::kQuarantine) smfi_quarantine(ctx, C(d.quarantine_reason));
  return SMFIS_ACCEPT;
}

sfsistat OnEom(SMFICTX* ctx) {
  Collector* c = GetCollector(ctx);
  if (c == nullptr) return Apply(ctx, JudgeFailure(g_options->policy, "out-of-memory"));
  Decision d = JudgeMessage(g_options->policy, c->message(), g_options->scanner);
  c->FinishMessage();
  return Apply(ctx, d);
}

sfsistat OnAbort(SMFICTX* ctx) {
  if (Collector* c = GetCollector(ctx)) c->Abort();
  return SMFIS_CONTINUE;
}

sfsistat OnClose(SMFICTX* ctx) {
  delete GetCollector(ctx);
  smfi_setpriv(ctx, nullptr);
  return SMFIS_CONTINUE;
}

}  // namespace

Status ListenLibmilter(DaemonOptions options) {
  if (g_options != nullptr) return Fail(Error::Internal("the milter daemon is already running"));
  if (!options.scanner) return Fail(Error::InvalidArgument("the milter daemon needs a scanner"));
  if (smfi_setconn(C(options.socket)) == MI_FAILURE) {
    return Fail(Error::InvalidArgument(options.socket + ": not a milter socket spec"));
  }
  // Leaked on purpose: libmilter's threads may outlive any owner we could give it.
  g_options = new DaemonOptions(std::move(options));
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
  smfi_settimeout(g_options->mta_timeout_seconds);
  if (smfi_register(desc) == MI_FAILURE) return Fail(Error::Internal("milter registration failed"));
  if (smfi_opensocket(/*rmsocket=*/true) == MI_FAILURE) {
    return Fail(Error::Io("cannot listen on " + g_options->socket));
  }
  return {};
}

Status RunLibmilter() {
  if (g_options == nullptr) return Fail(Error::Internal("ListenLibmilter was not called"));
  if (smfi_main() != MI_SUCCESS) return Fail(Error::Internal("the milter main loop failed"));
  return {};
}

void StopLibmilter() { smfi_stop(); }

}  // namespace extortrace::milter
