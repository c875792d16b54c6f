#include "text/normalize.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "text/detail/junk.h"

namespace extortrace::text {
namespace {

void ExpectOffsetsValid(const NormalizedText& n, size_t input_size) {
  ASSERT_EQ(n.offsets.size(), n.text.size());
  ASSERT_EQ(n.folded_offsets.size(), n.folded.size());
  for (size_t i = 0; i < n.offsets.size(); ++i) {
    EXPECT_LT(n.offsets[i], input_size);
    if (i > 0) {
      EXPECT_GE(n.offsets[i], n.offsets[i - 1]) << "not monotonic at " << i;
    }
  }
  for (size_t i = 1; i < n.folded_offsets.size(); ++i) {
    EXPECT_GE(n.folded_offsets[i], n.folded_offsets[i - 1]);
  }
}

TEST(Normalize, AsciiWhitespace) {
  std::string in = "  Hello\t\tworld  \r\n\r\n\r\n\n  Pay   NOW \n";
  NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text, "Hello world\n\nPay NOW");
  EXPECT_EQ(n.folded, "hello world\n\npay now");
  ExpectOffsetsValid(n, in.size());
  EXPECT_EQ(n.offsets[0], 2u);  // 'H'
  EXPECT_EQ(in[n.offsets[n.text.find("Pay")]], 'P');
  EXPECT_TRUE(ObfuscationNames(n).empty());
}

TEST(Normalize, ZeroWidthSplitWordRejoined) {
  std::string in = "Send bit\u200Bco\u200Cin to my wal\uFEFFlet";
  NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text, "Send bitcoin to my wallet");
  EXPECT_EQ(n.invisible_removed, 3u);
  EXPECT_EQ(n.words_rejoined, 2u);
  EXPECT_EQ(ObfuscationNames(n), std::vector<std::string>{"zero-width"});
  ExpectOffsetsValid(n, in.size());
  // 'c' after the ZWSP maps to its own byte in the input.
  EXPECT_EQ(in.substr(n.offsets[n.text.find("coin")], 2), "co");
  // ZWNJ inside Persian words is spelling, not a split.
  NormalizedText fa = Normalize("می\u200Cخواهید در\u200Cصورتی");
  EXPECT_EQ(fa.words_rejoined, 0u);
  EXPECT_TRUE(ObfuscationNames(fa).empty());
  // Zero-width space inside a Japanese word is a split.
  EXPECT_EQ(Normalize("ビット\u200Bコインで支払え").words_rejoined, 1u);
  NormalizedText soft = Normalize("bit\u00ADcoin and\u2060 bi\u034Ftcoin \u202Ebidi");
  EXPECT_EQ(soft.text, "bitcoin and bitcoin bidi");
}

TEST(Normalize, CyrillicLookalikeInLatinWord) {
  std::string in = "Send 0.1 bitc\u043Ein now";  // Cyrillic о
  NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text, "Send 0.1 bitcoin now");
  EXPECT_EQ(n.folded, "send 0.1 bitcoin now");
  EXPECT_EQ(n.confusables_folded, 1u);
  EXPECT_EQ(ObfuscationNames(n), std::vector<std::string>{"confusables"});
  ExpectOffsetsValid(n, in.size());
  EXPECT_EQ(in.substr(n.offsets[n.text.find("in now")], 2), "in");
}

TEST(Normalize, MixedScriptWordsAndGreek) {
  NormalizedText n = Normalize("ВitсоіnЅ are waiting in your wаllеt, ΡΑΥ ΝΟW or lose everything");
  EXPECT_EQ(n.text, "BitcoinS are waiting in your wallet, PAY NOW or lose everything");
  EXPECT_GT(n.confusables_folded, 8u);
  NormalizedText caps = Normalize("ʏᴏᴜʀ ᴘᴀssᴡᴏʀᴅ");
  EXPECT_EQ(caps.text, "your password");
}

