#include "detect/detail/patterns.h"

#include <iterator>

#include "detect/lexicon.h"

namespace extortrace::detect::detail {

std::string Widen(std::string_view pattern) {
  std::string out;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size()) {
      if (pattern[i + 1] == 'w') {
        out += "[\\w\\x{80}-\\x{10FFFF}]";
      } else {
        out += pattern.substr(i, 2);
      }
      ++i;
    } else {
      out += pattern[i];
    }
  }
  return out;
}

std::vector<std::string> RuntimePatterns() {
  std::vector<std::string> out;
  for (const Lexicon& lex : AllLexicons()) {
    for (const LexEntry& e : lex.entries) out.push_back(Widen(e.pattern));
  }
  return out;
}

size_t GroupOf(const LexEntry& e) {
  if (e.family == Family::kCrypto) return kCryptoGroup;
  const float reach = e.weight + kRepeatBoost;
  if ((e.family == Family::kExposure && reach >= kExplicitExposure) ||
      (e.family == Family::kViolence && reach >= kExplicitViolence)) {
    return kThreatGroup;
  }
  return kClaimsGroup;
}

std::vector<PatternGroup> PatternGroups() {
  std::vector<PatternGroup> groups(kPatternGroups);
  groups[kCryptoGroup].name = "crypto";
  groups[kThreatGroup].name = "threat";
  groups[kClaimsGroup].name = "claims";
  uint32_t index = 0;  // Entries() order
  for (const Lexicon& lex : AllLexicons()) {
    for (const LexEntry& e : lex.entries) groups[GroupOf(e)].entries.push_back(index++);
  }
  return groups;
}

std::vector<std::string> GroupPatterns(const std::vector<std::string>& runtime_patterns,
                                       const PatternGroup& group) {
  std::vector<std::string> out;
  out.reserve(group.entries.size());
  for (uint32_t e : group.entries) out.push_back(runtime_patterns[e]);
  return out;
}

uint64_t StringSetHash(const std::vector<std::string>& patterns) {
  uint64_t h = 0xcbf29ce484222325ULL;
  auto mix = [&h](unsigned char c) {
    h ^= c;
    h *= 0x100000001b3ULL;
  };
  for (const std::string& p : patterns) {
    for (char c : p) mix(static_cast<unsigned char>(c));
    mix(0);
  }
  return h;
}

RE2::Options MatcherOptions() {
  RE2::Options o;
  o.set_encoding(RE2::Options::EncodingUTF8);
  o.set_case_sensitive(false);
  o.set_dot_nl(true);
  o.set_log_errors(false);
  o.set_max_mem(32 << 20);
  return o;
}

namespace {
constexpr const char* kCryptoWords[] = {
    "bitcoin", "btc", "ltc", "xmr", "usdt", "litecoin", "ethereum", "monero", "tether", "crypto",
    "cripto", "krypto", "wallet", "coinbase", "paxful", "coingate", "cex.io", "moneta virtuale",
    "ビットコイン", "仮想通貨", "暗号通貨", "暗号資産", "ウォレット", "比特币", "比特幣",
    "加密货币", "加密貨幣", "数字货币", "數字貨幣", "钱包", "錢包",
    // Korean, Indonesian/Malay, Vietnamese, Greek, Traditional Chinese.
    "비트코인", "암호화폐", "가상화폐", "가상 화폐", "암호 화폐", "kripto", "tien ma hoa",
    "tien ky thuat so", "tien ao", "μπιτκ", "κρυπτον", "₿", "虚拟货币", "虛擬貨幣", "數位貨幣",
    // ru/uk/bg (Cyrillic) and tr/hu ("kripto para", "kriptovaluta").
    "биткоин", "биткойн", "біткоїн", "біткойн", "криптовал"};
// Folded spellings; substrings cover inflections ("pornografia", "webcamu").
constexpr const char* kThreatWords[] = {
    "porn",     "webcam",    "web cam", "adult",     "masturbat", "explosive", "hitman",
    "pedophil", "paedophil", "ポルノ",  "アダルト",  "爆弾",      "色情",      "成人网站",
    "成人網站", "порн",      "вебкам",  "веб-камер", "포르노",    "야동",      "웹캠"};

}  // namespace

std::span<const char* const> CryptoWords() { return kCryptoWords; }
std::span<const char* const> ThreatWords() { return kThreatWords; }

LiteralSet AtomLiterals(const std::vector<std::string>& atoms) {
  LiteralSet set;
  set.words = atoms;
  set.flags.assign(atoms.size(), HS_FLAG_SINGLEMATCH);
  return set;
}

LiteralSet GateLiterals() {
  LiteralSet set;
  for (size_t i = 0; i < std::size(kCryptoWords); ++i) {
    set.words.emplace_back(kCryptoWords[i]);
    set.flags.push_back(i < kShortCryptoCodes ? 0u : HS_FLAG_SINGLEMATCH);
  }
  for (const char* w : kThreatWords) {
    set.words.emplace_back(w);
    set.flags.push_back(HS_FLAG_SINGLEMATCH);
  }
  return set;
}

hs_database_t* CompileLiterals(const LiteralSet& set, const hs_platform_info_t* platform,
                               std::string* error) {
  if (set.words.empty()) {
    *error = "hyperscan: no literals";
    return nullptr;
  }
  std::vector<const char*> lits;
  std::vector<size_t> lens;
  std::vector<unsigned> ids;
  for (size_t i = 0; i < set.words.size(); ++i) {
    lits.push_back(set.words[i].data());
    lens.push_back(set.words[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  hs_database_t* db = nullptr;
  hs_compile_error_t* err = nullptr;
  if (hs_compile_lit_multi(lits.data(), set.flags.data(), ids.data(), lens.data(),
                           static_cast<unsigned>(lits.size()), HS_MODE_BLOCK, platform, &db,
                           &err) != HS_SUCCESS) {
    *error = std::string("hyperscan: ") + (err && err->message ? err->message : "compile failed");
    hs_free_compile_error(err);
    return nullptr;
  }
  return db;
}

unsigned PrefilterFlags() {
  return HS_FLAG_PREFILTER | HS_FLAG_UTF8 | HS_FLAG_CASELESS | HS_FLAG_DOTALL;
}

}  // namespace extortrace::detect::detail
