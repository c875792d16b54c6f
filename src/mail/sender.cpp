#include "mail/sender.h"

#include <arpa/inet.h>

#include <algorithm>
#include <cctype>
#include <cstring>

#include "core/ascii.h"

namespace extortrace::mail {
namespace {

bool IsIpChar(char c) {
  return std::isxdigit(static_cast<unsigned char>(c)) || c == '.' || c == ':';
}

// IP literals in a Received "from" clause: inside [..] or (..), possibly
// prefixed "IPv6:".
std::vector<std::string> IpsIn(std::string_view s) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < s.size()) {
    if (!IsIpChar(s[i]) || (i > 0 && (std::isalnum(static_cast<unsigned char>(s[i - 1])) ||
                                      s[i - 1] == '.' || s[i - 1] == '-'))) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < s.size() && IsIpChar(s[j])) ++j;
    std::string cand(s.substr(i, j - i));
    bool bounded =
        j == s.size() || !(std::isalnum(static_cast<unsigned char>(s[j])) || s[j] == '-');
    if (bounded && cand.size() >= 7) {
      unsigned char buf[16];
      if (inet_pton(AF_INET, cand.c_str(), buf) == 1 ||
          (cand.find(':') != std::string::npos && inet_pton(AF_INET6, cand.c_str(), buf) == 1)) {
        out.push_back(cand);
      }
    }
    i = j;
  }
  return out;
}

std::string_view FromClause(std::string_view received) {
  std::string lower = AsciiLowerCopy(received.substr(0, std::min<size_t>(received.size(), 2000)));
  size_t from = lower.find("from ");
  if (from == std::string::npos) return {};
  size_t by = lower.find(" by ", from);
  if (by == std::string::npos) by = lower.find(";", from);
  if (by == std::string::npos) by = lower.size();
  return received.substr(from, by - from);
}

std::string DomainOf(const std::string& email) {
  size_t at = email.rfind('@');
  return at == std::string::npos ? std::string() : AsciiLowerCopy(email.substr(at + 1));
}

// Result of `method=` in an Authentication-Results value, or empty.
std::string MethodResult(const std::string& lower, std::string_view method) {
  size_t pos = 0;
  while ((pos = lower.find(method, pos)) != std::string::npos) {
    bool start_ok = pos == 0 || !std::isalnum(static_cast<unsigned char>(lower[pos - 1]));
    size_t eq = pos + method.size();
    if (start_ok && eq < lower.size() && lower[eq] == '=') {
      size_t b = eq + 1, e = b;
      while (e < lower.size() && std::isalpha(static_cast<unsigned char>(lower[e]))) ++e;
      if (e > b) return lower.substr(b, e - b);
    }
    pos = eq;
  }
  return {};
}

}  // namespace

bool IsPublicIp(const std::string& ip) {
  unsigned char b[16];
  if (inet_pton(AF_INET, ip.c_str(), b) == 1) {
    if (b[0] == 0 || b[0] == 10 || b[0] == 127 || b[0] >= 224) return false;
    if (b[0] == 169 && b[1] == 254) return false;
    if (b[0] == 172 && (b[1] & 0xF0) == 16) return false;
    if (b[0] == 192 && b[1] == 168) return false;
    if (b[0] == 100 && (b[1] & 0xC0) == 64) return false;  // CGNAT
    if (b[0] == 192 && b[1] == 0 && (b[2] == 0 || b[2] == 2)) return false;
    if (b[0] == 198 && (b[1] == 18 || b[1] == 19)) return false;
    if (b[0] == 198 && b[1] == 51 && b[2] == 100) return false;
    if (b[0] == 203 && b[1] == 0 && b[2] == 113) return false;
    return true;
  }
  if (inet_pton(AF_INET6, ip.c_str(), b) == 1) {
    static const unsigned char kZero[16] = {};
    if (std::memcmp(b, kZero, 15) == 0) return false;                                // :: and ::1
    if ((b[0] & 0xFE) == 0xFC) return false;                                         // fc00::/7
    if (b[0] == 0xFE && (b[1] & 0xC0) == 0x80) return false;                         // fe80::/10
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return false;  // doc
    if (b[0] == 0xFF) return false;                                                  // multicast
    // IPv4-mapped: judge the embedded IPv4 address.
    static const unsigned char kMapped[12] = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xFF, 0xFF};
    if (std::memcmp(b, kMapped, 12) == 0) {
      char v4[INET_ADDRSTRLEN];
      inet_ntop(AF_INET, b + 12, v4, sizeof v4);
      return IsPublicIp(v4);
    }
    return true;
  }
  return false;
}

std::string SenderInfo::AuthSummary() const {
  std::string out;
  auto add = [&](const char* name, const std::string& v) {
    if (v.empty()) return;
    if (!out.empty()) out.push_back(' ');
    out += name;
    out.push_back('=');
    out += v;
  };
  add("spf", spf);
  add("dkim", dkim);
  add("dmarc", dmarc);
  return out;
}

SenderInfo AnalyzeSender(const ParsedMessage& m) {
  SenderInfo s;
  std::vector<std::string_view> received = m.HeaderValues("Received");
  for (auto it = received.rbegin(); it != received.rend(); ++it) {
    for (const std::string& ip : IpsIn(FromClause(*it))) {
      if (IsPublicIp(ip) && std::find(s.hops.begin(), s.hops.end(), ip) == s.hops.end()) {
        s.hops.push_back(ip);
        break;  // one address per hop
      }
    }
  }
  if (!s.hops.empty()) s.ip = s.hops.front();

  for (std::string_view ar : m.HeaderValues("Authentication-Results")) {
    std::string lower = AsciiLowerCopy(ar);
    if (s.spf.empty()) s.spf = MethodResult(lower, "spf");
    if (s.dkim.empty()) s.dkim = MethodResult(lower, "dkim");
    if (s.dmarc.empty()) s.dmarc = MethodResult(lower, "dmarc");
  }
  if (s.spf.empty()) {
    std::string spf = AsciiLowerCopy(m.HeaderValue("Received-SPF"));
    size_t e = 0;
    while (e < spf.size() && std::isalpha(static_cast<unsigned char>(spf[e]))) ++e;
    s.spf = spf.substr(0, e);
  }

  if (!m.from.empty()) s.from_domain = DomainOf(m.from.front().email);
  for (const Address& f : m.from) {
    for (const Address& t : m.to) {
      if (!f.email.empty() && AsciiLowerCopy(f.email) == AsciiLowerCopy(t.email))
        s.self_sent = true;
    }
  }
  if (!m.reply_to.empty() && !s.from_domain.empty()) {
    std::string rd = DomainOf(m.reply_to.front().email);
    s.reply_to_mismatch = !rd.empty() && rd != s.from_domain;
  }
  return s;
}

}  // namespace extortrace::mail
