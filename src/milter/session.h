// One milter connection as a state machine over the codec: bytes from the MTA
// in, reply bytes out. It collects each message with a Collector (the same
// one, with the same limits, as the libmilter daemon), asks a Judge at end of
// body, and turns the Decision into SMFIR_* replies.
//
// This is the protocol logic the project owns and fuzzes; the production
// daemon runs libmilter (milter/libmilter_daemon.h,
// docs/decisions/0008-milter-libmilter-and-own-codec.md), and the tests use
// this session as the MTA's side to drive it.
//
// States (rspamd's milter.c keeps the same shape):
//   kNegotiate --OPTNEG--> kReady --(CONNECT/HELO/MAIL/RCPT/DATA/HEADER/EOH/BODY)*--
//   EOB--> kReady (next message) ... QUIT --> kClosed
// ABORT drops the current message and returns to kReady; QUIT_NC starts a
// new connection on the same socket. Anything before OPTNEG, an unknown
// command byte, a malformed payload or a framing error closes the session
// (kClosed, with error() saying why); the MTA then applies its own
// default_milter_action.
//
// Thread-safety: one Session per connection. The Judge is called on the
// thread that calls Feed().
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "milter/codec.h"
#include "milter/collector.h"
#include "milter/policy.h"

namespace extortrace::milter {

using Judge = std::function<Decision(const CollectedMessage&)>;

struct SessionOptions {
  Limits limits;  // the same limits as the libmilter daemon's
  size_t max_packet = kDefaultMaxPacket;
};

class Session {
 public:
  enum class State { kNegotiate, kReady, kClosed };

  Session(SessionOptions options, Judge judge);

  // Consumes bytes from the MTA and appends replies to *out. Returns false
  // once the session is closed (QUIT or an error); later calls do nothing.
  bool Feed(std::string_view bytes, std::string* out);

  State state() const { return state_; }
  const std::string& error() const { return error_; }
  uint64_t messages_judged() const { return judged_; }

 private:
  bool Handle(const Packet& p, std::string* out);
  bool Close(std::string why);
  void AppendDecision(const Decision& d, std::string* out) const;

  SessionOptions options_;
  Judge judge_;
  PacketReader reader_;
  State state_ = State::kNegotiate;
  std::string error_;
  Collector collector_;
  uint64_t judged_ = 0;
};

}  // namespace extortrace::milter
