#include "milter/session.h"

#include <utility>

namespace extortrace::milter {
namespace {

// What we ask of the MTA: add and change headers, quarantine.
constexpr uint32_t kOurActions = kActAddHeaders | kActChangeHeaders | kActQuarantine;

}  // namespace

Session::Session(SessionOptions options, Judge judge)
    : options_(options), judge_(std::move(judge)), reader_(options.max_packet) {}

bool Session::Close(std::string why) {
  state_ = State::kClosed;
  error_ = std::move(why);
  return false;
}

void Session::ResetMessage() {
  Envelope keep;
  keep.client_host = std::move(msg_.envelope.client_host);
  keep.client_address = std::move(msg_.envelope.client_address);
  keep.helo = std::move(msg_.envelope.helo);
  msg_ = CollectedMessage{};
  msg_.envelope = std::move(keep);
}

bool Session::Feed(std::string_view bytes, std::string* out) {
  if (state_ == State::kClosed) return false;
  reader_.Feed(bytes);
  while (state_ != State::kClosed) {
    auto next = reader_.Next();
    if (!next) return Close(next.error().context());
    if (!next->has_value()) break;
    if (!Handle(**next, out)) return false;
  }
  return state_ != State::kClosed;
}

bool Session::Handle(const Packet& p, std::string* out) {
  if (state_ == State::kNegotiate && p.command != cmd::kOptNeg) {
    return Close(std::string("milter command '") + p.command + "' before option negotiation");
  }
  switch (p.command) {
    case cmd::kOptNeg: {
      auto o = ParseOptNeg(p.data);
      if (!o) return Close(o.error().context());
      if (o->version < 2) return Close("milter protocol version too old");
      OptNeg ours;
      ours.version = o->version < kProtocolVersion ? o->version : kProtocolVersion;
      ours.actions = o->actions & kOurActions;
      ours.protocol = o->protocol & kProtoNoUnknown;  // we have no use for unknown commands
      out->append(EncodeOptNeg(ours));
      state_ = State::kReady;
      return true;
    }
    case cmd::kMacro: {
      auto m = ParseMacros(p.data);
      if (!m) return Close(m.error().context());
      for (auto& [name, value] : m->values) {
        if (name == "i" || name == "{i}") msg_.envelope.queue_id = value;
      }
      return true;  // no reply to macros
    }
    case cmd::kConnect: {
      auto c = ParseConnect(p.data);
      if (!c) return Close(c.error().context());
      ResetMessage();
      msg_.envelope.client_host = std::move(c->hostname);
      msg_.envelope.client_address = std::move(c->address);
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kHelo: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      msg_.envelope.helo = (*s)[0];
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kMail: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      std::string queue_id = std::move(msg_.envelope.queue_id);  // macros precede MAIL
      ResetMessage();
      msg_.envelope.queue_id = std::move(queue_id);
      msg_.envelope.mail_from = (*s)[0];
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kRcpt: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      if (msg_.envelope.rcpt_to.size() < 1000) msg_.envelope.rcpt_to.push_back((*s)[0]);
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kData:
    case cmd::kUnknown:
    case cmd::kEndOfHeaders:
      out->append(EncodeSimple(reply::kContinue));
      return true;
    case cmd::kHeader: {
      auto h = ParseHeader(p.data);
      if (!h) return Close(h.error().context());
      size_t n = h->name.size() + h->value.size() + 4;
      msg_.total_bytes += n;
      if (msg_.total_bytes > options_.max_message_bytes ||
          msg_.headers.size() >= options_.max_headers) {
        msg_.oversized = msg_.oversized || msg_.total_bytes > options_.max_message_bytes;
      } else {
        msg_.headers.push_back(std::move(*h));
      }
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kBody:
    case cmd::kEndOfBody: {
      // Until the cap is hit, everything received was kept, so total_bytes is
      // what headers and body hold.
      size_t before = msg_.total_bytes;
      msg_.total_bytes += p.data.size();
      if (!msg_.oversized) {
        size_t room = options_.max_message_bytes > before ? options_.max_message_bytes - before : 0;
        if (p.data.size() > room) {
          msg_.body.append(p.data, 0, room);
          msg_.oversized = true;
        } else {
          msg_.body.append(p.data);
        }
      }
      if (p.command == cmd::kBody) {
        out->append(EncodeSimple(reply::kContinue));
        return true;
      }
      Decision d = judge_(msg_);
      ++judged_;
      AppendDecision(d, out);
      ResetMessage();
      return true;
    }
    case cmd::kAbort:
      ResetMessage();
      return true;  // no reply
    case cmd::kQuitNewConnection:
      msg_ = CollectedMessage{};
      return true;
    case cmd::kQuit:
      return Close("");
    default:
      return Close(std::string("unknown milter command byte ") +
                   std::to_string(static_cast<unsigned char>(p.command)));
  }
}

void Session::AppendDecision(const Decision& d, std::string* out) const {
  switch (d.action) {
    case Action::kReject:
      out->append(EncodeReplyCode(d.smtp_code, d.xcode, d.text));
      return;
    case Action::kTempfail:
      out->append(EncodeReplyCode(d.smtp_code, d.xcode, d.text));
      return;
    case Action::kDiscard:
      out->append(EncodeSimple(reply::kDiscard));
      return;
    case Action::kPass:
    case Action::kTag:
    case Action::kQuarantine:
      break;
  }
  for (const HeaderField& h : d.add_headers) out->append(EncodeAddHeader(h.name, h.value));
  if (d.new_subject) out->append(EncodeChangeHeader(1, "Subject", *d.new_subject));
  if (d.action == Action::kQuarantine) out->append(EncodeQuarantine(d.quarantine_reason));
  out->append(EncodeSimple(reply::kAccept));
}

}  // namespace extortrace::milter
