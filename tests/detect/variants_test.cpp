// The letter variants and disguises of issue "Detection that holds on mail
// nobody here has seen": list footers, advisories that quote a scam, threats
// of violence, letters without a wallet, polite paraphrases. Every text here
// was written for this test (folded: lowercase, no diacritics).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "detect/detail/context.h"
#include "detect/detail/structure.h"
#include "detect/detector.h"
#include "detect/extract.h"

namespace extortrace::detect {
namespace {

constexpr char kAddress[] = "1BoatSLRHtKNngkdXEeobR76b53LETtpyT";

Verdict Judge(const std::string& folded) {
  static thread_local std::vector<record::WalletFinding> wallets;
  wallets.clear();
  size_t pos = folded.find("1boatslrhtknngkdxeeobr76b53lettpyt");
  if (pos != std::string::npos) {
    record::WalletFinding w;
    w.currency = "BTC";
    w.address = kAddress;
    w.kind = "p2pkh";
    w.offset = static_cast<uint32_t>(pos);
    wallets.push_back(w);
  }
  Input in;
  in.text = folded;
  in.folded = folded;
  in.wallets = &wallets;
  return Detect(in);
}

bool HasReason(const Verdict& v, std::string_view family) {
  for (const record::Reason& r : v.reasons) {
    if (r.family == family) return true;
  }
  return false;
}

const std::string kLetter =
    "hello,\n\ni got into your laptop through a browser exploit and switched on the camera while "
    "you were on adult sites. i kept the clip. unless 900 usd in bitcoin reaches "
    "1boatslrhtknngkdxeeobr76b53lettpyt within 2 days, i will share the clip with every "
    "contact in your address book.\n";

const std::string kListFooter =
    "\n_______________________________________________\nkernel-misc mailing list\n"
    "to unsubscribe, visit the listinfo page. privacy policy and subscription options:\n"
    "manage your preferences at the list server. this is no receipt or invoice.\n";

TEST(Variants, ListFooterDoesNotVetoTheLetter) {
  Verdict plain = Judge(kLetter);
  Verdict footed = Judge(kLetter + kListFooter);
  ASSERT_TRUE(plain.extortion);
  EXPECT_TRUE(footed.extortion);
  EXPECT_FALSE(HasReason(footed, "benign_context"));
  EXPECT_EQ(plain.category, footed.category);
}

TEST(Variants, BenignWordsInsideTheLetterStillCount) {
  // The same footer words written by the sender inside the letter are the
  // sender's and are reported as benign context.
  Verdict v = Judge(
      "our newsletter: to unsubscribe or manage your preferences see the privacy "
      "policy. " +
      kLetter);
  EXPECT_TRUE(HasReason(v, "benign_context"));
}

TEST(Variants, LetterEndFindsFootersForwardsAndQuotes) {
  std::string body(300, 'x');
  EXPECT_EQ(detail::LetterEnd(body), body.size());
  std::string with_footer = body + "\n" + kListFooter;
  EXPECT_EQ(detail::LetterEnd(with_footer), body.size() + 2);
  std::string fwd = body + "\n---------- forwarded message ---------\nfrom: someone\n";
  EXPECT_EQ(detail::LetterEnd(fwd), body.size() + 1);
  std::string reply = body + "\non tue, 4 may 2021 at 10:00, a person <a@b.c> wrote:\n> text\n";
  EXPECT_EQ(detail::LetterEnd(reply), body.size() + 1);
  // A separator without a list marker after it is part of the letter.
  std::string rule = body + "\n-----------\nmore of the letter\n";
  EXPECT_EQ(detail::LetterEnd(rule), rule.size());
  // A footer at the very start is not a footer.
  EXPECT_EQ(detail::LetterEnd(kListFooter), kListFooter.size());
  std::string quoted = "hi\n> quoted line\nreply";
  EXPECT_TRUE(detail::InQuotedLine(quoted, 5));
  EXPECT_FALSE(detail::InQuotedLine(quoted, 1));
  // A newline at the offset, or at the very end (found by the fuzzer).
  EXPECT_TRUE(detail::InQuotedLine("> a\n", 3));
  EXPECT_FALSE(detail::InQuotedLine("\n", 0));
  EXPECT_FALSE(detail::InQuotedLine("a\n", 1));
}

TEST(Variants, AdvisoryQuotingTheScamIsClean) {
  Verdict v = Judge(
      "it security notice. several colleagues received an e-mail in which the sender claims to "
      "have hacked their laptop, recorded them through the camera on adult sites, and "
      "threatens to send the clip to every contact unless 900 usd in bitcoin is paid within 2 "
      "days. this is a well-known scam and the sender does not have any video. do not pay and "
      "report it to the helpdesk.");
  EXPECT_FALSE(v.extortion);
  EXPECT_TRUE(HasReason(v, "advisory"));
}

TEST(Variants, OneScamWordInsideALetterDoesNotClearIt) {
  Verdict v = Judge("you may think this is a scam. it is not. " + kLetter);
  EXPECT_TRUE(v.extortion);
}

TEST(Variants, JapaneseAdvisoryIsClean) {
  Verdict v = Judge(
      "【注意喚起】社員あてに、パソコンをハッキングしてアダルトサイトを見ている様子をカメラで録画した、"
      "2日以内にビットコインで900ドルを支払わなければ動画を連絡先全員に送信する、という内容の"
      "メールが届いています。これは詐欺です。支払わないでください。メールは削除してください。");
  EXPECT_FALSE(v.extortion);
  EXPECT_TRUE(HasReason(v, "advisory"));
}

TEST(Variants, BombThreatWithWalletIsAThreat) {
  Verdict v = Judge(
      "read this carefully. a parcel with an explosive device was planted inside your office "
      "building this morning. it will be set off at 6 pm unless 15000 usd in bitcoin is sent to "
      "1boatslrhtknngkdxeeobr76b53lettpyt. calling anyone changes nothing.");
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(record::ToString(v.category), "threat");
  EXPECT_TRUE(HasReason(v, "violence"));
}

TEST(Variants, HiredKillerLetterIsAThreat) {
  Verdict v = Judge(
      "someone you know paid me to eliminate you. i have watched your house for days. for 0.4 "
      "btc sent to 1boatslrhtknngkdxeeobr76b53lettpyt in the next 24 hours i drop the job and "
      "tell you who ordered it.");
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(record::ToString(v.category), "threat");
}

TEST(Variants, NewsAboutABombIsClean) {
  Verdict v = Judge(
      "the bank manager who held the account died in a bomb attack in 2019. please send your "
      "bitcoin wallet so that the 4.5 million usd can be transferred to you.");
  EXPECT_FALSE(v.extortion);
}

TEST(Variants, LetterWithoutWalletIsExtortionWithNoWalletReason) {
  Verdict v = Judge(
      "hi. for some months i have had full control of your phone after i hacked it through your "
      "router. i recorded you while you watched porn and saved two clips. answer me within 24 "
      "hours at this address, or i will send the clips to all your contacts and your family. i "
      "will know the moment you read this message.");
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(record::ToString(v.category), "sextortion");
  EXPECT_TRUE(HasReason(v, "no_wallet"));
  EXPECT_FALSE(v.demand);
}

TEST(Variants, WebcamTalkWithoutThreatIsClean) {
  Verdict v = Judge(
      "for the call tomorrow please test your webcam and microphone. the recording will be "
      "shared with the list afterwards. adult supervision is required for the lab tour.");
  EXPECT_FALSE(v.extortion);
}

TEST(Variants, PoliteParaphraseIsCaught) {
  Verdict v = Judge(
      "dear sir, i happen to be in possession of footage of an intimate nature recorded from "
      "your own device. i am willing to erase it for a reasonable fee of 1100 usd, payable in "
      "bitcoin to 1boatslrhtknngkdxeeobr76b53lettpyt. should it not arrive within three days, i "
      "will have no choice but to distribute it among the people you correspond with.");
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(record::ToString(v.category), "sextortion");
}

TEST(Variants, AccusationOfWatchingAbuseMaterial) {
  Verdict v = Judge(
      "your browsing shows that you view child pornography. i will report you to the police and "
      "tell your employer unless 2500 usd in bitcoin reaches "
      "1boatslrhtknngkdxeeobr76b53lettpyt within 48 hours.");
  EXPECT_TRUE(v.extortion);
  EXPECT_EQ(record::ToString(v.category), "sextortion");
}

TEST(Variants, StructureReadsLoanwordsDeadlinesAndLinks) {
  detail::Structure s = detail::ReadStructure(
      "platite 900 usd u bitcoinima, imam video s porno stranica. rok je 48 sati.");
  EXPECT_EQ(s.loanwords, 3);
  EXPECT_TRUE(s.deadline_number);
  EXPECT_FALSE(s.links);
  s = detail::ReadStructure("видео и биткоин, 72 часа, https://example.org");
  EXPECT_EQ(s.loanwords, 2);
  EXPECT_TRUE(s.deadline_number);
  EXPECT_TRUE(s.links);
  for (const char* t : {"version 2.48 released", "call 0048 123", "1248 units", "at 24:00"}) {
    EXPECT_FALSE(detail::ReadStructure(t).deadline_number) << t;
  }
}

TEST(Variants, LetterInALanguageWithoutALexicon) {
  // Croatian: no lexicon reads it; the letter's structure does.
  Verdict v = Judge(
      "hakirao sam vase racunalo i instalirao trojan. snimio sam video dok ste gledali porno "
      "stranice. platite 1200 usd u bitcoinima na 1boatslrhtknngkdxeeobr76b53lettpyt u roku od "
      "48 sati.");
  EXPECT_TRUE(v.extortion);
  EXPECT_TRUE(HasReason(v, "letter_structure"));
  // The same shape with a link is an offer, not a letter.
  Verdict offer = Judge(
      "novi video: kako kupiti bitcoin bez hakera i trojana. 1200 usd na "
      "1boatslrhtknngkdxeeobr76b53lettpyt, ponuda vrijedi 48 sati. https://example.org/porno");
  EXPECT_FALSE(offer.extortion);
}

TEST(Extract, CjkMultipliers) {
  std::vector<Money> m = FindAmounts("17万円のビットコイン");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].amount, 170000);
  EXPECT_EQ(m[0].currency, "JPY");
  m = FindAmounts("2千美元");
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].amount, 2000);
  EXPECT_TRUE(FindAmounts("17万人").empty());
}

