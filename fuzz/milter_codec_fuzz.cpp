// Fuzzes the milter codec and session state machine: arbitrary bytes as if
// from an MTA, in two feeds split at a data-chosen point, with a small
// message cap so the oversize path is reached too. The judge answers with
// every action in turn so every reply encoder runs.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "milter/session.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::milter;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  size_t split = size > 0 ? data[0] % (size + 1) : 0;
  SessionOptions o;
  o.limits.max_message_bytes = 4096;
  o.max_packet = 1 << 16;
  int n = 0;
  Session s(o, [&n](const CollectedMessage& m) {
    Summary sum;
    sum.verdict = (n % 2) ? "extortion" : "clean";
    sum.wallets.push_back("BTC:" + m.envelope.mail_from);
    sum.campaign = m.envelope.queue_id;
    if (m.oversized) sum.outcome = Summary::Outcome::kOversized;
    Policy p;
    p.on_clean = static_cast<Action>(n % 6);
    p.on_extortion = static_cast<Action>((n + 3) % 6);
    ++n;
    std::string subject = m.headers.empty() ? "" : m.headers.front().value;
    return Decide(p, sum, subject);
  });
  std::string out;
  if (s.Feed(in.substr(0, split), &out)) s.Feed(in.substr(split), &out);
  // Every reply we produced must re-parse as whole packets.
  PacketReader r(1 << 24);
  r.Feed(out);
  while (true) {
    auto p = r.Next();
    if (!p) __builtin_trap();
    if (!p->has_value()) break;
  }
  if (r.buffered() != 0) __builtin_trap();
  return 0;
}
