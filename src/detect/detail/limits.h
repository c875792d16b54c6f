// "A parse limit was reached" as evidence. A message padded, nested or
// split past what the mail parser reads (mail/message.h, Bounds) may hold
// claims that were never read; legitimate mail almost never reaches those
// limits, and letters have been seen hiding behind them. So a reached limit
// stands in for missing claims, never for the payment or the threat: it
// tips a verdict only when a payment (a wallet or a crypto demand) and a
// threat core were read, with at least one more claim, no benign context and
// no advisory. Alone, it is nothing.
// Pure; thread-safe.
#pragma once

namespace extortrace::detect::detail {

// The least score of a verdict the limit tipped.
inline constexpr double kLimitScore = 0.8;

struct LimitFacts {
  bool payment = false;      // the rules' payment condition
  bool threat_core = false;  // the rules' threat core
  int distinct = 0;          // distinct claims, as the rules count them
  float benign = 0;          // strength of benign context
  bool advisory = false;     // the advisory veto
};

bool LimitTipsVerdict(const LimitFacts& f);

}  // namespace extortrace::detect::detail
