#include "milter/codec.h"

#include <cstring>

namespace extortrace::milter {
namespace {

uint32_t ReadU32(std::string_view s, size_t at) {
  auto b = [&](size_t i) { return static_cast<uint32_t>(static_cast<unsigned char>(s[at + i])); };
  return (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3);
}

void AppendU32(uint32_t v, std::string* out) {
  out->push_back(static_cast<char>(v >> 24));
  out->push_back(static_cast<char>(v >> 16));
  out->push_back(static_cast<char>(v >> 8));
  out->push_back(static_cast<char>(v));
}

// Takes one NUL-terminated string starting at *pos; false if there is no NUL.
bool TakeCString(std::string_view data, size_t* pos, std::string* out) {
  if (*pos > data.size()) return false;
  size_t nul = data.find('\0', *pos);
  if (nul == std::string_view::npos) return false;
  out->assign(data.substr(*pos, nul - *pos));
  *pos = nul + 1;
  return true;
}

}  // namespace

std::string SanitizeReplyText(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\r' || c == '\n' || c == '\0') {
      out.push_back(' ');
    } else if (c == '%') {
      out += "%%";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void PacketReader::Feed(std::string_view bytes) {
  if (error_) return;
  // Compact once the consumed prefix dominates, so memory stays bounded by
  // one packet plus one read.
  if (pos_ > 0 && pos_ >= buf_.size() / 2) {
    buf_.erase(0, pos_);
    pos_ = 0;
  }
  buf_.append(bytes);
}

Result<std::optional<Packet>> PacketReader::Next() {
  if (error_) return Fail(*error_);
  std::string_view avail(buf_.data() + pos_, buf_.size() - pos_);
  if (avail.size() < 4) return std::optional<Packet>();
  uint32_t len = ReadU32(avail, 0);
  if (len == 0 || len > max_packet_) {
    error_ = Error::Corrupt(
        len == 0 ? "milter packet of length 0"
                 : "milter packet of " + std::to_string(len) + " bytes exceeds the limit",
        pos_);
    return Fail(*error_);
  }
  if (avail.size() - 4 < len) return std::optional<Packet>();
  Packet p;
  p.command = avail[4];
  p.data.assign(avail.substr(5, len - 1));
  pos_ += 4 + size_t{len};
  if (pos_ == buf_.size()) {
    buf_.clear();
    pos_ = 0;
  }
  return std::optional<Packet>(std::move(p));
}

std::string EncodePacket(char command, std::string_view data) {
  std::string out;
  out.reserve(5 + data.size());
  AppendU32(static_cast<uint32_t>(data.size() + 1), &out);
  out.push_back(command);
  out.append(data);
  return out;
}

Result<OptNeg> ParseOptNeg(std::string_view data) {
  if (data.size() < 12) return Fail(Error::Corrupt("milter OPTNEG shorter than 12 bytes"));
  return OptNeg{ReadU32(data, 0), ReadU32(data, 4), ReadU32(data, 8)};
}

Result<Connect> ParseConnect(std::string_view data) {
  Connect c;
  size_t pos = 0;
  if (!TakeCString(data, &pos, &c.hostname)) {
    return Fail(Error::Corrupt("milter CONNECT: hostname not terminated"));
  }
  if (pos >= data.size()) return c;  // family omitted: unknown
  c.family = data[pos++];
  if (c.family == 'U') return c;
  if (data.size() - pos < 2) return Fail(Error::Corrupt("milter CONNECT: no port"));
  c.port = static_cast<uint16_t>((static_cast<unsigned char>(data[pos]) << 8) |
                                 static_cast<unsigned char>(data[pos + 1]));
  pos += 2;
  if (!TakeCString(data, &pos, &c.address)) {
    return Fail(Error::Corrupt("milter CONNECT: address not terminated"));
  }
  return c;
}

Result<Macros> ParseMacros(std::string_view data) {
  if (data.empty()) return Fail(Error::Corrupt("milter MACRO without a command"));
  Macros m;
  m.for_command = data[0];
  size_t pos = 1;
  while (pos < data.size()) {
    std::string name, value;
    if (!TakeCString(data, &pos, &name) || !TakeCString(data, &pos, &value)) {
      return Fail(Error::Corrupt("milter MACRO: name/value not terminated"));
    }
    m.values.emplace_back(std::move(name), std::move(value));
  }
  return m;
}

Result<HeaderField> ParseHeader(std::string_view data) {
  HeaderField h;
  size_t pos = 0;
  if (!TakeCString(data, &pos, &h.name) || !TakeCString(data, &pos, &h.value)) {
    return Fail(Error::Corrupt("milter HEADER: name/value not terminated"));
  }
  return h;
}

Result<std::vector<std::string>> ParseStrings(std::string_view data) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < data.size()) {
    std::string s;
    if (!TakeCString(data, &pos, &s)) return Fail(Error::Corrupt("milter: string not terminated"));
    out.push_back(std::move(s));
  }
  if (out.empty()) return Fail(Error::Corrupt("milter: empty address"));
  return out;
}

std::string EncodeOptNeg(const OptNeg& o) {
  std::string data;
  AppendU32(o.version, &data);
  AppendU32(o.actions, &data);
  AppendU32(o.protocol, &data);
  return EncodePacket(cmd::kOptNeg, data);
}

std::string EncodeSimple(char reply_command) { return EncodePacket(reply_command, {}); }

std::string EncodeAddHeader(std::string_view name, std::string_view value) {
  std::string data;
  data.append(name).push_back('\0');
  data.append(value).push_back('\0');
  return EncodePacket(reply::kAddHeader, data);
}

std::string EncodeChangeHeader(uint32_t index, std::string_view name, std::string_view value) {
  std::string data;
  AppendU32(index, &data);
  data.append(name).push_back('\0');
  data.append(value).push_back('\0');
  return EncodePacket(reply::kChangeHeader, data);
}

std::string EncodeQuarantine(std::string_view reason) {
  std::string data(reason);
  data.push_back('\0');
  return EncodePacket(reply::kQuarantine, data);
}

std::string EncodeReplyCode(std::string_view smtp_code, std::string_view xcode,
                            std::string_view text) {
  std::string data(smtp_code);
  if (!xcode.empty()) data.append(" ").append(xcode);
  data.append(" ").append(SanitizeReplyText(text));
  data.push_back('\0');
  return EncodePacket(reply::kReplyCode, data);
}

}  // namespace extortrace::milter
