#include "text/charset.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace extortrace::text {
namespace {

// Test bytes were produced with Python's codecs ("...".encode("shift_jis")).
const std::string kJa = "あなたのパスワードを知っています。ビットコインで支払ってください。";
const std::string kSjis =
    "\x82\xA0\x82\xC8\x82\xBD\x82\xCC\x83p\x83X\x83\x8F\x81[\x83h\x82\xF0\x92m\x82\xC1\x82\xC4"
    "\x82\xA2\x82\xDC\x82\xB7\x81"
    "B\x83r\x83"
    "b\x83g\x83R\x83"
    "C\x83\x93\x82\xC5\x8Ex\x95\xA5"
    "\x82\xC1\x82\xC4\x82\xAD\x82\xBE\x82\xB3\x82\xA2\x81"
    "B";
const std::string kJis =
    "\x1B$B$\x22$J$\x3F$N%Q%9%o!<%I$rCN$C$F$$$^$9!#%S%C%H%3%$%s$G;YJ'$C$F$/$@$5$$!#\x1B(B";
const std::string kEucJp =
    "\xA4\xA2\xA4\xCA\xA4\xBF\xA4\xCE\xA5\xD1\xA5\xB9\xA5\xEF\xA1\xBC\xA5\xC9\xA4\xF2\xC3\xCE"
    "\xA4\xC3\xA4\xC6\xA4\xA4\xA4\xDE\xA4\xB9\xA1\xA3\xA5\xD3\xA5\xC3\xA5\xC8\xA5\xB3\xA5\xA4"
    "\xA5\xF3\xA4\xC7\xBB\xD9\xCA\xA7\xA4\xC3\xA4\xC6\xA4\xAF\xA4\xC0\xA4\xB5\xA4\xA4\xA1\xA3";
const std::string kRu = "Привет, я взломал ваш компьютер.";

TEST(Charset, AsciiFastPath) {
  Utf8Conversion c = ConvertToUtf8("Pay 0.1 BTC now", "us-ascii");
  EXPECT_EQ(c.text, "Pay 0.1 BTC now");
  EXPECT_EQ(c.charset_used, "US-ASCII");
  EXPECT_FALSE(c.label_mismatch);
  EXPECT_FALSE(c.lossy);
  EXPECT_EQ(ConvertToUtf8("plain", "").text, "plain");
  EXPECT_EQ(ConvertToUtf8("plain", "utf8").charset_used, "UTF-8");
}

TEST(Charset, StripsNulBytes) {
  EXPECT_EQ(ConvertToUtf8(std::string("bit\0coin", 8), "utf-8").text, "bitcoin");
  EXPECT_EQ(ConvertToUtf8(std::string("\0\0", 2), "").text, "");
}

TEST(Charset, ShiftJis) {
  for (const char* label : {"shift_jis", "Shift-JIS", "x-sjis", "\"SJIS\"", "windows-31j"}) {
    Utf8Conversion c = ConvertToUtf8(kSjis, label);
    EXPECT_EQ(c.text, kJa) << label;
    EXPECT_EQ(c.charset_used, "Shift_JIS") << label;
    EXPECT_FALSE(c.label_mismatch) << label;
    EXPECT_FALSE(c.lossy) << label;
  }
}

TEST(Charset, Iso2022JpLabelledAndUnlabelled) {
  Utf8Conversion c = ConvertToUtf8(kJis, "ISO-2022-JP");
  EXPECT_EQ(c.text, kJa);
  EXPECT_FALSE(c.label_mismatch);
  c = ConvertToUtf8(kJis, "");
  EXPECT_EQ(c.text, kJa);
  EXPECT_EQ(c.charset_used, "ISO-2022-JP");
  EXPECT_FALSE(c.label_mismatch);
  c = ConvertToUtf8(kJis, "us-ascii");  // mislabelled
  EXPECT_EQ(c.text, kJa);
  EXPECT_TRUE(c.label_mismatch);
}

TEST(Charset, EucJpAndJapaneseCrossCheck) {
  Utf8Conversion c = ConvertToUtf8(kEucJp, "euc-jp");
  EXPECT_EQ(c.text, kJa);
  EXPECT_EQ(c.charset_used, "EUC-JP");
  c = ConvertToUtf8(kEucJp, "shift_jis");  // lying label
  EXPECT_EQ(c.text, kJa);
  EXPECT_EQ(c.charset_used, "EUC-JP");
  EXPECT_TRUE(c.label_mismatch);
  c = ConvertToUtf8(kSjis, "iso-2022-jp");  // 8-bit bytes under a 7-bit label
  EXPECT_EQ(c.text, kJa);
  EXPECT_TRUE(c.label_mismatch);
}

TEST(Charset, Big5) {
  Utf8Conversion c = ConvertToUtf8(
      "\xB1z\xAA\xBA\xB9q\xB8\xA3\xA4w\xB3Q\xC0"
      "b\xAB\xC8\xA4J\xABI\xA1"
      "A\xBD\xD0\xA4\xE4\xA5I"
      "\xA4\xF1\xAFS\xB9\xF4\xA1"
      "C",
      "big5");
  EXPECT_EQ(c.text, "您的電腦已被駭客入侵，請支付比特幣。");
  EXPECT_EQ(c.charset_used, "Big5");
  EXPECT_FALSE(c.lossy);
}

TEST(Charset, Gb2312DecodedAsGb18030) {
  // The last character (喆, 0x86B4) exists in GBK but not in GB2312.
  const std::string gbk =
      "\xC4\xE3\xB5\xC4\xB5\xE7\xC4\xD4\xB1\xBB\xBA\xDA\xC1\xCB\xA3\xAC\xC7\xEB\xD6\xA7\xB8\xB6"
      "\xB1\xC8\xCC\xD8\xB1\xD2\xA1\xA3\x86\xB4";
  for (const char* label : {"gb2312", "GBK", "x-gbk", "gb18030"}) {
    Utf8Conversion c = ConvertToUtf8(gbk, label);
    EXPECT_EQ(c.text, "你的电脑被黑了，请支付比特币。喆") << label;
    EXPECT_EQ(c.charset_used, "GB18030");
    EXPECT_FALSE(c.lossy);
  }
}

TEST(Charset, CyrillicSingleByte) {
  Utf8Conversion c = ConvertToUtf8(
      "\xF0\xD2\xC9\xD7\xC5\xD4, \xD1 \xD7\xDA\xCC\xCF\xCD\xC1\xCC \xD7\xC1\xDB \xCB\xCF\xCD\xD0"
      "\xD8\xC0\xD4\xC5\xD2.",
      "koi8-r");
  EXPECT_EQ(c.text, kRu);
  EXPECT_EQ(c.charset_used, "KOI8-R");
  c = ConvertToUtf8(
      "\xCF\xF0\xE8\xE2\xE5\xF2, \xFF \xE2\xE7\xEB\xEE\xEC\xE0\xEB \xE2\xE0\xF8 \xEA\xEE\xEC\xEF"
      "\xFC\xFE\xF2\xE5\xF0.",
      "windows-1251");
  EXPECT_EQ(c.text, kRu);
  EXPECT_FALSE(c.label_mismatch);
}

TEST(Charset, KoreanAliases) {
  const std::string kr =
      "\xB4\xE7\xBD\xC5\xC0\xC7 \xC4\xC4\xC7\xBB\xC5\xCD\xB0\xA1 \xC7\xD8\xC5\xB7\xB5\xC7\xBE"
      "\xFA\xBD\xC0\xB4\xCF\xB4\xD9";
  EXPECT_EQ(ConvertToUtf8(kr, "ks_c_5601-1987").text, "당신의 컴퓨터가 해킹되었습니다");
  EXPECT_EQ(ConvertToUtf8(kr, "euc-kr").text, "당신의 컴퓨터가 해킹되었습니다");
}

TEST(Charset, Utf7) {
  EXPECT_EQ(ConvertToUtf8("Zahlen Sie 800 +IKw in Bitcoin", "unicode-1-1-utf-7").text,
            "Zahlen Sie 800 € in Bitcoin");
  EXPECT_EQ(ConvertToUtf8("Zahlen Sie 800 +IKw in Bitcoin", "utf-7").charset_used, "UTF-7");
}

TEST(Charset, Latin1LabelIsWindows1252) {
  Utf8Conversion c = ConvertToUtf8(
      "Pay \x80"
      "800 \x93now\x94",
      "ISO-8859-1");
  EXPECT_EQ(c.text, "Pay €800 “now”");
  EXPECT_EQ(c.charset_used, "windows-1252");
  EXPECT_FALSE(c.label_mismatch);
}

TEST(Charset, Utf8MislabelledAsLatin1) {
  Utf8Conversion c = ConvertToUtf8("Zahlung: 800 € — jetzt", "iso-8859-1");
  EXPECT_EQ(c.text, "Zahlung: 800 € — jetzt");
  EXPECT_EQ(c.charset_used, "UTF-8");
  EXPECT_TRUE(c.label_mismatch);
  c = ConvertToUtf8(kJa, "us-ascii");
  EXPECT_EQ(c.text, kJa);
  EXPECT_TRUE(c.label_mismatch);
  c = ConvertToUtf8(kJa, "shift_jis");  // long valid UTF-8 under a CJK label
  EXPECT_EQ(c.text, kJa);
  EXPECT_TRUE(c.label_mismatch);
}

TEST(Charset, AsciiLabelWithLatin1Bytes) {
  Utf8Conversion c = ConvertToUtf8(
      "Caf\xE9 cr\xE8me br\xFBl\xE9"
      "e",
      "us-ascii");
  EXPECT_TRUE(c.label_mismatch);
  EXPECT_TRUE(IsValidUtf8(c.text));
  EXPECT_NE(c.text.find("Caf"), std::string::npos);
}

TEST(Charset, UnknownLabelUsesDetection) {
  std::string long_sjis;
  for (int i = 0; i < 4; ++i) long_sjis += kSjis;
  Utf8Conversion c = ConvertToUtf8(long_sjis, "x-no-such-charset");
  EXPECT_EQ(c.charset_used, "Shift_JIS");
  EXPECT_EQ(c.text.substr(0, kJa.size()), kJa);
  c = ConvertToUtf8(long_sjis, "");
  EXPECT_EQ(c.charset_used, "Shift_JIS");
  EXPECT_FALSE(c.label_mismatch);
}

TEST(Charset, PlaceholderLabelsAreNoLabel) {
  Utf8Conversion c = ConvertToUtf8("Zahlung: 800 € — jetzt", "X-UNKNOWN");
  EXPECT_EQ(c.charset_used, "UTF-8");
  EXPECT_FALSE(c.label_mismatch);
  c = ConvertToUtf8("Zahlung: 800 € — jetzt", "[charse<!DOCTYPE html>");
  EXPECT_EQ(c.charset_used, "UTF-8");
  EXPECT_TRUE(c.label_mismatch);  // a label was given and it is not UTF-8
}

TEST(Charset, LossyWhenBytesCannotBeConverted) {
  // Mostly UTF-8 with one damaged byte: stays UTF-8, marked lossy.
  Utf8Conversion c = ConvertToUtf8("Zahlung 800 € — bitte \xFF schnell — danke schön", "utf-8");
  EXPECT_TRUE(c.lossy);
  EXPECT_TRUE(IsValidUtf8(c.text));
  EXPECT_NE(c.text.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_EQ(c.charset_used, "UTF-8");
  EXPECT_FALSE(c.label_mismatch);
  // Latin-1 bytes under a UTF-8 label: detected, reported as a mismatch.
  c = ConvertToUtf8(
      "Caf\xE9 cr\xE8me br\xFBl\xE9"
      "e \xE0 la fran\xE7"
      "aise",
      "utf-8");
  EXPECT_TRUE(c.label_mismatch);
  EXPECT_NE(c.text.find("Café"), std::string::npos);
}

TEST(Charset, OutputAlwaysValidUtf8) {
  std::string junk;
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  for (const char* label : {"", "utf-8", "shift_jis", "iso-2022-jp", "big5", "utf-7", "utf-16",
                            "koi8-r", "ibm-037", "garbage"}) {
    Utf8Conversion c = ConvertToUtf8(junk, label);
    EXPECT_TRUE(IsValidUtf8(c.text)) << label;
  }
}

// The owned variant gives the same conversion as the viewing one, on text
// that is ASCII, valid or broken UTF-8, legacy bytes, with or without NULs,
// at lengths around the eight-byte steps of the byte scans.
TEST(Charset, OwnedConversionMatchesViewConversion) {
  std::vector<std::string> inputs = {"",
                                     "plain ascii text",
                                     kJa,
                                     kRu,
                                     kSjis,
                                     kEucJp,
                                     kJis,
                                     std::string("nul\0inside", 11),
                                     "caf\xE9",
                                     "\xC3",
                                     "\xE2\x82",
                                     "\xF0\x9F\x98\x80 ok",
                                     "\xED\xA0\x80"};
  for (size_t len = 0; len < 24; ++len) {
    for (size_t at = 0; at <= len; ++at) {
      std::string s(len, 'a');
      s.insert(at, "\xC3\xA9");
      inputs.push_back(s);
      std::string bad(len, 'b');
      bad.insert(at, "\xC3(");
      inputs.push_back(bad);
    }
  }
  for (const std::string& in : inputs) {
    for (const char* label : {"", "utf-8", "us-ascii", "iso-8859-1", "shift_jis", "utf-16"}) {
      Utf8Conversion a = ConvertToUtf8(in, label);
      Utf8Conversion b = ConvertOwnedToUtf8(in, label);
      EXPECT_EQ(a.text, b.text) << in << " " << label;
      EXPECT_EQ(a.charset_used, b.charset_used) << in << " " << label;
      EXPECT_EQ(a.label_mismatch, b.label_mismatch) << in << " " << label;
      EXPECT_EQ(a.lossy, b.lossy) << in << " " << label;
      // Valid UTF-8 (without NULs or JIS escapes) under a UTF-8 label is
      // taken as it is.
      if (IsValidUtf8(in) && in.find_first_of(std::string("\0\x1B", 2)) == std::string::npos &&
          std::string_view(label) == "utf-8") {
        EXPECT_EQ(a.text, in);
      }
    }
  }
}

}  // namespace
}  // namespace extortrace::text
