#include "scan/engine.h"

#include <algorithm>
#include <map>

#include "core/bytes.h"
#include "crypto/hash.h"
#include "detect/detector.h"
#include "mail/geoip.h"
#include "mail/sender.h"
#include "scan/visible_text.h"
#include "scan/wallets.h"
#include "text/html_text.h"
#include "text/language.h"
#include "text/minhash.h"

namespace extortrace::scan {

namespace {

void AddUnique(std::vector<std::string>* list, const std::string& v) {
  if (std::find(list->begin(), list->end(), v) == list->end()) list->push_back(v);
}

}  // namespace

Engine::Engine(EngineOptions options) : options_(options) {}

record::ScanRecord Engine::Scan(const mail::RawMessage& raw) const { return Analyze(raw).record; }

Analysis Engine::Analyze(const mail::RawMessage& raw) const {
  Analysis a;
  record::ScanRecord& r = a.record;
  r.source = raw.source;
  r.member = raw.member;
  r.index = raw.index;
  r.size = raw.data.size();
  r.content_hash = HexEncode(crypto::Sha256(AsBytes(raw.data)));
  if (raw.truncated) r.anomalies.push_back("truncated-input");

  std::vector<std::string> obfuscation;
  detect::Input in;  // header facts for the detector
  in.plain_text = options_.plain_text;
  if (options_.plain_text) {
    a.visible = SanitizeUtf8Text(raw.data);
    // A pasted letter written as character references, as in a text/plain part.
    std::string decoded;
    if (text::DecodeDisguisedReferences(a.visible, &decoded)) {
      a.visible = std::move(decoded);
      AddUnique(&obfuscation, "html-entities");
    }
  } else {
    a.message = mail::ParseMessage(raw.data);
    const mail::ParsedMessage& m = a.message;
    for (const std::string& an : m.anomalies) AddUnique(&r.anomalies, an);
    r.message_id = m.message_id;
    r.date = m.date_iso;
    r.date_unix = m.date_unix;
    r.subject = m.subject;
    VisibleText vt = BuildVisibleText(m);
    a.visible = std::move(vt.text);
    a.hidden = std::move(vt.hidden);
    for (const std::string& o : vt.obfuscation) AddUnique(&obfuscation, o);

    mail::SenderInfo s = mail::AnalyzeSender(m);
    r.sender.ip = s.ip;
    r.sender.self_sent = s.self_sent;
    r.sender.auth = s.AuthSummary();
    r.sender.country = mail::CountryOfIp(s.ip);
    auto failed = [](const std::string& v) { return v == "fail" || v == "softfail"; };
    in.self_sent = s.self_sent;
    in.auth_failed = failed(s.spf) || failed(s.dkim) || failed(s.dmarc);
    in.reply_to_mismatch = s.reply_to_mismatch;
    if (!m.from.empty()) in.from_address = m.from.front().email;
    in.sent_unix = m.date_unix;
    in.sent_offset_minutes = m.date_offset_minutes;
  }

  a.normalized = text::Normalize(a.visible);
  for (const std::string& o : text::ObfuscationNames(a.normalized)) AddUnique(&obfuscation, o);

  text::LanguageGuess lang = text::DetectLanguage(a.normalized.text, r.subject);
  r.language = lang.code;

  r.wallets = FindAllWallets(a, options_.decode_qr);
  for (const record::WalletFinding& w : r.wallets) {
    if (w.recovered_from == record::Recovery::kSplitAddress)
      AddUnique(&obfuscation, "split-address");
    if (w.recovered_from == record::Recovery::kQrCode) AddUnique(&obfuscation, "qr-code");
  }
  r.obfuscation = std::move(obfuscation);

  // Detection. Reason offsets come back as offsets into `visible`.
  in.text = a.normalized.text;
  in.folded = a.normalized.folded;
  in.hidden = a.hidden;
  in.subject = r.subject;
  in.language = r.language;
  in.wallets = &r.wallets;
  in.obfuscation = &r.obfuscation;
  in.text_offsets = a.normalized.offsets;
  in.folded_offsets = a.normalized.folded_offsets;
  in.exhaustive = options_.exhaustive_detection;
  // The parse limits reached: the verdict may use them as evidence.
  std::string limits;
  for (const std::string& an : r.anomalies) {
    if (mail::IsLimitAnomaly(an)) limits += (limits.empty() ? "" : ",") + an;
  }
  in.limits = limits;
  detect::Verdict v = options_.detect ? detect::Detect(in) : detect::Verdict{};
  r.verdict = v.extortion ? record::Verdict::kExtortion : record::Verdict::kClean;
  r.category = v.category;
  r.score = v.score;
  r.demand = std::move(v.demand);
  r.deadline_hours = v.deadline_hours;
  r.deadline_at = std::move(v.deadline_at);
  r.reasons = std::move(v.reasons);
  a.detect_features = std::move(v.features);
  a.detect_rule_verdict = v.rule_verdict;
  a.detect_model_free = v.model_free;
  if (r.verdict == record::Verdict::kExtortion) {
    r.signature = text::MinHashToHex(text::TemplateSignature(a.normalized.folded));
  }
  return a;
}

}  // namespace extortrace::scan
