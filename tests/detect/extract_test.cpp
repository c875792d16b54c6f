#include "detect/extract.h"

#include <gtest/gtest.h>

namespace extortrace::detect {
namespace {

Money One(std::string_view s) {
  std::vector<Money> m = FindAmounts(s);
  EXPECT_EQ(m.size(), 1u) << s;
  return m.empty() ? Money{} : m[0];
}

// Hours of the first duration, -1 when none or when it is narrative/periodic.
int Hours(std::string_view s) {
  std::vector<Duration> d = FindDurations(s);
  return d.empty() || d[0].past_or_periodic ? -1 : d[0].hours;
}

TEST(ParseNumber, LocaleNotations) {
  EXPECT_DOUBLE_EQ(*ParseNumber("1,490", false), 1490);
  EXPECT_DOUBLE_EQ(*ParseNumber("1.490,00", false), 1490);
  EXPECT_DOUBLE_EQ(*ParseNumber("1,490.50", false), 1490.5);
  EXPECT_DOUBLE_EQ(*ParseNumber("1 490", false), 1490);
  EXPECT_DOUBLE_EQ(*ParseNumber("2.500", false), 2500);
  EXPECT_DOUBLE_EQ(*ParseNumber("1.000.000", false), 1000000);
  EXPECT_DOUBLE_EQ(*ParseNumber("0,15", true), 0.15);
  EXPECT_DOUBLE_EQ(*ParseNumber(".15", true), 0.15);
  EXPECT_DOUBLE_EQ(*ParseNumber("6.100", true), 6.1);
  EXPECT_DOUBLE_EQ(*ParseNumber("1200.", false), 1200);
  EXPECT_FALSE(ParseNumber("", false));
  EXPECT_FALSE(ParseNumber("12a", false));
}

TEST(ParseNumberWords, English) {
  EXPECT_DOUBLE_EQ(*ParseNumberWords("nine hundred"), 900);
  EXPECT_DOUBLE_EQ(*ParseNumberWords("one thousand two hundred"), 1200);
  EXPECT_DOUBLE_EQ(*ParseNumberWords("twenty-four"), 24);
  EXPECT_DOUBLE_EQ(*ParseNumberWords("two thousand five hundred and fifty"), 2550);
  EXPECT_FALSE(ParseNumberWords("nine lives"));
}

TEST(FindAmounts, SymbolsCodesWords) {
  Money m = One("you must transfer $1490 in bitcoin");
  EXPECT_EQ(m.amount, 1490);
  EXPECT_EQ(m.currency, "USD");
  EXPECT_EQ(One("pay 1.490,00 € now").currency, "EUR");
  EXPECT_EQ(One("pay 1.490,00 € now").amount, 1490);
  EXPECT_EQ(One("send 1490 usd").amount, 1490);
  EXPECT_EQ(One("exactly 1750$ in btc").amount, 1750);
  EXPECT_EQ(One("料金は2500ドルです").amount, 2500);
  EXPECT_EQ(One("料金は2,500米ドル相当").amount, 2500);
  EXPECT_EQ(One("费用为 2900 美元").currency, "USD");
  m = One("the fee is 0.15 btc");
  EXPECT_EQ(m.currency, "BTC");
  EXPECT_TRUE(m.crypto);
  EXPECT_DOUBLE_EQ(m.amount, 0.15);
  EXPECT_EQ(One("transfer usd1550 into").amount, 1550);
  EXPECT_EQ(One("r$ 5.000 em bitcoin").currency, "BRL");
  m = One("transfer nine hundred us dollars in bitcoin");
  EXPECT_EQ(m.amount, 900);
  EXPECT_EQ(m.currency, "USD");
  EXPECT_EQ(One("1 500 € en bitcoins").amount, 1500);
}

TEST(FindAmounts, NotMoney) {
  EXPECT_TRUE(FindAmounts("version 4.2 released on 12.03.2024").empty());
  EXPECT_TRUE(FindAmounts("the mp4 file is 12mb").empty());
  EXPECT_TRUE(FindAmounts("an eurozone report").empty());
}

TEST(FindDurations, UnitsAndWords) {
  EXPECT_EQ(Hours("you have 48 hours"), 48);
  EXPECT_EQ(Hours("within 2 days"), 48);
  EXPECT_EQ(Hours("48h to pay"), 48);
  EXPECT_EQ(Hours("72時間の猶予"), 72);
  EXPECT_EQ(Hours("dentro de 48 horas"), 48);
  EXPECT_EQ(Hours("sie haben zwei tage zeit"), 48);
  EXPECT_EQ(Hours("5 天内付款"), 120);
  EXPECT_EQ(Hours("w ciagu 48 godzin"), 48);
  EXPECT_EQ(Hours("inden for 48 timer"), 48);
  EXPECT_EQ(Hours("binnen 3 dagen"), 72);
  EXPECT_EQ(Hours("two months ago, one week later"), -1);
  EXPECT_EQ(Hours("its signatures every 4 hours"), -1);
  EXPECT_EQ(Hours("on a 4-hourly basis"), -1);
  EXPECT_EQ(Hours("2 days ago"), -1);
  EXPECT_EQ(Hours("10月3日に"), -1);
  EXPECT_EQ(Hours("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e"), -1);
}

// Folded spellings of sv, no, fi, ko, vi, id/ms, el and Traditional Chinese.
TEST(FindDurations, NordicAsianGreekUnits) {
  EXPECT_EQ(Hours("du har 48 timmar pa dig"), 48);
  EXPECT_EQ(Hours("inom tva dygn"), 48);
  EXPECT_EQ(Hours("innen 5 dager"), 120);
  EXPECT_EQ(Hours("48 tunnin kuluessa"), 48);
  EXPECT_EQ(Hours("kahden paivan kuluessa"), 48);
  EXPECT_EQ(Hours("72시간 이내에"), 72);
  EXPECT_EQ(Hours("3일 이내에"), 72);
  EXPECT_EQ(Hours("trong vong 24 gio"), 24);
  EXPECT_EQ(Hours("anda punya waktu 48 jam"), 48);
  EXPECT_EQ(Hours("dalam 2 hari"), 48);
  EXPECT_EQ(Hours("εντόσ 48 ωρών"), 48);
  EXPECT_EQ(Hours("έχετε 2 ημέρεσ"), 48);
  EXPECT_EQ(Hours("請在48個小時內"), 48);
  // Vietnamese "có" (have) folds to "co", the Polish word for "every": only the
  // Polish units make it periodic.
  EXPECT_EQ(Hours("ban co 48 gio"), 48);
  EXPECT_EQ(Hours("co 4 godziny"), -1);
}

TEST(FindAmounts, NordicAsianGreekCurrencies) {
  Money m = One("1,300달러에 해당하는 비트코인");
  EXPECT_EQ(m.amount, 1300);
  EXPECT_EQ(m.currency, "USD");
  EXPECT_EQ(One("1.500.000원").currency, "KRW");
  EXPECT_EQ(One("rp 15.000.000").currency, "IDR");
  EXPECT_EQ(One("2 500 kronor").amount, 2500);
  EXPECT_EQ(One("2 500 kronor").currency, "SEK");
  EXPECT_EQ(One("900 euroa").currency, "EUR");
  EXPECT_EQ(One("5.000.000 vnd").currency, "VND");
  EXPECT_EQ(One("800 ευρώ").currency, "EUR");
}

// Units and number words of the ru/uk/bg/cs/sk/tr/ro/hu lexicons (folded text).
TEST(FindDurations, CyrillicCentralEuropeanTurkish) {
  EXPECT_EQ(Hours("у вас есть 48 часов"), 48);
  EXPECT_EQ(Hours("в течение двух суток"), 48);
  EXPECT_EQ(Hours("через 3 дня"), 72);
  EXPECT_EQ(Hours("сорок восемь часов на оплату"), 48);
  EXPECT_EQ(Hours("маєш 72 години"), 72);
  EXPECT_EQ(Hours("протягом двох діб"), 48);
  EXPECT_EQ(Hours("имате 48 часа"), 48);
  EXPECT_EQ(Hours("mate 48 hodin"), 48);
  EXPECT_EQ(Hours("do dvou dnu"), 48);
  EXPECT_EQ(Hours("72 saat icinde"), 72);
  EXPECT_EQ(Hours("aveti 48 de ore"), 48);
  EXPECT_EQ(Hours("in doua zile"), 48);
  EXPECT_EQ(Hours("48 oran belul"), 48);
  EXPECT_EQ(Hours("72 orajuk van"), 72);
  // A number word inside a longer Cyrillic word is no number ("внутри" holds "три").
  EXPECT_EQ(Hours("внутри часа"), -1);
  // Bare "gun"/"nap"/"den" are English or Hungarian words after "a"/"one".
  EXPECT_EQ(Hours("a gun, a nap, a den"), -1);
}

TEST(FindAmounts, CyrillicAndCentralEuropeanCurrencyWords) {
  EXPECT_EQ(One("переведите 1500 долларов").currency, "USD");
  EXPECT_EQ(One("переведите 1500 долларов").amount, 1500);
  EXPECT_EQ(One("1200 евро в биткоинах").currency, "EUR");
  EXPECT_EQ(One("zaplatte 1500 dolaru").currency, "USD");
  EXPECT_EQ(One("trimite 5000 lei").currency, "RON");
}

}  // namespace
}  // namespace extortrace::detect