TEST(Extract, ATimerIsNoHour) {
  for (const char* t : {"a timer starts now", "partira un timer", "i set a timer"}) {
    EXPECT_TRUE(FindDurations(t).empty()) << t;
  }
  std::vector<Duration> d = FindDurations("du har 24 timer");
  ASSERT_EQ(d.size(), 1u);
  EXPECT_EQ(d[0].hours, 24);
}

// A bare "h" never follows a number word, however it is separated; near the
// start of a text this once read before the text (found by detect_detector_fuzz).
TEST(Extract, ABareHAfterAWordIsNoHour) {
  for (std::string_view t : {std::string_view("a- h"), std::string_view("a- h\0\0our0", 10),
                             std::string_view("one - h"), std::string_view("two h")}) {
    EXPECT_TRUE(FindDurations(t).empty()) << t;
  }
  EXPECT_EQ(FindDurations("48 h").size(), 1u);
  EXPECT_EQ(FindDurations("48h").size(), 1u);
}

// Wednesday 2022-06-15 10:00 at +09:00 (01:00 UTC).
constexpr int64_t kWednesday = 1655254800;

std::vector<std::string> Deadlines(std::string_view text, int offset = 9 * 60) {
  std::vector<std::string> out;
  for (const DateDeadline& d : FindDeadlineDates(text, kWednesday, offset)) {
    out.push_back(FormatDeadline(d));
  }
  return out;
}

