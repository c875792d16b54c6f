#include <gtest/gtest.h>

#include "detect/lexicon.h"
#include "detect/matcher.h"

namespace extortrace::detect {
namespace {

TEST(Matcher, DatabaseCompiles) {
  EXPECT_EQ(CompileError(), "");
  EXPECT_GT(Entries().size(), 200u);
}

TEST(Matcher, EveryLanguageHasEveryCoreFamily) {
  for (const Lexicon& lex : AllLexicons()) {
    bool seen[static_cast<size_t>(Family::kCount)] = {};
    for (const LexEntry& e : lex.entries) seen[static_cast<size_t>(e.family)] = true;
    for (Family f : {Family::kCompromise, Family::kRecording, Family::kAdult, Family::kExposure,
                     Family::kPayment, Family::kDeadline, Family::kAntiResponse, Family::kProof,
                     Family::kSelfSent, Family::kCorporate}) {
      EXPECT_TRUE(seen[static_cast<size_t>(f)]) << lex.lang << " lacks " << FamilyName(f);
    }
  }
}

TEST(Matcher, FindsOffsets) {
  std::string t = "hello. i have hacked your computer and recorded you.";
  std::vector<Hit> hits = Match(t);
  ASSERT_FALSE(hits.empty());
  bool compromise = false;
  for (const Hit& h : hits) {
    if (Entries()[h.entry].entry->family == Family::kCompromise) {
      compromise = true;
      EXPECT_LT(h.from, h.to);
      EXPECT_LE(h.to, t.size());
    }
  }
  EXPECT_TRUE(compromise);
}

TEST(Matcher, EmptyAndBinaryInput) {
  EXPECT_TRUE(Match("").empty());
  std::string junk(1000, '\xff');
  EXPECT_TRUE(Match(junk).empty());
}

}  // namespace
}  // namespace extortrace::detect

namespace extortrace::detect {
namespace {

// The crypto gate (detail/patterns.cpp, kCryptoWords) must let through every text in
// which some kCrypto pattern matches.
TEST(Matcher, CryptoGateIsASupersetOfCryptoPatterns) {
  const char* texts[] = {
      "send it to my bitcoin wallet",     "pay in btc now",
      "litecoin address",                 "monero (xmr) only",
      "usdt on tron",                     "how to buy bitcoin at a bitcoin atm",
      "use coinbase or paxful",           "atomic wallet",
      "indirizzo bitcoin",                "criptovalute",
      "moneta virtuale",                  "bitcoin-adresse und kryptowahrung",
      "adresse bitcoin, crypto-monnaie",  "direccion bitcoin, criptomonedas",
      "endereco bitcoin, criptomoedas",   "bitcoin-adres, cryptovaluta",
      "adres bitcoin, kryptowaluty",      "bitcoin-adresse, kryptovaluta",
      "ビットコインで支払う",              "仮想通貨のウォレット",
      "比特币钱包地址",                    "加密貨幣",
      "криптовалюта и биткоин-кошелек",  "біткоїн-гаманець, криптовалюта",
      "биткойн портфейл, криптовалута",  "bitcoin adresa, kryptomena",
      "bitcoin cuzdan adresi, kripto para", "adresa bitcoin, criptomoneda",
      "bitcoin cim, kriptovaluta",
  };
  const Family crypto = Family::kCrypto;
  for (const char* t : texts) {
    bool has_crypto = false;
    for (const Hit& h : Match(t)) has_crypto |= Entries()[h.entry].entry->family == crypto;
    bool gated = true;
    Match(t, 4, &crypto, &gated);
    if (has_crypto) {
      EXPECT_FALSE(gated) << t;
    }
  }
  bool gated = false;
  Match("a plain message about lunch, abtcd is not a code", 4, &crypto, &gated);
  EXPECT_TRUE(gated);
}

TEST(Matcher, FewUnfilteredPatterns) { EXPECT_LE(UnfilteredEntries().size(), 20u); }

}  // namespace
}  // namespace extortrace::detect

namespace extortrace::detect {
namespace {

bool HasFamily(std::string_view text, Family f) {
  for (const Hit& h : Match(text)) {
    if (Entries()[h.entry].entry->family == f) return true;
  }
  return false;
}

// Phrases written for this test (folded, as the matcher sees them) in the
// ru/uk/bg/cs/sk/tr/ro/hu lexicons: inflected forms other than the synthetic
// letters use, so a stem or case ending lost in an edit shows here.
TEST(Matcher, CentralEasternEuropeanAndTurkishFamilies) {
  struct Case {
    const char* text;
    Family family;
  };
  const Case cases[] = {
      {"мы взломали ваш почтовый ящик", Family::kCompromise},
      {"я заснял вас на камеру", Family::kRecording},
      {"разошлю ролик всем вашим коллегам", Family::kExposure},
      {"у тебя есть двое суток", Family::kDeadline},
      {"ваш пароль: qwerty", Family::kProof},
      {"письмо отправлено с вашего собственного аккаунта", Family::kSelfSent},
      {"ми зламали вашу поштову скриньку", Family::kCompromise},
      {"розішлю відео всім твоїм друзям", Family::kExposure},
      {"не відповідайте на цей лист", Family::kAntiResponse},
      {"хакнахме вашия сървър", Family::kCompromise},
      {"ще изпратя видеото на всички твои приятели", Family::kExposure},
      {"vas pocitac byl hacknut", Family::kCompromise},
      {"zverejnime data vsem vasim zakaznikum", Family::kExposure},
      {"behem tri dnu", Family::kDeadline},
      {"nahral som vas cez kameru", Family::kRecording},
      {"vase heslo je: leto2020", Family::kProof},
      {"bilgisayarınıza erisim sagladım", Family::kCompromise},
      {"BILGISAYARINIZA ERISIM SAGLADIM", Family::kCompromise},
      {"videoyu butun arkadaslarınıza gonderecegim", Family::kExposure},
      {"sifreniz: yaz2021", Family::kProof},
      {"am spart contul tau de e-mail", Family::kCompromise},
      {"voi trimite filmarea tuturor prietenilor tai", Family::kExposure},
      {"nu raspundeti la acest mesaj", Family::kAntiResponse},
      {"feltortem a fiokodat", Family::kCompromise},
      {"a videot elkuldom minden ismerosodnek", Family::kExposure},
      {"a jelszavad: nyar2022", Family::kProof},
      {"ket napod van", Family::kDeadline},
      {"я сделал несколько видео", Family::kRecording},
      {"ми зробили запис екрана", Family::kRecording},
      {"направих видео", Family::kRecording},
      {"porizil jsem nahravku", Family::kRecording},
      {"urobil som video", Family::kRecording},
      {"VIDEOYU HAZIRLADIM", Family::kRecording},
      {"am facut o inregistrare", Family::kRecording},
      {"videot keszitettem rolad", Family::kRecording},
  };
  for (const Case& c : cases) {
    std::string folded(c.text);
    for (char& ch : folded) ch = static_cast<char>(ch >= 'A' && ch <= 'Z' ? ch + 32 : ch);
    EXPECT_TRUE(HasFamily(folded, c.family)) << c.text << " lacks " << FamilyName(c.family);
  }
}

}  // namespace
}  // namespace extortrace::detect
