#include "detect/matcher.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <utility>

#include "detect/lexicon.h"

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
      "send it to my bitcoin wallet",
      "pay in btc now",
      "litecoin address",
      "monero (xmr) only",
      "usdt on tron",
      "how to buy bitcoin at a bitcoin atm",
      "use coinbase or paxful",
      "atomic wallet",
      "indirizzo bitcoin",
      "criptovalute",
      "moneta virtuale",
      "bitcoin-adresse und kryptowahrung",
      "adresse bitcoin, crypto-monnaie",
      "direccion bitcoin, criptomonedas",
      "endereco bitcoin, criptomoedas",
      "bitcoin-adres, cryptovaluta",
      "adres bitcoin, kryptowaluty",
      "bitcoin-adresse, kryptovaluta",
      "ビットコインで支払う",
      "仮想通貨のウォレット",
      "比特币钱包地址",
      "加密貨幣",
      "bitcoin-adress, kryptovaluta",
      "bitcoin-osoite, kryptovaluutta",
      "비트코인 지갑 주소",
      "암호화폐로 지불",
      "đia chi bitcoin, tien ma hoa",
      "tien ky thuat so",
      "alamat bitcoin, mata uang kripto",
      "διεύθυνση bitcoin",
      "κρυπτονόμισμα",
      "虛擬貨幣",
      "криптовалюта и биткоин-кошелек",
      "біткоїн-гаманець, криптовалюта",
      "биткойн портфейл, криптовалута",
      "bitcoin adresa, kryptomena",
      "bitcoin cuzdan adresi, kripto para",
      "adresa bitcoin, criptomoneda",
      "bitcoin cim, kriptovaluta",
  };
  const Family crypto = Family::kCrypto;
  for (const char* t : texts) {
    bool has_crypto = false;
    for (const Hit& h : Match(t)) has_crypto |= Entries()[h.entry].entry->family == crypto;
    bool gated = true;
    Match(t, 4, Gate::kDemand, &gated);
    if (has_crypto) {
      EXPECT_FALSE(gated) << t;
    }
  }
  bool gated = false;
  Match("a plain message about lunch, abtcd is not a code", 4, Gate::kDemand, &gated);
  EXPECT_TRUE(gated);
}

// Gate::kDemand lets through only what a verdict can be made of: a crypto
// pattern, or an explicit threat (exposure, violence) when a gate word occurs.
TEST(Matcher, DemandGateNeedsACryptoPaymentOrAnExplicitThreat) {
  bool gated = false;
  // A gate word in passing, no crypto pattern.
  EXPECT_TRUE(
      Match("my new leather wallet arrived today, thanks", 4, Gate::kDemand, &gated).empty());
  EXPECT_TRUE(gated);
  // A threat word without an explicit threat.
  EXPECT_TRUE(
      Match("the adult education classes start on monday", 4, Gate::kDemand, &gated).empty());
  EXPECT_TRUE(gated);
  // A letter that names no currency yet, with an explicit threat: all its
  // hits, not only the threat's.
  const char* letter =
      "i recorded you with your webcam while you watched porn. i will send the video to all "
      "your contacts unless you answer within 24 hours.";
  std::vector<Hit> hits = Match(letter, 4, Gate::kDemand, &gated);
  EXPECT_FALSE(gated);
  EXPECT_EQ(hits.size(), Match(letter).size());
  // A payment in crypto, also glued to its unit or written with the sign.
  for (const char* t : {"send 0.1 bitcoin to the address below", "send 0.05btc to my wallet",
                        "the price is ₿0.05, no more"}) {
    EXPECT_FALSE(Match(t, 4, Gate::kDemand, &gated).empty()) << t;
    EXPECT_FALSE(gated) << t;
  }
  // A code inside a word is none.
  Match("the abtcd protocol, version 2", 4, Gate::kDemand, &gated);
  EXPECT_TRUE(gated);
}

TEST(Matcher, FewUnfilteredPatterns) { EXPECT_LE(UnfilteredEntries().size(), 20u); }

}  // namespace
}  // namespace extortrace::detect

namespace extortrace::detect {
namespace {

float Strongest(std::string_view folded, Family f) {
  float best = 0;
  for (const Hit& h : Match(folded)) {
    const LexEntry& e = *Entries()[h.entry].entry;
    if (e.family == f) best = std::max(best, e.weight);
  }
  return best;
}

// A threat to expose is strong with a speaker or a future before the verb; the
// same verb in a newsletter's invitation to share is weak (folded text).
TEST(Matcher, ExposureNeedsASpeakerInTheNewerLanguages) {
  const std::pair<const char*, const char*> cases[] = {
      {"jag kommer att skicka videon till alla dina kontakter",
       "dela garna artikeln med dina vanner"},
      {"jeg kommer til a sende opptaket til vennene dine", "del gjerne saken med vennene dine"},
      {"lahetan videon kaikille yhteystiedoillesi", "jaa artikkeli ystavillesi"},
      {"영상을 가족에게 보내겠습니다", "친구에게 공유하세요"},
      {"toi se gui video cho tat ca ban be cua ban", "hay chia se ma gioi thieu voi ban be"},
      {"saya akan mengirimkan video ke semua kontak anda", "bagikan artikel ini ke teman anda"},
      {"θα στείλω το βίντεο σε όλεσ τισ επαφέσ σασ",
       "μοιραστείτε την ανακοίνωση με τουσ φίλουσ σασ"},
  };
  for (const auto& [threat, invitation] : cases) {
    EXPECT_GE(Strongest(threat, Family::kExposure), 0.7f) << threat;
    EXPECT_LT(Strongest(invitation, Family::kExposure), 0.6f) << invitation;
  }
}

// Machine-translated claims of access: the Swedish s-passive, the Finnish
// "minulla on pääsy", a Korean speaker who "can access" (a notice saying the
// recipient can access the account with a new password is no claim).
TEST(Matcher, AccessClaimsInTheNewerLanguages) {
  EXPECT_GE(Strongest("din enhet har hackats", Family::kCompromise), 1.0f);
  EXPECT_GE(Strongest("minulla on paasy laitteeseesi", Family::kCompromise), 0.9f);
  EXPECT_GE(Strongest("저는 당신의 모든 계정에 접근할 수 있습니다", Family::kCompromise), 1.0f);
  EXPECT_LT(Strongest("새 비밀번호로 계정에 접근할 수 있습니다", Family::kCompromise), 0.5f);
  EXPECT_LT(Strongest("chung toi phat hien truy cap vao tai khoan cua ban", Family::kCompromise),
            0.5f);
}

// Greek keeps its accents after folding; spam drops them (or writes capitals).
TEST(Matcher, GreekWithAndWithoutAccents) {
  EXPECT_GE(Strongest("ο κωδικόσ σασ είναι: abc", Family::kProof), 1.0f);
  EXPECT_GE(Strongest("ο κωδικοσ σασ ειναι: abc", Family::kProof), 1.0f);
}

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
