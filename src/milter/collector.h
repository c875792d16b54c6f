// What the milter knows about one message while the MTA sends it: the
// envelope, the headers and the body, collected within one set of limits.
// Both protocol front ends feed a Collector: the libmilter daemon
// (milter/libmilter_daemon.h, what ships) from its xxfi_* callbacks, and the
// codec Session (milter/session.h, what the tests and the fuzzer drive) from
// decoded packets, so the two cannot disagree on what a message is or where
// it is cut.
//
// Limits (Limits below, defined nowhere else):
//   - max_message_bytes: headers ("Name: value\r\n" each) plus body. A
//     message past it is marked oversized and its body released; the rest is
//     counted, not kept. An oversized message is not scanned (milter/judge.h).
//   - max_headers: further header fields are counted but dropped.
//   - max_recipients: further RCPT TO are dropped.
//
// Life cycle per connection: Connect, Helo, then per message SetQueueId /
// StartMessage, AddRecipient*, AddHeader*, AddBody*, then message() is
// judged and FinishMessage() (or Abort()) starts over; the connection's
// client and HELO survive, the rest does not.
//
// Thread-safety: none; one Collector per MTA connection.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "milter/codec.h"

namespace extortrace::milter {

struct Limits {
  size_t max_message_bytes = size_t{25} << 20;
  size_t max_headers = 2000;
  size_t max_recipients = 1000;
};

struct Envelope {
  std::string client_host, client_address, helo, mail_from;
  std::vector<std::string> rcpt_to;
  std::string queue_id;  // macro {i}, when the MTA sends it
};

struct CollectedMessage {
  Envelope envelope;
  std::vector<HeaderField> headers;
  std::string body;
  bool oversized = false;  // headers+body exceeded max_message_bytes; body released
  size_t total_bytes = 0;  // as received, including what was dropped
};

class Collector {
 public:
  explicit Collector(Limits limits = {}) : limits_(limits) {}

  // A new SMTP client: forgets everything, the client included.
  void Connect(std::string host, std::string address);
  void Helo(std::string helo) { msg_.envelope.helo = std::move(helo); }
  // The queue id may arrive before MAIL (codec macros) or after it
  // (libmilter's smfi_getsymval); StartMessage keeps it.
  void SetQueueId(std::string id) { msg_.envelope.queue_id = std::move(id); }
  // MAIL FROM: a new message on the same connection.
  void StartMessage(std::string mail_from);
  void AddRecipient(std::string rcpt);
  void AddHeader(std::string name, std::string value);
  void AddBody(std::string_view chunk);

  const CollectedMessage& message() const { return msg_; }
  const Limits& limits() const { return limits_; }

  // After end of message or an abort: drops the message, keeps the client
  // and HELO.
  void FinishMessage();
  void Abort() { FinishMessage(); }

 private:
  Limits limits_;
  CollectedMessage msg_;
};

}  // namespace extortrace::milter
