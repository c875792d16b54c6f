// Claim lexicons: per-language tables of regular expressions, each tagged with
// the claim family it is evidence for and a weight.
//
// Patterns are written against the `folded` view of normalized text
// (NFKC, invisibles removed, look-alikes folded, lowercased, Latin diacritics
// stripped: German "für" is "fur", French "vidéo" is "video", "ß" is "ss").
// They run on RE2 (UTF-8, case-insensitive, dot matches newline; see
// matcher.h), so they may use \b, \w, bounded gaps like .{0,40} or
// (?:\w+\s+){0,3}, but no back-references or look-around. \b is ASCII; \w
// is widened to every non-ASCII code point by the matcher. CJK patterns use
// no \b. Polish ł and Danish ø/æ are not stripped by the normalizer: write
// (?:l|ł), (?:ø|o), (?:æ|ae|e).
// Only Latin letters lose diacritics: Greek keeps its accents (write
// β[ιί]ντεο; the final sigma folds to σ), Vietnamese keeps đ (write [đd]).
//
// Write patterns by meaning and grammar (stems + inflections, synonyms,
// machine-translation artefacts), never one sample's sentence.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace extortrace::detect {

// What a lexicon entry is evidence for. Keep in sync with FamilyName().
enum class Family : uint8_t {
  kCompromise,    // hacked your device/account/site/database; malware, trojan, RAT
  kRecording,     // webcam, recorded you, video, screenshots
  kAdult,         // porn/adult sites, masturbation, intimate content
  kExposure,      // threat to send to contacts/family/colleagues/customers, publish, leak
  kPayment,       // pay/transfer/send me, fee, price, "copy and paste"
  kRelease,       // the deal: "once paid, I delete the videos/data"
  kCrypto,        // bitcoin/BTC/crypto/wallet/address
  kDeadline,      // within N hours, countdown, grace period
  kAntiResponse,  // don't reply, police can't help, "I'll know when you read this"
  kProof,         // "your password is", "here is your phone number"
  kSelfSent,      // "this message was sent from your own account/server"
  kCorporate,     // website, database, company mailboxes, customers/partners, de-indexing
  kPersonalData,  // identity/bank/card/SSN data
  kBenign,        // receipts, newsletters, security notices: weighs against
  kViolence,      // physical threats: a bomb placed, a killer hired ("threat" category)
  kAdvisory,      // a third party warning about a scam it quotes ("do not pay"): vetoes
  kCount
};

std::string_view FamilyName(Family f);

struct LexEntry {
  Family family;
  const char* pattern;
  float weight;  // 0..1: how specific this phrase is for the family
};

struct Lexicon {
  const char* lang;  // ISO 639-1
  std::span<const LexEntry> entries;
};

// All built-in lexicons, in a fixed order (entry ids are stable within a build).
const std::vector<Lexicon>& AllLexicons();

// One function per language file (lexicon_<lang>.cpp).
std::span<const LexEntry> LexiconEn();
std::span<const LexEntry> LexiconJa();
std::span<const LexEntry> LexiconZh();
std::span<const LexEntry> LexiconIt();
std::span<const LexEntry> LexiconDe();
std::span<const LexEntry> LexiconFr();
std::span<const LexEntry> LexiconEs();
std::span<const LexEntry> LexiconPt();
std::span<const LexEntry> LexiconNl();
std::span<const LexEntry> LexiconPl();
std::span<const LexEntry> LexiconDa();
// Nordic, Finnish, Asian and Greek lexicons (lexicon_sv/no/fi/ko/vi/id/el.cpp).
std::span<const LexEntry> LexiconSv();
std::span<const LexEntry> LexiconNo();
std::span<const LexEntry> LexiconFi();
std::span<const LexEntry> LexiconKo();
std::span<const LexEntry> LexiconVi();
std::span<const LexEntry> LexiconId();
std::span<const LexEntry> LexiconEl();
// Cyrillic, Central/Eastern European and Turkish lexicons.
std::span<const LexEntry> LexiconRu();
std::span<const LexEntry> LexiconUk();
std::span<const LexEntry> LexiconBg();
std::span<const LexEntry> LexiconCs();
std::span<const LexEntry> LexiconSk();
std::span<const LexEntry> LexiconTr();
std::span<const LexEntry> LexiconRo();
std::span<const LexEntry> LexiconHu();

}  // namespace extortrace::detect