TEST(Normalize, RussianGreekUntouched) {
  const std::string ru =
      "Здравствуйте! Я взломал ваш компьютер и записал видео с вашей камеры. Переведите 500 "
      "долларов в биткойнах на мой кошелёк в течение 48 часов.";
  NormalizedText n = Normalize(ru);
  EXPECT_EQ(n.text, ru);
  EXPECT_EQ(n.confusables_folded, 0u);
  EXPECT_TRUE(ObfuscationNames(n).empty());
  const std::string short_ru = "Сор, рос, ехе — ОК?";  // all-lookalike Russian words
  EXPECT_EQ(Normalize(short_ru).text, short_ru);
  const std::string el = "Καλημέρα σας, ο λογαριασμός σας έχει παραβιαστεί από τον χάκερ.";
  NormalizedText g = Normalize(el);
  EXPECT_EQ(g.text, el);
  EXPECT_EQ(g.confusables_folded, 0u);
  EXPECT_EQ(g.diacritic_disguise, 0u);
}

TEST(Normalize, JapaneseOnlyNfkc) {
  const std::string ja = "あなたのパスワードを知っています。ビットコインで支払ってください。";
  NormalizedText n = Normalize(ja);
  EXPECT_EQ(n.text, ja);
  EXPECT_EQ(n.folded, ja);  // dakuten stay (no diacritic stripping outside Latin)
  EXPECT_TRUE(ObfuscationNames(n).empty());
  // Full-width Latin/digits and half-width katakana are folded by NFKC.
  std::string fw = "ＢＴＣで１０万円をお支払いください ｶﾀｶﾅ";
  NormalizedText f = Normalize(fw);
  EXPECT_EQ(f.text, "BTCで10万円をお支払いください カタカナ");
  EXPECT_GT(f.fullwidth_folded, 0u);
  EXPECT_TRUE(ObfuscationNames(f).empty());
  ExpectOffsetsValid(f, fw.size());
  EXPECT_EQ(fw.substr(f.offsets[f.text.find("10")], 3), "１");
}

TEST(Normalize, ChineseUntouched) {
  const std::string zh = "我已经入侵了你的电脑，请在48小时内支付比特币。";
  // Only NFKC applies: the full-width comma becomes ','.
  EXPECT_EQ(Normalize(zh).text, "我已经入侵了你的电脑,请在48小时内支付比特币。");
  EXPECT_EQ(Normalize(zh).confusables_folded, 0u);
}

TEST(Normalize, FoldedStripsLatinDiacritics) {
  NormalizedText n = Normalize("Pay in BÍTCÓÍN — Straße, ĆWICZENIE");
  EXPECT_EQ(n.folded, "pay in bitcoin — straße, cwiczenie");
  EXPECT_EQ(n.text, "Pay in BÍTCÓÍN — Straße, ĆWICZENIE");
  ExpectOffsetsValid(n, std::string("Pay in BÍTCÓÍN — Straße, ĆWICZENIE").size());
  // Combining marks after Latin letters are stripped too.
  EXPECT_EQ(Normalize("bi\u0301tcoi\u0300n").folded, "bitcoin");
}

TEST(Normalize, DiacriticDisguise) {
  NormalizedText n = Normalize("Ýóu hàvé bééñ hàçkéd. Ì hàvé àççéss tó ýóúr dévìçé.");
  EXPECT_GE(n.diacritic_disguise, 3u);
  EXPECT_EQ(n.folded, "you have been hacked. i have access to your device.");
  EXPECT_NE(std::find(ObfuscationNames(n).begin(), ObfuscationNames(n).end(), "diacritics"),
            ObfuscationNames(n).end());
  // One sprinkled accent per word (real sextortion mail), plus ƒ for f.
  NormalizedText s = Normalize(
      "I ḟeel sặd to ḁlert you ąḅout ẵ couple oḟ disheẵrtening news ƒor you. I håve stārted "
      "oƅserving your internet ắctions.");
  EXPECT_GE(s.diacritic_disguise, 3u);
  EXPECT_EQ(s.folded,
            "i feel sad to alert you about a couple of disheartening news for you. i have started "
            "observing your internet actions.");
  // Ordinary French, Polish, German, Portuguese, Danish text is not disguise.
  for (const char* ok : {"Nous avons été très déçus. Le café était déjà froid à l'arrivée.",
                         "Zażółć gęślą jaźń. Proszę o szybką odpowiedź, dziękuję bardzo.",
                         "Sehr geehrte Damen und Herren, bitte überweisen Sie den Betrag für März.",
                         "Você não está sozinho; a informação já foi enviada à polícia.",
                         "Hej, jeg håber du får en god dag på søndag. Venlig hilsen Søren.",
                         "Já estou até às três; só é possível às vezes. Ele não tem nada.",
                         "Il thé à la menthe, où est-il? Là-bas, près du café."}) {
    EXPECT_EQ(Normalize(ok).diacritic_disguise, 0u) << ok;
  }
}