TEST(Extract, DeadlinesWrittenAsDays) {
  EXPECT_EQ(Deadlines("pay by friday or else"),
            std::vector<std::string>{"2022-06-17T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("zahlen sie bis zum 15. oktober"),
            std::vector<std::string>{"2022-10-15T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("avant le 3 mars"), std::vector<std::string>{"2023-03-03T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("entro venerdi"), std::vector<std::string>{"2022-06-17T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("antes del 20 de junio"),
            std::vector<std::string>{"2022-06-20T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("10月15日までにお支払いください"),
            std::vector<std::string>{"2022-10-15T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("before tomorrow", -5 * 60),
            std::vector<std::string>{"2022-06-15T23:59:59-05:00"});  // still Tuesday there
  // The same weekday as the Date means next week's.
  EXPECT_EQ(Deadlines("by wednesday"), std::vector<std::string>{"2022-06-22T23:59:59+09:00"});
  EXPECT_EQ(Deadlines("until june 30"), std::vector<std::string>{"2022-06-30T23:59:59+09:00"});
}

TEST(Extract, NotDeadlines) {
  for (const char* t : {"by may i ask", "by 15 people", "10月15日に録画した", "standby friday",
                        "before 2021", "by the way", "by 45 october", "by 0 june", ""}) {
    EXPECT_TRUE(Deadlines(t).empty()) << t;
  }
}

}  // namespace
}  // namespace extortrace::detect
