// The milter daemon that ships: libmilter (Sendmail 8.17) owns the socket,
// the threads (one per MTA connection), option negotiation and MTA timeouts;
// its xxfi_* callbacks are a thin shim that feeds a Collector
// (milter/collector.h) and, at end of message, JudgeMessage
// (milter/judge.h) — the same logic, and the same Limits, the codec Session
// runs. What is left here is argument conversion and turning a Decision into
// smfi_* calls. docs/decisions/0008-milter-libmilter-and-own-codec.md.
//
// libmilter allows one filter per process: the daemon's options are process
// state, set by ListenLibmilter and read by the callbacks.
//
// Thread-safety: ListenLibmilter and RunLibmilter are called once, from one
// thread. The scanner is called from libmilter's connection threads at once.
// StopLibmilter may be called from any thread.
#pragma once

#include <string>

#include "core/result.h"
#include "milter/collector.h"
#include "milter/judge.h"
#include "milter/policy.h"

namespace extortrace::milter {

struct DaemonOptions {
  std::string socket;  // "inet:PORT@HOST", "inet6:...", "unix:/path"
  Limits limits;
  Policy policy;
  int mta_timeout_seconds = 120;  // libmilter's read/write timeout on the MTA
  Scanner scanner;                // must be set
};

// Registers the filter and listens on options.socket (an existing unix
// socket file is replaced). Errors: kInvalidArgument for a socket spec
// libmilter does not accept, kIo when it cannot listen, kInternal when
// registration fails or the daemon was already started in this process.
Status ListenLibmilter(DaemonOptions options);

// Serves until SIGTERM, SIGINT or SIGHUP (libmilter handles them), or until
// StopLibmilter(). kInternal when libmilter's main loop fails.
Status RunLibmilter();

// Asks RunLibmilter to return (libmilter notices within a few seconds).
void StopLibmilter();

}  // namespace extortrace::milter
