#include "milter/session.h"

#include <utility>

namespace extortrace::milter {
namespace {

// What we ask of the MTA: add and change headers, quarantine.
constexpr uint32_t kOurActions = kActAddHeaders | kActChangeHeaders | kActQuarantine;

}  // namespace

Session::Session(SessionOptions options, Judge judge)
    : options_(options),
      judge_(std::move(judge)),
      reader_(options.max_packet),
      collector_(options.limits) {}

bool Session::Close(std::string why) {
  state_ = State::kClosed;
  error_ = std::move(why);
  return false;
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
        if (name == "i" || name == "{i}") collector_.SetQueueId(value);
      }
      return true;  // no reply to macros
    }
    case cmd::kConnect: {
      auto c = ParseConnect(p.data);
      if (!c) return Close(c.error().context());
      collector_.Connect(std::move(c->hostname), std::move(c->address));
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kHelo: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      collector_.Helo(std::move((*s)[0]));
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kMail: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      collector_.StartMessage(std::move((*s)[0]));  // keeps the queue id: macros precede MAIL
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kRcpt: {
      auto s = ParseStrings(p.data);
      if (!s) return Close(s.error().context());
      collector_.AddRecipient(std::move((*s)[0]));
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
      collector_.AddHeader(std::move(h->name), std::move(h->value));
      out->append(EncodeSimple(reply::kContinue));
      return true;
    }
    case cmd::kBody:
    case cmd::kEndOfBody: {
      collector_.AddBody(p.data);
      if (p.command == cmd::kBody) {
        out->append(EncodeSimple(reply::kContinue));
        return true;
      }
      Decision d = judge_(collector_.message());
      ++judged_;
      AppendDecision(d, out);
      collector_.FinishMessage();
      return true;
    }
    case cmd::kAbort:
      collector_.Abort();
      return true;  // no reply
    case cmd::kQuitNewConnection:
      collector_.Connect("", "");
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
