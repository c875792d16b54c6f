// Header forensics: where a message came from and whether its sender is
// forged.
//
//  - The Received chain (RFC 5321 §4.4) is read bottom-up; the sending IP is
//    the earliest hop whose "from" clause carries a public IPv4/IPv6 address
//    (private, loopback, link-local and documentation ranges are skipped).
//  - Authentication-Results (RFC 8601): spf/dkim/dmarc results of the top-most
//    header that has them; Received-SPF as a fallback for spf.
//  - Self-sent: the From address equals a To address (the "I sent this from
//    your own account" spoof).
//  - Reply-To mismatch: Reply-To domain differs from the From domain.
//
// Pure function of the parsed message; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "mail/message.h"

namespace extortrace::mail {

struct SenderInfo {
  std::string ip;                 // sending IP, or empty if none found
  std::vector<std::string> hops;  // public "from" IPs, earliest first
  std::string spf, dkim, dmarc;   // "pass", "fail", "softfail", "none", ... or empty
  bool self_sent = false;
  bool reply_to_mismatch = false;
  std::string from_domain;

  // "spf=softfail dmarc=fail" (only the methods present), for the scan record.
  std::string AuthSummary() const;
};

SenderInfo AnalyzeSender(const ParsedMessage& m);

// True for a syntactically valid IPv4/IPv6 literal that is globally routable.
bool IsPublicIp(const std::string& ip);

}  // namespace extortrace::mail
