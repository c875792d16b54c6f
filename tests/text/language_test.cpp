#include "text/language.h"

#include <gtest/gtest.h>

#include <string>

namespace extortrace::text {
namespace {

struct Case {
  const char* code;
  const char* text;
};

TEST(Language, ExtortionSentencesInManyLanguages) {
  const Case cases[] = {
      {"en",
       "I have recorded you through your webcam while you were watching adult videos. "
       "Pay 800 dollars in Bitcoin within 48 hours or I will send the video to all your "
       "contacts."},
      {"ja",
       "あなたのコンピュータはハッキングされました。48時間以内にビットコインで10万円を支払って"
       "ください。支払わなければ、動画をあなたの連絡先全員に送ります。"},
      {"it",
       "Ho registrato un video tramite la tua webcam mentre guardavi siti per adulti. "
       "Paga 800 euro in Bitcoin entro 48 ore, altrimenti invierò il video a tutti i tuoi "
       "contatti."},
      {"de",
       "Ich habe dich über deine Webcam aufgenommen, während du Videos für Erwachsene "
       "angesehen hast. Zahle innerhalb von 48 Stunden 800 Euro in Bitcoin, sonst schicke "
       "ich das Video an alle deine Kontakte."},
      {"fr",
       "Je vous ai enregistré avec votre webcam pendant que vous regardiez des vidéos pour "
       "adultes. Payez 800 euros en Bitcoin dans les 48 heures ou j'enverrai la vidéo à "
       "tous vos contacts."},
      {"es",
       "Te grabé a través de tu cámara web mientras veías videos para adultos. Paga 800 "
       "dólares en Bitcoin en las próximas 48 horas o enviaré el video a todos tus "
       "contactos."},
      {"pt",
       "Eu gravei você pela sua webcam enquanto você assistia vídeos adultos. Pague 800 "
       "dólares em Bitcoin dentro de 48 horas ou enviarei o vídeo para todos os seus "
       "contatos."},
      {"nl",
       "Ik heb je opgenomen via je webcam terwijl je naar video's voor volwassenen keek. "
       "Betaal binnen 48 uur 800 euro in Bitcoin, anders stuur ik de video naar al je "
       "contacten."},
      {"pl",
       "Nagrałem cię przez twoją kamerę internetową, kiedy oglądałeś filmy dla dorosłych. "
       "Zapłać 800 dolarów w Bitcoinach w ciągu 48 godzin, albo wyślę nagranie wszystkim "
       "twoim znajomym."},
      {"da",
       "Jeg har optaget dig gennem dit webcam, mens du så videoer for voksne. Betal 800 "
       "dollars i Bitcoin inden for 48 timer, ellers sender jeg videoen til alle dine "
       "kontakter."},
      {"zh",
       "我通过你的摄像头录下了你观看成人视频的画面。请在四十八小时内支付八百美元的比特币，"
       "否则我会把视频发给你所有的联系人。"},
      {"zh",
       "我透過你的攝影機錄下了你觀看成人影片的畫面。請在四十八小時內支付八百美元的比特幣，"
       "否則我會把影片發給你所有的聯絡人。"},
  };
  for (const Case& c : cases) {
    LanguageGuess g = DetectLanguage(c.text);
    EXPECT_EQ(g.code, c.code) << c.text;
    EXPECT_GT(g.percent, 50) << c.text;
    EXPECT_TRUE(g.reliable) << c.text;
  }
}

TEST(Language, ShortTextIsUnknown) {
  EXPECT_EQ(DetectLanguage("").code, "und");
  EXPECT_EQ(DetectLanguage("ok").code, "und");
  EXPECT_EQ(DetectLanguage("12345 !!!").code, "und");
}

TEST(Language, SubjectHelpsShortBody) {
  LanguageGuess g =
      DetectLanguage("bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh",
                     "あなたのアカウントはハッキングされました。今すぐ支払ってください。");
  EXPECT_EQ(g.code, "ja");
}

TEST(Language, InvalidUtf8DoesNotCrash) {
  LanguageGuess g = DetectLanguage(
      "This is an English sentence about payment in bitcoin, long enough to detect \xFF\xFE.");
  EXPECT_EQ(g.code, "en");
}

// The opening decides: a long signature or quoted text in another language
// further down does not outvote the few hundred bytes the writer wrote first.
TEST(Language, OpeningOutweighsForeignFooter) {
  std::string text =
      "Hello everyone, we would like to know the maximum power consumption of the small "
      "radio boards we bought last month. Under five volt USB power, what is the largest "
      "input current they need, and is there a difference between the two models when both "
      "transmit and receive at the same time? We are designing a battery pack for a field "
      "test and need to size it correctly, so the worst case matters more to us than the "
      "typical figure. Thank you for any advice you can give us.\n\n";
  const std::string footer =
      "Geschäftsführer: Dr. Michael Siegel, Vorsitzender des Aufsichtsrates: Matthias Meyer. "
      "Diese E-Mail enthält vertrauliche Informationen und ist ausschließlich für den "
      "Empfänger bestimmt. Wenn Sie nicht der richtige Adressat sind oder diese E-Mail "
      "irrtümlich erhalten haben, informieren Sie bitte sofort den Absender und vernichten "
      "Sie diese Mail. Das unerlaubte Kopieren sowie die unbefugte Weitergabe dieser Mail "
      "sind nicht gestattet.\n";
  for (int i = 0; i < 4; ++i) text += footer;
  EXPECT_EQ(DetectLanguage(text).code, "en");
  // The same footer alone is German, so the test reads what it means to.
  EXPECT_EQ(DetectLanguage(footer + footer).code, "de");
}

}  // namespace
}  // namespace extortrace::text
