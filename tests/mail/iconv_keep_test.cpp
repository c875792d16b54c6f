#include "mail/detail/iconv_keep.h"

#include <gtest/gtest.h>

#include <string>

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

TEST(IconvKeep, MalformedWordsNameNothing) {
  const size_t before = KeptCharsetCount();
  for (const char* s : {"=?", "=??Q?x?=", "=?utf 8?Q?x?=", "a =? b", "=?x-no-end",
                        "=?aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa?Q?x?="}) {
    KeepEncodedWordCharsetsLoaded(s);
    EXPECT_EQ(KeptCharsetCount(), before) << s;
  }
}

TEST(IconvKeep, TheNumberOfKeptNamesIsBounded) {
  for (int i = 0; i < 3 * static_cast<int>(kMaxKeptCharsets); ++i) {
    KeepEncodedWordCharsetsLoaded("=?x-bogus-" + std::to_string(i) + "?Q?a?=");
  }
  EXPECT_EQ(KeptCharsetCount(), kMaxKeptCharsets);
  // Decoding still works once the bound is reached, for kept and new charsets.
  EXPECT_EQ(DecodeHeaderText("=?ISO-8859-2?Q?P=F3jd=BC?="), "Pójdź");
  EXPECT_EQ(DecodeHeaderText("=?ISO-8859-5?B?0tXd0A==?="), "вена");
}

}  // namespace
}  // namespace extortrace::mail::detail