struct FoldCase {
  const char* in;
  const char* folded;
  bool disguised;  // expected "diacritics" flag
};

void ExpectFolds(const FoldCase& c) {
  NormalizedText n = Normalize(c.in);
  EXPECT_EQ(n.folded, c.folded) << c.in;
  EXPECT_EQ(n.diacritic_disguise > 0, c.disguised) << c.in;
  ExpectOffsetsValid(n, std::string(c.in).size());
}

// Accents NFD cannot strip: stroke letters (ø, ł, đ, ı, Ƀ), several marks
// on one letter, Greek and Cyrillic vowels with or without accents inside
// Latin words, a lone Greek capital iota for "I".
TEST(Normalize, HeavyDisguiseBeyondNfd) {
  const FoldCase cases[] = {
      {"Yöur âccöünt wâs hâckéd, pâÿ ïn bïtcöïn.", "your account was hacked, pay in bitcoin.",
       true},
      {"Yøur àccøunt wαs hαckεd. Ι rεcørdεd yοu wαtchıng pørn vıdεοs. Pαy ın bıtcοın.",
       "your account was hacked. i recorded you watching porn videos. pay in bitcoin.", true},
      {"Yơur ȁccǿünt wȧs hǻckḗd, pȁÿ ĩn bįtcờįn wıthın tẁǿ dάys.",
       "your account was hacked, pay in bitcoin within two days.", true},
      {"Yόur accόunt wαs hαcκέd; sεnd thε mοnεy ίn Ƀitcoin tο mγ wαllεt.",
       "your account was hacked; send the money in bitcoin to my wallet.", true},
      {"Ỳǿừr đevıce wαs ınfected; ł will share ŧhe vıdeo.",
       "your device was infected; l will share the video.", true},
  };
  for (const FoldCase& c : cases) ExpectFolds(c);
  // The stroke letters keep their place in `text` and map back to themselves.
  const std::string in = "Yøur àccøunt, yøur pørn, yøur vıdeøs, wıthın høurs.";
  NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text, in);
  const size_t o = n.folded.find("porn");
  ASSERT_NE(o, std::string::npos);
  EXPECT_EQ(in.substr(n.folded_offsets[o + 1], 2), "\xC3\xB8");  // ø
}

// Real text written with stroke letters keeps them in the folded view and
// is not called disguised, even when one word reads as English.
TEST(Normalize, RealStrokeLetterTextKeepsItsLetters) {
  const FoldCase cases[] = {
      {"Jeg ringer før middag, før klokken fem, og før du går hjem.",
       "jeg ringer før middag, før klokken fem, og før du gar hjem.", false},
      {"Było miło, łódź płynęła wolno przez całą noc.",
       "było miło, łodz płyneła wolno przez cała noc.", false},
      {"Işık kırık, ılık su ve sıcak çay için teşekkürler.",
       "isık kırık, ılık su ve sıcak cay icin tesekkurler.", false},
      {"Tôi đã được thông báo rằng điều này sẽ đến đây, ở đây.",
       "toi đa đuoc thong bao rang đieu nay se đen đay, o đay.", false},
  };
  for (const FoldCase& c : cases) ExpectFolds(c);
}

