#include "milter/judge.h"

#include <strings.h>

#include <exception>
#include <string_view>

#include "core/log.h"

namespace extortrace::milter {
namespace {

std::string_view SubjectOf(const CollectedMessage& msg) {
  for (const HeaderField& h : msg.headers) {
    if (strcasecmp(h.name.c_str(), "Subject") == 0) return h.value;
  }
  return {};
}

Summary Failed(Summary::Outcome outcome, std::string reason) {
  Summary s;
  s.outcome = outcome;
  s.error = std::move(reason);
  return s;
}

Summary Scan(const CollectedMessage& msg, const Scanner& scan) {
  if (msg.oversized) return Failed(Summary::Outcome::kOversized, "");
  try {
    auto res = scan(RebuildMessage(msg.headers, msg.body));
    if (res) return std::move(*res);
    Log(LogLevel::kWarn, "milter: {}: {}", msg.envelope.queue_id, res.error().ToString());
    if (res.error().IsTimeout()) return Failed(Summary::Outcome::kTimeout, "timeout");
    return Failed(Summary::Outcome::kError, "scan-failed");
  } catch (const std::exception& e) {
    Log(LogLevel::kError, "milter: internal error: {}", e.what());
    return Failed(Summary::Outcome::kError, "internal");
  }
}

}  // namespace

Decision JudgeMessage(const Policy& policy, const CollectedMessage& msg, const Scanner& scan) {
  Summary s = Scan(msg, scan);
  Decision d = Decide(policy, s, SubjectOf(msg));
  Log(LogLevel::kInfo, "milter: {} {} -> {}", msg.envelope.queue_id, FormatHeaderValue(s),
      ActionName(d.action));
  return d;
}

Decision JudgeFailure(const Policy& policy, std::string reason) {
  Summary s = Failed(Summary::Outcome::kError, std::move(reason));
  Decision d = Decide(policy, s, "");
  Log(LogLevel::kInfo, "milter: - {} -> {}", FormatHeaderValue(s), ActionName(d.action));
  return d;
}

}  // namespace extortrace::milter
