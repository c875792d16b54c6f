#include "detect/detector.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>

#include "detect/detail/choose.h"
#include "detect/detail/context.h"
#include "detect/detail/limits.h"
#include "detect/detail/patterns.h"
#include "detect/detail/structure.h"
#include "detect/extract.h"
#include "detect/matcher.h"
#include "detect/model.h"

namespace extortrace::detect {
namespace {

constexpr size_t kFamilies = static_cast<size_t>(Family::kCount);

enum Feature : size_t {
  kFamilyBase = 0,  // one strength per family, kFamilies of them
  kDistinctClaims = kFamilies,
  kWallet,
  kAmount,
  kDeadlineFound,
  kHdrSelfSent,
  kHdrAuthFailed,
  kHdrReplyTo,
  kRandomSender,
  kObfuscated,
  kRuleScore,
  kNumFeatures
};

constexpr const char* kFeatureNames[kNumFeatures] = {"compromise",
                                                     "recording",
                                                     "adult_content",
                                                     "exposure_threat",
                                                     "payment_demand",
                                                     "release_promise",
                                                     "crypto",
                                                     "deadline_cue",
                                                     "anti_response",
                                                     "proof",
                                                     "sent_from_own_account",
                                                     "corporate_target",
                                                     "personal_data",
                                                     "benign",
                                                     "violence",
                                                     "advisory",
                                                     "distinct_claims",
                                                     "wallet",
                                                     "amount",
                                                     "deadline",
                                                     "hdr_self_sent",
                                                     "hdr_auth_failed",
                                                     "hdr_reply_to_mismatch",
                                                     "random_sender",
                                                     "obfuscated",
                                                     "rule_score"};

struct FamilyState {
  float strength = 0;  // max weight of its hits
  int hits = 0;        // at distinct places: one word read by several lexicons counts once
  uint32_t last_from = UINT32_MAX;
  const Hit* best = nullptr;
};

size_t F(Family f) { return static_cast<size_t>(f); }

bool ValidWallet(const record::WalletFinding& w) { return !w.testnet && !w.address.empty(); }

// Evidence: the matched words, cut at a UTF-8 boundary, at most ~120 bytes.
std::string Evidence(std::string_view s, uint32_t from, uint32_t to) {
  if (from >= s.size()) return {};
  to = std::min<uint32_t>(std::min<uint32_t>(to, from + 120), static_cast<uint32_t>(s.size()));
  while (to > from && to < s.size() && (static_cast<unsigned char>(s[to]) & 0xC0) == 0x80) --to;
  std::string e(s.substr(from, to - from));
  for (char& c : e) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return e;
}

}  // namespace

std::span<const char* const> FeatureNames() { return kFeatureNames; }

bool RandomLookingLocalPart(std::string_view local) {
  if (local.size() < 7 || local.size() > 40) return false;
  int upper = 0, lower = 0, digit = 0, vowels = 0, transitions = 0, max_cons = 0, cons = 0;
  int prev = -1;
  for (char c : local) {
    int cls = -1;
    if (c >= 'A' && c <= 'Z')
      ++upper, cls = 0;
    else if (c >= 'a' && c <= 'z')
      ++lower, cls = 1;
    else if (c >= '0' && c <= '9')
      ++digit, cls = 2;
    else
      return false;  // dots, dashes: human-chosen names usually
    char l = static_cast<char>(c | 0x20);
    bool vowel = cls != 2 && (l == 'a' || l == 'e' || l == 'i' || l == 'o' || l == 'u' || l == 'y');
    if (vowel)
      ++vowels, cons = 0;
    else if (cls != 2)
      max_cons = std::max(max_cons, ++cons);
    else
      cons = 0;
    if (prev >= 0 && cls != prev) ++transitions;
    prev = cls;
  }
  int letters = upper + lower;
  if (letters == 0) return false;
  if (upper > 0 && lower > 0 && digit > 0 && transitions >= 4) return true;  // "FMx91ZPe"
  if (max_cons >= 6 || (max_cons >= 5 && transitions >= 2)) return true;
  return letters >= 8 && vowels * 8 < letters;
}

Verdict Detect(const Input& in) {
  Verdict v;
  const std::string_view text = in.folded;
  bool any_wallet = false;
  if (in.wallets) {
    for (const record::WalletFinding& w : *in.wallets) any_wallet |= ValidWallet(w);
  }
  bool gated = false;
  std::vector<Hit> hits =
      Match(text, 4, any_wallet || in.exhaustive ? Gate::kNone : Gate::kDemand, &gated);
  if (gated) {
    // No wallet, and neither a payment in crypto nor an explicit threat:
    // cannot be a crypto demand, nor a letter that threatens before naming
    // one (Gate::kDemand).
    v.features.assign(kNumFeatures, 0.0f);
    return v;
  }
  const std::vector<EntryInfo>& entries = Entries();

  // Words a list, a forwarder or a replier appended are not the sender's:
  // they may not vouch for the letter (benign) nor call it a scam (advisory).
  // Read once, and only when a benign or advisory hit or a date needs it.
  std::optional<uint32_t> letter_end_read;
  auto letter_end = [&] {
    if (!letter_end_read) letter_end_read = detail::LetterEnd(text);
    return *letter_end_read;
  };
  auto appended = [&](const Hit& h) {
    return h.from >= letter_end() || detail::InQuotedLine(text, h.from);
  };
  std::array<FamilyState, kFamilies> fam{};
  std::vector<uint32_t> advisory_entries;  // distinct patterns (one may be chance)
  for (const Hit& h : hits) {
    const LexEntry& e = *entries[h.entry].entry;
    if ((e.family == Family::kBenign || e.family == Family::kAdvisory) && appended(h)) continue;
    if (e.family == Family::kAdvisory && std::find(advisory_entries.begin(), advisory_entries.end(),
                                                   h.entry) == advisory_entries.end()) {
      advisory_entries.push_back(h.entry);
    }
    FamilyState& s = fam[F(e.family)];
    if (h.from != s.last_from) ++s.hits;  // hits come sorted by start offset
    s.last_from = h.from;
    if (!s.best || e.weight > s.strength) s.best = &h;
    s.strength = std::max(s.strength, e.weight);
  }
  // Repeated, independent evidence raises a family a little (never above 1).
  for (FamilyState& s : fam) {
    if (s.hits >= 3) s.strength = std::min(1.0f, s.strength + detail::kRepeatBoost);
  }
  auto st = [&](Family f) { return fam[F(f)].strength; };

  // Wallets: valid mainnet addresses only.
  std::vector<uint32_t> anchors;  // folded offsets of payment evidence
  bool wallet = false;
  const record::WalletFinding* first_wallet = nullptr;
  if (in.wallets) {
    for (const record::WalletFinding& w : *in.wallets) {
      if (!ValidWallet(w)) continue;
      wallet = true;
      if (!first_wallet) first_wallet = &w;
      if (w.recovered_from != record::Recovery::kQrCode) {
        anchors.push_back(detail::MapOffset(in.text_offsets, in.folded_offsets, w.offset));
      }
    }
  }
  std::vector<std::pair<uint32_t, uint32_t>> deadline_phrases;
  std::vector<uint32_t> deadline_cues;
  for (const Hit& h : hits) {
    const LexEntry& e = *entries[h.entry].entry;
    if ((e.family == Family::kPayment && e.weight >= 0.8f) || e.family == Family::kCrypto) {
      anchors.push_back(h.from);
    }
    if (e.family == Family::kDeadline) {
      if (e.weight >= 0.9f) deadline_phrases.emplace_back(h.from, h.to);
      deadline_cues.push_back(h.from);
    }
  }

  std::vector<Money> amounts = FindAmounts(text);
  std::optional<Money> demand = detail::ChooseDemand(amounts, anchors, 400);
  std::optional<Duration> deadline =
      detail::ChooseDeadline(FindDurations(text), deadline_phrases, deadline_cues, anchors);

  // --- rules ---
  const bool crypto_amount = demand && demand->crypto;
  const float pay = wallet ? 1.0f
                    : (st(Family::kPayment) >= 0.8f && (st(Family::kCrypto) > 0 || crypto_amount))
                        ? 0.8f
                        : 0.0f;
  const float recording = std::max(st(Family::kRecording), 0.8f * st(Family::kAdult));
  const bool backed_compromise = st(Family::kCompromise) >= 0.8f &&
                                 (st(Family::kProof) >= 0.7f || st(Family::kSelfSent) >= 0.6f ||
                                  st(Family::kAntiResponse) >= 0.6f || deadline.has_value());
  // "Pay and I delete the videos/data" with a wallet and time pressure is a
  // threat even when the text around it (the claims) is cut off.
  const bool backed_release =
      st(Family::kRelease) >= 0.6f && wallet && (deadline || st(Family::kAntiResponse) >= 0.6f);
  const bool violence =
      st(Family::kViolence) >= detail::kExplicitViolence;  // a bomb placed, a killer hired
  const bool threat_core = st(Family::kExposure) >= 0.6f || recording >= 0.8f ||
                           backed_compromise || backed_release || violence;
  int distinct = 0;
  for (Family f : {Family::kCompromise, Family::kRecording, Family::kAdult, Family::kExposure,
                   Family::kAntiResponse, Family::kProof, Family::kSelfSent, Family::kRelease,
                   Family::kViolence}) {
    if (st(f) >= 0.5f) ++distinct;
  }
  if (deadline) ++distinct;
  // What is claimed to be held: a company's site/database/customers, or a
  // person's identity and bank data (one family at most).
  auto repeated = [&](Family f) { return st(f) >= 0.5f && fam[F(f)].hits >= 2; };
  if (repeated(Family::kCorporate) || repeated(Family::kPersonalData)) ++distinct;
  const double claim_score = 1.0 * st(Family::kCompromise) + 1.0 * recording +
                             1.2 * st(Family::kExposure) + 0.6 * st(Family::kAntiResponse) +
                             0.6 * st(Family::kProof) + 0.6 * st(Family::kSelfSent) +
                             1.0 * st(Family::kRelease) + 1.2 * st(Family::kViolence) +
                             (deadline ? 0.5 : 0.25 * st(Family::kDeadline)) +
                             0.3 * st(Family::kCorporate) + 0.3 * st(Family::kPersonalData);
  const bool header_signal = in.self_sent || in.auth_failed || in.reply_to_mismatch;
  bool random_sender = false;
  if (size_t at = in.from_address.find('@'); at != std::string_view::npos) {
    random_sender = RandomLookingLocalPart(in.from_address.substr(0, at));
  }
  const bool obfuscated = in.obfuscation && !in.obfuscation->empty();
  const double rule_z = claim_score + 2.0 * pay + 0.3 * header_signal + 0.2 * random_sender +
                        0.3 * obfuscated - 1.0 * st(Family::kBenign) - 1.0 * st(Family::kAdvisory) -
                        3.5;
  const double rule_score = 1.0 / (1.0 + std::exp(-rule_z));
  // A checksummed wallet is strong evidence of a demand; an explicit crypto
  // payment phrase without one needs more claims around it.
  v.rule_verdict = pay > 0 && threat_core && distinct >= 3 && claim_score >= (wallet ? 1.7 : 2.2);
  // A threat of violence (a bomb placed, a killer hired) with a payment is
  // extortion by itself: such letters are short and make no other claims.
  const bool violent_demand = pay > 0 && violence;
  // A letter that names no payment yet ("write back within 24 hours, or the
  // videos go to your contacts"; a bomb threat before the wallet is sent):
  // extortion all the same when the threat is explicit, something is claimed
  // to be held or done, and the claims are many. Reported with `no_wallet`
  // so that operators can treat it apart.
  // The sender's own "I will send it to your contacts" (the strongest
  // exposure patterns), not talk of ruined reputations.
  // (Gate::kDemand lets a letter without crypto evidence through only when a
  // pattern that can reach these strengths matches: detail::GroupOf.)
  const bool explicit_threat = st(Family::kExposure) >= detail::kExplicitExposure || violence;
  const bool held = recording >= 0.8f || backed_compromise || violence;
  const bool no_wallet = !v.rule_verdict && pay == 0 && explicit_threat && held && distinct >= 4 &&
                         claim_score >= 3.2 && (deadline || st(Family::kAntiResponse) >= 0.6f);
  // A third party quoting a scam to warn about it (a CERT, an IT team): two
  // distinct advisory patterns outvote the quoted claims, one does not.
  const bool advisory = st(Family::kAdvisory) >= 0.9f && advisory_entries.size() >= 2;
  if (advisory) v.rule_verdict = false;
  // A letter in a language no lexicon reads: a checksummed wallet, a demand
  // next to it, a deadline-like number (or a deadline the extractor read, or
  // a forged From = To), three loanwords of these letters (bitcoin, video,
  // porn, hacker, trojan, webcam, virus), and no link, no receipt or
  // newsletter wording. Donation pages, exchange receipts and investment
  // spam carry links; the rule is checked against every shared negative.
  // The text is read for its structure only when the cheap conditions hold.
  auto structure_says = [&] {
    const detail::Structure shape = detail::ReadStructure(text);
    return !shape.links && shape.loanwords >= 3 &&
           (shape.deadline_number || deadline || in.self_sent);
  };
  const bool by_structure = !v.rule_verdict && !advisory && wallet && demand.has_value() &&
                            st(Family::kBenign) == 0 && text.size() <= 12000 && structure_says();
  // The learned layer was fitted on letters that claim a recording or a
  // breach; it does not judge the two kinds above (leave-template-out
  // evaluation showed it vetoing bomb threats it had never seen).
  v.model_free = (no_wallet || violent_demand || by_structure) && !advisory;

  // --- features and model ---
  v.features.assign(kNumFeatures, 0.0f);
  for (size_t i = 0; i < kFamilies; ++i) v.features[kFamilyBase + i] = fam[i].strength;
  v.features[kDistinctClaims] = static_cast<float>(distinct) / 8.0f;
  v.features[kWallet] = wallet ? 1.0f : 0.0f;
  v.features[kAmount] = demand ? 1.0f : 0.0f;
  v.features[kDeadlineFound] = deadline ? 1.0f : 0.0f;
  v.features[kHdrSelfSent] = in.self_sent;
  v.features[kHdrAuthFailed] = in.auth_failed;
  v.features[kHdrReplyTo] = in.reply_to_mismatch;
  v.features[kRandomSender] = random_sender;
  v.features[kObfuscated] = obfuscated;
  v.features[kRuleScore] = static_cast<float>(rule_score);

  double score = rule_score;
  bool verdict = v.rule_verdict || v.model_free;
  if (const LinearModel* m = TrainedModel()) {
    score = Predict(*m, v.features);
    // The model refines the rules; it may veto a rule verdict it finds
    // implausible, but never creates one (a wallet alone stays clean).
    verdict = verdict && (score >= m->threshold || v.model_free);
  }
  // The advisory veto decides; the score, which reads the quoted claims,
  // must not say otherwise.
  if (advisory) score = std::min(score, 0.2);
  // A parse limit reached stands in for claims left unread (detail/limits.h).
  const bool limit_tipped = !verdict && !in.limits.empty() &&
                            detail::LimitTipsVerdict({.payment = pay > 0,
                                                      .threat_core = threat_core,
                                                      .distinct = distinct,
                                                      .benign = st(Family::kBenign),
                                                      .advisory = advisory});
  if (limit_tipped) {
    verdict = true;
    v.model_free = true;
    score = std::max(score, detail::kLimitScore);
  }
  v.extortion = verdict;
  v.score = std::round(score * 1000.0) / 1000.0;

  // --- reasons (always; they explain clean verdicts too) ---
  const bool mapped = !in.text_offsets.empty() && !in.folded_offsets.empty();
  auto add_reason = [&](std::string family, uint32_t from, uint32_t to) {
    record::Reason r;
    r.family = std::move(family);
    if (mapped && from < in.folded_offsets.size()) {
      uint32_t tf = detail::MapOffset(in.folded_offsets, in.text_offsets, from);
      uint32_t tt = to < in.folded_offsets.size()
                        ? detail::MapOffset(in.folded_offsets, in.text_offsets, to)
                        : static_cast<uint32_t>(in.text.size());
      r.evidence = Evidence(in.text, tf, std::max(tt, tf));
      r.offset = in.folded_offsets[from];
    } else {
      r.evidence = Evidence(text, from, to);
      r.offset = from;
    }
    v.reasons.push_back(std::move(r));
  };
  for (size_t i = 0; i < kFamilies; ++i) {
    if (fam[i].best && static_cast<Family>(i) != Family::kBenign) {
      add_reason(std::string(FamilyName(static_cast<Family>(i))), fam[i].best->from,
                 fam[i].best->to);
    }
  }
  std::stable_sort(
      v.reasons.begin(), v.reasons.end(),
      [](const record::Reason& a, const record::Reason& b) { return a.offset < b.offset; });
  if (first_wallet) {
    v.reasons.push_back({"wallet", first_wallet->currency + " " + first_wallet->address,
                         mapped && first_wallet->offset < in.text_offsets.size()
                             ? in.text_offsets[first_wallet->offset]
                             : first_wallet->offset});
  }
  if (in.self_sent) v.reasons.push_back({"header_self_sent", "From equals To", 0});
  if (in.auth_failed) v.reasons.push_back({"header_auth_failed", "SPF/DKIM/DMARC failed", 0});
  if (in.reply_to_mismatch) v.reasons.push_back({"header_reply_to_mismatch", "", 0});
  if (random_sender) v.reasons.push_back({"random_sender", std::string(in.from_address), 0});
  if (obfuscated) {
    std::string names;
    for (const std::string& o : *in.obfuscation) names += (names.empty() ? "" : ",") + o;
    v.reasons.push_back({"obfuscation", names, 0});
  }
  if (fam[F(Family::kBenign)].best) {
    const Hit& h = *fam[F(Family::kBenign)].best;
    add_reason("benign_context", h.from, h.to);
  }
  if (verdict && no_wallet) v.reasons.push_back({"no_wallet", "no payment named yet", 0});
  if (verdict && !in.limits.empty()) {
    v.reasons.push_back({"limit_reached", std::string(in.limits), 0});
  }
  if (verdict && by_structure && !v.rule_verdict && !no_wallet && !violent_demand) {
    v.reasons.push_back({"letter_structure", "wallet, demand, deadline and loanwords", 0});
  }

  if (v.extortion) {
    if (demand) {
      record::Demand d;
      d.amount = demand->amount;
      d.currency = demand->currency;
      d.text = Evidence(text, demand->from, demand->to);
      if (mapped) {
        uint32_t tf = detail::MapOffset(in.folded_offsets, in.text_offsets, demand->from);
        uint32_t tt = demand->to < in.folded_offsets.size()
                          ? detail::MapOffset(in.folded_offsets, in.text_offsets, demand->to)
                          : static_cast<uint32_t>(in.text.size());
        d.text = Evidence(in.text, tf, std::max(tt, tf));
      }
      v.demand = d;
    }
    if (deadline) v.deadline_hours = deadline->hours;
    // A day named as the deadline ("by Friday", "bis zum 15. Oktober"): the
    // first in the letter, within 60 days of the Date.
    if (in.sent_unix > 0) {
      for (const DateDeadline& d :
           FindDeadlineDates(text.substr(0, letter_end()), in.sent_unix, in.sent_offset_minutes)) {
        if (d.at_unix > in.sent_unix && d.at_unix - in.sent_unix <= int64_t{60} * 86400) {
          v.deadline_at = FormatDeadline(d);
          break;
        }
      }
    }
    // Category: sexual recording claims first, then the corporate variant,
    // then identity/bank data, else other.
    const float corporate =
        st(Family::kCorporate) + 0.2f * std::min(fam[F(Family::kCorporate)].hits, 4);
    // The order is the priority: sextortion is tested twice, strongly first, then after the
    // corporate and data-leak readings.
    // NOLINTNEXTLINE(bugprone-branch-clone)
    if (st(Family::kAdult) >= 0.8f || (st(Family::kRecording) >= 0.8f && st(Family::kAdult) > 0)) {
      v.category = record::Category::kSextortion;
    } else if (violence) {
      v.category = record::Category::kThreat;
    } else if (corporate >= 0.9f) {
      v.category = record::Category::kCorporate;
    } else if (st(Family::kPersonalData) > 0 && fam[F(Family::kPersonalData)].hits >= 2) {
      v.category = record::Category::kDataLeak;
    } else if (st(Family::kRecording) > 0) {  // "I will remove those videos"
      v.category = record::Category::kSextortion;
    } else {
      v.category = record::Category::kOther;
    }
  }
  return v;
}

}  // namespace extortrace::detect