TEST(Normalize, JunkBlocks) {
  const std::string english =
      "Hello, I am writing to let you know that the meeting has been moved to Thursday "
      "afternoon. Please bring the quarterly report and the updated budget spreadsheet. "
      "If you cannot attend, send me a short note and I will forward the minutes afterwards. "
      "Strengths, twelfths and rhythms are fine words; HTML, CSS and JSON are acronyms.";
  EXPECT_FALSE(Normalize(english).junk_words);
  EXPECT_FALSE(
      Normalize("Szanowni Państwo, przesyłamy w załączniku fakturę za zamówienie. Prosimy o "
                "terminową płatność przelewem na wskazany rachunek bankowy. Pozdrawiamy serdecznie")
          .junk_words);
  const std::string junk =
      english + "\nxkqzt bmwrp qzjvk fhtgn plkwz rtvbx mnqzd gwxrt jzkpq vbnmx\n";
  NormalizedText n = Normalize(junk);
  EXPECT_TRUE(n.junk_words);
  EXPECT_EQ(ObfuscationNames(n), std::vector<std::string>{"junk-words"});
  EXPECT_TRUE(Normalize("Pay now (xqzt) (bmwq) (kjhv) (zptl) (wqxc) (gfdr) (hjkq)").junk_words);
  EXPECT_FALSE(Normalize("See (a) (b) (c) (d) (e) (f) (g) and (note) (item) (list)").junk_words);
  // Junk sprinkled between real words (from a real sextortion mail).
  EXPECT_TRUE(Normalize("I (mksuiem) managed to gain (hirlosk) actions on (kddavoib) a (cgekocu) "
                        "continuous basis. Look at (ntmmcj) events (iimkaw) provided (uoozett) "
                        "list (egbpqq) of (rqzysn) current (erccvw) era (fiyderl) is (jzfpaw)")
                  .junk_words);
  // Repeated log tags are not junk.
  std::string log;
  for (int i = 0; i < 12; ++i) log += "[WARNING] [UDP] packet dropped\n";
  EXPECT_FALSE(Normalize(log).junk_words);
  EXPECT_TRUE(detail::LooksRandom("xQzTrWk"));
  EXPECT_FALSE(detail::LooksRandom("McDonald"));
  EXPECT_FALSE(detail::LooksRandom("information"));
}

// The window rule: 8 random tokens among the last 10 (tokens the scan has
// not judged yet must count once a window could reach 8).
TEST(Normalize, JunkWindowBoundary) {
  using detail::HasJunkBlock;
  const std::string r7 = "xkqzt bmwrp qzjvk fhtgn plkwz rtvbx zvqkt";  // each LooksRandom
  EXPECT_FALSE(HasJunkBlock("we have " + r7 + " and more words here"));
  EXPECT_FALSE(HasJunkBlock("we " + r7 + " gkzqp"));  // nine tokens: no full window
  EXPECT_TRUE(HasJunkBlock("we us " + r7 + " gkzqp"));
  EXPECT_TRUE(HasJunkBlock("we us " + r7 + ", gkzqp."));
  EXPECT_TRUE(HasJunkBlock(r7 + " hello gkzqp the mjtvw"));
  // The first random token leaves the window before the eighth arrives.
  EXPECT_FALSE(HasJunkBlock("mjtvw one two three " + r7));
  EXPECT_TRUE(HasJunkBlock("mjtvw one two " + r7 + " four"));
  // Short tokens (under four letters) never count.
  EXPECT_FALSE(HasJunkBlock("xkq bmw qzj fht plk rtv zvq gkz hjv mjt"));
  // Capitals are acronyms; digits make a token non-random.
  EXPECT_FALSE(HasJunkBlock("XKQZT BMWRP QZJVK FHTGN PLKWZ RTVBX ZVQKT GKZQP HJVBQ MJTVW"));
  EXPECT_FALSE(
      HasJunkBlock("xkqzt1 bmwrp2 qzjvk3 fhtgn4 plkwz5 rtvbx6 zvqkt7 gkzqp8 hjvbq9 mjtvw0"));
}

TEST(Normalize, NonAsciiPathWhitespaceAndControls) {
  std::string in = "Prix\u00A0:\u3000800\u00A0€\x01\r\nsuite\u2028fin";
  NormalizedText n = Normalize(in);
  EXPECT_EQ(n.text, "Prix : 800 €\nsuite\nfin");
  ExpectOffsetsValid(n, in.size());
}

TEST(Normalize, InvalidUtf8IsReplaced) {
  NormalizedText n = Normalize(
      "ab\xFF\xFE"
      "cd");
  EXPECT_EQ(n.text, "ab\uFFFD\uFFFDcd");
  ExpectOffsetsValid(n, 6);
}

TEST(Normalize, EmptyInput) {
  NormalizedText n = Normalize("");
  EXPECT_TRUE(n.text.empty());
  EXPECT_TRUE(n.folded.empty());
  EXPECT_FALSE(n.junk_words);
}

}  // namespace
}  // namespace extortrace::text
