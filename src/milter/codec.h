// The milter wire protocol (Sendmail/Postfix "milter" version 6) as a pure
// codec: bytes from the MTA in, typed commands out; typed replies in, bytes to
// the MTA out. No sockets, no threads, no global state, so it can be unit
// tested and fuzzed (fuzz/milter_codec_fuzz.cpp).
//
// Framing (libmilter's mfdef.h): every packet is a 4-byte big-endian length
// N, then one command byte, then N-1 bytes of data. N counts the command
// byte, so N = 0 is malformed. Packets larger than `max_packet` are refused
// (the MTA may send at most 64 KB, 256 KB or 1 MB of data per packet,
// depending on the negotiated SMFIP_MDS_* flag).
//
// Thread-safety: a PacketReader belongs to one connection; the free functions
// are pure.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/result.h"

namespace extortrace::milter {

inline constexpr uint32_t kProtocolVersion = 6;
inline constexpr size_t kDefaultMaxPacket = (size_t{1} << 20) + 64;

// Commands from the MTA (SMFIC_*).
namespace cmd {
inline constexpr char kAbort = 'A';
inline constexpr char kBody = 'B';
inline constexpr char kConnect = 'C';
inline constexpr char kMacro = 'D';
inline constexpr char kEndOfBody = 'E';
inline constexpr char kHelo = 'H';
inline constexpr char kQuitNewConnection = 'K';
inline constexpr char kHeader = 'L';
inline constexpr char kMail = 'M';
inline constexpr char kEndOfHeaders = 'N';
inline constexpr char kOptNeg = 'O';
inline constexpr char kQuit = 'Q';
inline constexpr char kRcpt = 'R';
inline constexpr char kData = 'T';
inline constexpr char kUnknown = 'U';
}  // namespace cmd

// Replies to the MTA (SMFIR_*).
namespace reply {
inline constexpr char kAddRcpt = '+';
inline constexpr char kDelRcpt = '-';
inline constexpr char kAccept = 'a';
inline constexpr char kContinue = 'c';
inline constexpr char kDiscard = 'd';
inline constexpr char kAddHeader = 'h';
inline constexpr char kInsertHeader = 'i';
inline constexpr char kChangeHeader = 'm';
inline constexpr char kProgress = 'p';
inline constexpr char kQuarantine = 'q';
inline constexpr char kReject = 'r';
inline constexpr char kTempfail = 't';
inline constexpr char kReplyCode = 'y';
}  // namespace reply

// Action and protocol flags of option negotiation (SMFIF_*, SMFIP_*).
inline constexpr uint32_t kActAddHeaders = 0x01;
inline constexpr uint32_t kActChangeHeaders = 0x10;
inline constexpr uint32_t kActQuarantine = 0x20;
inline constexpr uint32_t kProtoNoUnknown = 0x100;
inline constexpr uint32_t kProtoNoData = 0x200;
inline constexpr uint32_t kProtoHeaderLeadingSpace = 0x100000;

struct Packet {
  char command = 0;
  std::string data;
};

// Splits a byte stream into packets. Feed() bytes as they arrive, then call
// Next() until it returns nullopt (more bytes needed). A framing error (N = 0
// or N > max_packet) is sticky: the connection must be dropped.
class PacketReader {
 public:
  explicit PacketReader(size_t max_packet = kDefaultMaxPacket) : max_packet_(max_packet) {}

  void Feed(std::string_view bytes);
  Result<std::optional<Packet>> Next();
  // Bytes buffered but not yet returned as packets.
  size_t buffered() const { return buf_.size() - pos_; }

 private:
  size_t max_packet_;
  std::string buf_;
  size_t pos_ = 0;
  std::optional<Error> error_;
};

// Encodes one packet (length, command byte, data).
std::string EncodePacket(char command, std::string_view data);

// --- Typed command payloads -----------------------------------------------

struct OptNeg {
  uint32_t version = 0, actions = 0, protocol = 0;
};
struct Connect {
  std::string hostname;
  char family = 'U';  // 'U' unknown, 'L' unix, '4' IPv4, '6' IPv6
  uint16_t port = 0;
  std::string address;
};
struct Macros {
  char for_command = 0;
  std::vector<std::pair<std::string, std::string>> values;  // {i}, j, ...
};
struct HeaderField {
  std::string name, value;
};

// Each parser checks bounds and NUL terminators; a payload that does not
// fit its command's layout is kCorrupt.
Result<OptNeg> ParseOptNeg(std::string_view data);
Result<Connect> ParseConnect(std::string_view data);
Result<Macros> ParseMacros(std::string_view data);
Result<HeaderField> ParseHeader(std::string_view data);
// MAIL/RCPT: NUL-terminated strings, the address first, then ESMTP args.
Result<std::vector<std::string>> ParseStrings(std::string_view data);

// --- Replies -------------------------------------------------------------

std::string EncodeOptNeg(const OptNeg& o);
std::string EncodeSimple(char reply_command);  // accept, continue, discard, ...
std::string EncodeAddHeader(std::string_view name, std::string_view value);
std::string EncodeChangeHeader(uint32_t index, std::string_view name, std::string_view value);
std::string EncodeQuarantine(std::string_view reason);
// Reply text made safe for an SMTP response line: CR, LF and NUL become
// spaces and '%' is doubled (MTAs treat milter reply text as a format).
std::string SanitizeReplyText(std::string_view text);

// "550 5.7.1 text": code 4xx/5xx, enhanced status, text. '%' is doubled and
// CR/LF are replaced, because the MTA passes the text on to the client.
std::string EncodeReplyCode(std::string_view smtp_code, std::string_view xcode,
                            std::string_view text);

}  // namespace extortrace::milter
