#include "milter/policy.h"

#include <cstdio>

namespace extortrace::milter {
namespace {

constexpr size_t kMaxHeaderWallets = 8;
constexpr std::string_view kNames[] = {"pass",   "tag",     "quarantine",
                                       "reject", "discard", "tempfail"};

// Header values must stay on one logical line: no CR/LF/NUL, printable ASCII
// only (the values we write are ASCII by construction; this is defence).
std::string HeaderSafe(std::string_view v) {
  std::string out;
  for (char c : v) {
    unsigned char u = static_cast<unsigned char>(c);
    out.push_back(u >= 0x20 && u < 0x7f ? c : '_');
  }
  return out;
}

}  // namespace

std::string_view ActionName(Action a) { return kNames[static_cast<int>(a)]; }

std::optional<Action> ParseAction(std::string_view name) {
  for (size_t i = 0; i < std::size(kNames); ++i) {
    if (kNames[i] == name) return static_cast<Action>(i);
  }
  if (name == "accept") return Action::kPass;
  return std::nullopt;
}

std::string FormatHeaderValue(const Summary& s) {
  switch (s.outcome) {
    case Summary::Outcome::kError:
      return "error; reason=" + HeaderSafe(s.error.empty() ? "internal" : s.error);
    case Summary::Outcome::kTimeout:
      return "error; reason=timeout";
    case Summary::Outcome::kOversized:
      return "skipped; reason=oversized";
    case Summary::Outcome::kScanned:
      break;
  }
  char score[32];
  std::snprintf(score, sizeof score, "%.2f", s.score);
  std::string v = HeaderSafe(s.verdict) + "; score=" + score;
  if (!s.category.empty()) v += "; category=" + HeaderSafe(s.category);
  if (!s.campaign.empty()) v += "; campaign=" + HeaderSafe(s.campaign);
  if (!s.limits.empty()) {
    v += "; limits=";
    for (size_t i = 0; i < s.limits.size() && i < 8; ++i) {
      v += (i ? "," : "") + HeaderSafe(s.limits[i].substr(0, 40));
    }
  }
  return v;
}

Decision Decide(const Policy& policy, const Summary& s, std::string_view subject) {
  Decision d;
  switch (s.outcome) {
    case Summary::Outcome::kScanned:
      d.action = s.verdict == "extortion" ? policy.on_extortion : policy.on_clean;
      break;
    case Summary::Outcome::kError:
    case Summary::Outcome::kTimeout:
      d.action = policy.on_error;
      break;
    case Summary::Outcome::kOversized:
      d.action = policy.on_oversized;
      break;
  }
  if (d.action == Action::kReject || d.action == Action::kTempfail ||
      d.action == Action::kDiscard) {
    if (d.action == Action::kReject) {
      d.smtp_code = policy.reject_code;
      d.xcode = policy.reject_xcode;
      d.text = policy.reject_text;
      if (!s.campaign.empty()) d.text += " (campaign " + HeaderSafe(s.campaign) + ")";
    } else if (d.action == Action::kTempfail) {
      d.smtp_code = "451";
      d.xcode = "4.7.1";
      d.text = policy.tempfail_text;
    }
    return d;  // nothing is delivered, so no headers
  }
  d.add_headers.push_back({policy.header_name, FormatHeaderValue(s)});
  if (!s.wallets.empty()) {
    // One line, at most kMaxHeaderWallets addresses (RFC 5322 §2.1.1: 998
    // characters a line), so MTAs need not fold it.
    std::string w;
    size_t n = 0;
    for (const std::string& a : s.wallets) {
      if (n++ == kMaxHeaderWallets) break;
      if (!w.empty()) w += ", ";
      w += HeaderSafe(a.substr(0, 100));
    }
    d.add_headers.push_back({policy.header_name + "-Wallets", w});
  }
  if (d.action == Action::kTag) {
    d.add_headers.push_back({"X-Spam-Flag", "YES"});
    const std::string& tag =
        s.outcome == Summary::Outcome::kScanned ? policy.subject_tag : policy.unscanned_subject_tag;
    if (!tag.empty()) d.new_subject = tag + " " + std::string(subject);
  } else if (d.action == Action::kQuarantine) {
    d.quarantine_reason = "extortrace: " + FormatHeaderValue(s);
  }
  return d;
}

std::string RebuildMessage(const std::vector<HeaderField>& headers, std::string_view body) {
  size_t n = body.size() + 2;
  for (const HeaderField& h : headers) n += h.name.size() + h.value.size() + 4;
  std::string out;
  out.reserve(n);
  for (const HeaderField& h : headers) {
    out.append(h.name).append(": ").append(h.value).append("\r\n");
  }
  out.append("\r\n");
  out.append(body);
  return out;
}

}  // namespace extortrace::milter
