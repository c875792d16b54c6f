#include "explain/explain.h"

#include <fmt/format.h>

#include <algorithm>
#include <regex>
#include <set>

#include "core/json_writer.h"
#include "core/utf8.h"
#include "explain/phrases.h"
#include "store/store.h"

namespace extortrace::explain {
namespace {

using detail::Phrases;

const Phrases& PhrasesFor(Lang l) {
  return l == Lang::kJa ? detail::Japanese() : detail::English();
}

template <typename... Args>
std::string F(std::string_view pattern, Args&&... args) {
  return fmt::format(fmt::runtime(pattern), std::forward<Args>(args)...);
}

// Collapses whitespace and cuts at a UTF-8 boundary, so a quote fits a line.
std::string Snippet(std::string_view s, size_t max_bytes = 150) {
  std::string clean = SanitizeUtf8(s);
  std::string out;
  bool space = false;
  for (char c : clean) {
    if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  if (out.size() > max_bytes) {
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "\u2026";
  }
  return out;
}

std::string Quote(const Phrases& p, std::string_view s) {
  return std::string(p.open_quote) + Snippet(s) + std::string(p.close_quote);
}

bool Continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The clause of `visible` around a reason (offsets index the visible text):
// back to the previous sentence break and on to the next, at most about 60
// bytes each way, so a short match ("猶予") reads as the sentence it is in.
// Falls back to the evidence when the offset does not point at text.
std::string ClauseAround(std::string_view visible, uint32_t offset, std::string_view evidence) {
  if (visible.empty() || offset >= visible.size()) return std::string(evidence);
  auto is_break = [&](size_t i) {
    char c = visible[i];
    if (c == '\n' || c == '.' || c == '!' || c == '?') return true;
    // 。！？ (E3 80 82, EF BC 81, EF BC 9F)
    if (i + 2 < visible.size()) {
      std::string_view t = visible.substr(i, 3);
      return t == "\xe3\x80\x82" || t == "\xef\xbc\x81" || t == "\xef\xbc\x9f";
    }
    return false;
  };
  size_t begin = offset;
  size_t limit = offset > 60 ? offset - 60 : 0;
  bool cut_front = false;
  while (true) {
    if (begin <= limit) {
      cut_front = limit > 0;
      break;
    }
    size_t prev = begin - 1;
    while (prev > 0 && Continuation(static_cast<unsigned char>(visible[prev]))) --prev;
    if (is_break(prev)) break;
    begin = prev;
  }
  while (begin < offset && Continuation(static_cast<unsigned char>(visible[begin]))) ++begin;
  if (cut_front) {  // start at a word when the clause was cut
    size_t sp = visible.find(' ', begin);
    if (sp != std::string_view::npos && sp < offset) begin = sp + 1;
  }
  size_t end = std::min(visible.size(), size_t{offset} + std::max<size_t>(evidence.size(), 1));
  size_t end_limit = std::min(visible.size(), end + 60);
  while (end < end_limit && !is_break(end)) ++end;
  bool cut_back = end == end_limit && end < visible.size();
  if (!cut_back && end < visible.size() && visible[end] != '\n') {
    end += static_cast<unsigned char>(visible[end]) >= 0xE0 ? 3 : 1;  // keep the full stop
  }
  end = std::min(end, visible.size());
  while (end < visible.size() && Continuation(static_cast<unsigned char>(visible[end]))) ++end;
  std::string clause(visible.substr(begin, end - begin));
  if (cut_front) clause = "\u2026" + clause;
  if (cut_back) clause += "\u2026";
  return clause.size() < evidence.size() ? std::string(evidence) : std::string(clause);
}

std::string_view ObfuscationWord(std::string_view name, Lang l) {
  struct W {
    std::string_view name, en, ja;
  };
  static constexpr W kWords[] = {
      {"zero-width", "invisible characters", "見えない文字"},
      {"confusables", "look-alike letters from other alphabets", "形の似た別の文字"},
      {"diacritics", "stray accent marks", "不要なアクセント記号"},
      {"html-entities", "characters written as codes", "文字コードによる書き換え"},
      {"hidden-html", "hidden text", "隠しテキスト"},
      {"junk-words", "random filler words", "無関係な単語の羅列"},
      {"split-address", "a payment address split in pieces", "分割された支払先アドレス"},
      {"qr-code", "the payment address only in a QR code image", "QRコード画像に隠した支払先"},
  };
  for (const W& w : kWords) {
    if (w.name == name) return l == Lang::kJa ? w.ja : w.en;
  }
  return name;
}

std::string FormatAmount(double amount) {
  std::string s = fmt::format("{:.8f}", amount);
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  // Thousands separators on the integer part.
  size_t dot = s.find('.');
  size_t int_end = dot == std::string::npos ? s.size() : dot;
  for (size_t i = int_end; i > 3; i -= 3) s.insert(i - 3, ",");
  return s;
}

bool FamilyPresent(const record::ScanRecord& r, std::string_view family) {
  return std::any_of(r.reasons.begin(), r.reasons.end(),
                     [&](const record::Reason& x) { return x.family == family; });
}

}  // namespace

std::optional<Lang> ParseLang(std::string_view s) {
  if (s == "en") return Lang::kEn;
  if (s == "ja") return Lang::kJa;
  return std::nullopt;
}

std::string_view LangCode(Lang l) { return l == Lang::kJa ? "ja" : "en"; }

Lang DefaultLang(const record::ScanRecord& r) { return r.language == "ja" ? Lang::kJa : Lang::kEn; }

std::string FindQuotedPassword(std::string_view visible, size_t offset) {
  static const std::regex kAfter(
      "(?:password|passwort|mot de passe|contrase\xc3\xb1"
      "a|contrasena|senha|wachtwoord|"
      "has\xc5\x82o|haslo|adgangskode|\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf\xe3\x83\xbc\xe3\x83\x89)"
      "[^\\n]{0,24}?(?:\\bis\\b|\\bwas\\b|\\bist\\b|\\best\\b|\\be\\b|:|\xef\xbc\x9a|"
      "\xe3\x81\xaf|=)\\s*(?:\xe3\x80\x8c|\"|'|\xe2\x80\x9c|\xe2\x80\x98|\\()?\\s*"
      "([!-~]{3,64})",
      std::regex::icase | std::regex::optimize);
  static const std::regex kBefore(
      "([!-~]{3,64})\\s+(?:is|was)\\s+(?:one of\\s+)?your\\s+(?:old\\s+|current\\s+|real\\s+)?"
      "pass(?:word|code)",
      std::regex::icase | std::regex::optimize);
  static const std::set<std::string> kStop = {
      "one",  "your", "the", "not", "still", "now",         "very",   "also",
      "that", "this", "and", "was", "known", "compromised", "leaked", "here"};
  size_t begin = offset > 200 ? offset - 200 : 0;
  if (begin > visible.size()) return {};
  std::string window(visible.substr(begin, 600));
  auto clean = [&](std::string tok) -> std::string {
    // A closing quote ends a quoted password exactly; an unquoted one loses
    // the sentence punctuation after it.
    while (!tok.empty() && (tok.front() == '"' || tok.front() == '\'')) tok.erase(0, 1);
    size_t q = tok.find_first_of("\"'");
    if (q != std::string::npos) {
      tok.resize(q);
    } else {
      while (!tok.empty() && std::string_view(".,;:!?)").find(tok.back()) != std::string::npos) {
        tok.pop_back();
      }
    }
    std::string lower = tok;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (tok.size() < 3 || kStop.count(lower)) return {};
    return tok;
  };
  std::smatch m;
  if (std::regex_search(window, m, kAfter)) {
    std::string tok = clean(m[1].str());
    if (!tok.empty()) return tok;
  }
  if (std::regex_search(window, m, kBefore)) return clean(m[1].str());
  return {};
}

Result<Context> ContextFromStore(store::Store& store, const record::ScanRecord& r) {
  Context ctx;
  if (r.wallets.empty() && r.campaign.empty()) return ctx;
  for (const record::WalletFinding& w : r.wallets) {
    auto n = store.CountMessagesByWallet(w.address, r.content_hash);  // not this very message
    if (!n) return Fail(n.error());
    ctx.wallet_messages.emplace_back(w.address, *n);
  }
  if (!r.campaign.empty()) {
    auto c = store.CampaignByLabel(r.campaign);
    if (!c) return Fail(c.error());
    if (*c) {
      auto n = store.CampaignSize((*c)->id);
      if (!n) return Fail(n.error());
      ctx.campaign_messages = *n;
    }
  }
  return ctx;
}

Explanation Explain(const record::ScanRecord& r, const MessageText& text, const Context& ctx,
                    Lang lang) {
  std::string_view visible = text.visible;
  const Phrases& p = PhrasesFor(lang);
  Explanation e;
  e.lang = lang;
  e.scam = r.verdict == record::Verdict::kExtortion;
  if (!e.scam) {
    e.headline = std::string(p.headline_clean);
    e.summary = std::string(p.summary_clean);
    e.advice.emplace_back(p.advice_clean);
    return e;
  }
  e.headline = std::string(p.headline_scam);
  e.summary = std::string(r.category == record::Category::kCorporate    ? p.summary_corporate
                          : r.category == record::Category::kSextortion ? p.summary_sextortion
                                                                        : p.summary_other);
  // 1. The claims, one line per family, in the order of the family table,
  // each quoting the first piece of evidence.
  for (size_t i = 0; i < p.family_count; ++i) {
    const auto& fp = p.families[i];
    auto it = std::find_if(r.reasons.begin(), r.reasons.end(),
                           [&](const record::Reason& x) { return x.family == fp.family; });
    if (it == r.reasons.end() || it->evidence.empty()) continue;
    e.evidence.push_back(F(fp.text, Quote(p, ClauseAround(visible, it->offset, it->evidence))));
  }
  // 2. The money.
  if (r.demand) {
    e.evidence.push_back(F(p.demand, FormatAmount(r.demand->amount) + " " + r.demand->currency,
                           Quote(p, r.demand->text)));
  }
  if (r.deadline_hours) e.evidence.push_back(F(p.deadline, *r.deadline_hours));
  if (!r.deadline_hours && r.deadline_at.size() >= 10) {
    e.evidence.push_back(F(p.deadline_at, r.deadline_at.substr(0, 10)));
  }
  for (const record::WalletFinding& w : r.wallets) {
    e.evidence.push_back(F(p.wallet, w.currency, w.address));
    for (const auto& [address, n] : ctx.wallet_messages) {
      if (address == w.address && n > 0) e.evidence.push_back(F(p.wallet_seen, n));
    }
  }
  if (ctx.campaign_messages > 1) e.evidence.push_back(F(p.campaign_size, ctx.campaign_messages));
  // 3. The forged sender.
  bool auth_failed = r.sender.auth.find("fail") != std::string::npos;
  if (r.sender.self_sent) {
    e.evidence.push_back(F(p.self_sent, text.from.empty() ? std::string_view("From:") : text.from));
    if (auth_failed) e.evidence.push_back(F(p.auth_failed, r.sender.auth));
  } else if (auth_failed) {
    e.evidence.push_back(F(p.auth_failed_alone, r.sender.auth));
  }
  // 4. Disguise.
  if (!r.obfuscation.empty()) {
    std::string list;
    for (const std::string& o : r.obfuscation) {
      if (!list.empty()) list += p.list_sep;
      list += ObfuscationWord(o, lang);
    }
    e.evidence.push_back(F(p.obfuscation, list));
  }
  // 5. What it really knows: a quoted password, or nothing at all.
  auto proof = std::find_if(r.reasons.begin(), r.reasons.end(),
                            [](const record::Reason& x) { return x.family == "proof"; });
  if (!visible.empty()) {
    e.quoted_password = FindQuotedPassword(visible, proof != r.reasons.end() ? proof->offset : 0);
    if (e.quoted_password.empty() && proof == r.reasons.end() && visible.size() > 600) {
      // No proof reason to anchor on: look through the start of the text.
      for (size_t at = 200;
           at < std::min<size_t>(visible.size(), 64 << 10) && e.quoted_password.empty();
           at += 400) {
        e.quoted_password = FindQuotedPassword(visible, at);
      }
    }
  }
  if (!e.quoted_password.empty()) {
    e.evidence.push_back(F(p.password_quoted, Quote(p, e.quoted_password)));
  } else if (proof != r.reasons.end() &&
             (proof->evidence.find("pass") != std::string::npos ||
              proof->evidence.find("\xe3\x83\x91\xe3\x82\xb9\xe3\x83\xaf") != std::string::npos)) {
    e.evidence.emplace_back(p.password_claimed);
  } else {
    e.evidence.emplace_back(p.no_real_data);
  }
  // What to do and where to report.
  e.advice.emplace_back(p.advice_pay);
  e.advice.emplace_back(p.advice_reply);
  // A threat of violence is kept for the police, not deleted.
  e.advice.emplace_back(r.category == record::Category::kThreat ? p.advice_threat
                                                                : p.advice_delete);
  if (!e.quoted_password.empty() || FamilyPresent(r, "proof"))
    e.advice.emplace_back(p.advice_password);
  // Antivirus and a covered camera answer a claimed break-in, not a bomb.
  if (r.category != record::Category::kThreat) e.advice.emplace_back(p.advice_worry);
  e.report_to.emplace_back(p.report_police);
  e.report_to.emplace_back(p.report_national);
  e.report_to.emplace_back(p.report_work);
  return e;
}

std::string RenderText(const Explanation& e) {
  const Phrases& p = PhrasesFor(e.lang);
  std::string out = e.headline + "\n\n" + e.summary + "\n";
  auto section = [&](std::string_view title, const std::vector<std::string>& lines) {
    if (lines.empty()) return;
    out += "\n";
    out += title;
    out += e.lang == Lang::kJa ? "\n" : ":\n";
    for (const std::string& l : lines) out += (e.lang == Lang::kJa ? "・" : "  - ") + l + "\n";
  };
  section(p.title_evidence, e.evidence);
  section(p.title_advice, e.advice);
  section(p.title_report, e.report_to);
  return out;
}

std::string RenderJson(const Explanation& e) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("lang", LangCode(e.lang));
  w.Field("scam", e.scam);
  w.Field("headline", e.headline);
  w.Field("summary", e.summary);
  auto list = [&](std::string_view key, const std::vector<std::string>& v) {
    w.Key(key);
    w.BeginArray();
    for (const std::string& s : v) w.String(s);
    w.EndArray();
  };
  list("evidence", e.evidence);
  list("advice", e.advice);
  list("report_to", e.report_to);
  w.Key("quoted_password");
  if (e.quoted_password.empty())
    w.Null();
  else
    w.String(e.quoted_password);
  w.EndObject();
  return out;
}

}  // namespace extortrace::explain
