#include "mail/detail/iconv_keep.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mail/message.h"

namespace extortrace::mail::detail {
namespace {

TEST(IconvKeep, EachCharsetNamedByAnEncodedWordIsKeptOnce) {
  const size_t before = KeptCharsetCount();
  KeepEncodedWordCharsetsLoaded("=?ISO-8859-2?Q?P=F3jd=BC?= and =?koi8-r*ru?B?8NLJ18XU?=");
  EXPECT_EQ(KeptCharsetCount(), before + 2);
  // Case does not make a new name; neither does a second look.
  KeepEncodedWordCharsetsLoaded("=?iso-8859-2?q?x?= =?KOI8-R?B?8NLJ18XU?=");
  EXPECT_EQ(KeptCharsetCount(), before + 2);
}

TEST(IconvKeep, MalformedWordsAndUnknownCharsetsKeepNothing) {
  const size_t before = KeptCharsetCount();
  for (const char* s : {"=?", "=??Q?x?=", "=?utf 8?Q?x?=", "a =? b", "=?x-no-end",
                        "=?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?Q?x?=",
                        "=?x-made-up-charset?Q?x?=", "=?x-made-up-charset-2?B?eA==?="}) {
    KeepEncodedWordCharsetsLoaded(s);
    EXPECT_EQ(KeptCharsetCount(), before) << s;
  }
}

TEST(IconvKeep, TheNumberOfKeptCharsetsIsBounded) {
  // More charsets glibc knows than there are slots.
  std::vector<std::string> names;
  for (int i = 1; i <= 16; ++i) names.push_back("ISO-8859-" + std::to_string(i));
  for (int i = 0; i <= 8; ++i) names.push_back("CP125" + std::to_string(i));
  for (int i = 1140; i <= 1149; ++i) names.push_back("IBM" + std::to_string(i));
  for (const char* n :
       {"IBM037", "IBM273",    "IBM277", "IBM278", "IBM280",  "IBM284",    "IBM285",    "IBM297",
        "IBM420", "IBM424",    "IBM437", "IBM500", "IBM850",  "IBM852",    "IBM855",    "IBM857",
        "IBM860", "IBM861",    "IBM862", "IBM863", "IBM864",  "IBM865",    "IBM866",    "IBM869",
        "IBM870", "IBM871",    "IBM875", "IBM880", "IBM1026", "IBM1047",   "KOI8-R",    "KOI8-U",
        "EUC-JP", "SHIFT_JIS", "GB2312", "BIG5",   "EUC-KR",  "MACINTOSH", "ARMSCII-8", "TIS-620",
        "VISCII", "CP737",     "CP775",  "CP932",  "CP936",   "CP949"}) {
    names.push_back(n);
  }
  ASSERT_GT(names.size(), kMaxKeptCharsets + 8);
  for (const std::string& n : names) KeepEncodedWordCharsetsLoaded("=?" + n + "?Q?a?=");
  EXPECT_EQ(KeptCharsetCount(), kMaxKeptCharsets);
  // Decoding still works once the bound is reached, for kept and new charsets.
  EXPECT_EQ(DecodeHeaderText("=?ISO-8859-2?Q?P=F3jd=BC?="), "Pójdź");
  EXPECT_EQ(DecodeHeaderText("=?ISO-8859-5?B?0tXd0A==?="), "вена");
}

}  // namespace
}  // namespace extortrace::mail::detail
