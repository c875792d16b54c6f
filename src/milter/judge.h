// The end of a message, for both milter front ends: a collected message in,
// the Decision out. Oversized messages are not scanned (Policy::on_oversized,
// tagged by default); a scan that fails, throws or runs past its time limit
// is decided by Policy::on_error (tempfail by default; when delivered, with
// "X-Extortrace: error; reason=timeout|scan-failed|internal").
#pragma once

#include <functional>
#include <string>

#include "core/result.h"
#include "milter/collector.h"
#include "milter/policy.h"

namespace extortrace::milter {

// Scans one message (RFC 822 bytes, rebuilt from what the MTA sent) and
// summarizes it. An error with IsTimeout() is reported as reason=timeout,
// any other as reason=scan-failed. May throw; JudgeMessage catches.
using Scanner = std::function<Result<Summary>(std::string message)>;

// Decides for one collected message: its Subject (first Subject header) is
// what the tag action prefixes. Logs one line per message at kInfo, and the
// scan error at kWarn. Never throws for a failing or throwing scanner.
Decision JudgeMessage(const Policy& policy, const CollectedMessage& msg, const Scanner& scan);

// The Decision when no message could be collected at all (say, out of
// memory): an error outcome with `reason`.
Decision JudgeFailure(const Policy& policy, std::string reason);

}  // namespace extortrace::milter
