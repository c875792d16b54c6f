// Fuzzes ConvertToUtf8: the first byte picks a declared charset label, the
// rest are the body bytes. Checks that the output is always valid UTF-8.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "core/utf8.h"
#include "text/charset.h"

namespace {
constexpr const char* kLabels[] = {"",
                                   "utf-8",
                                   "us-ascii",
                                   "iso-8859-1",
                                   "windows-1252",
                                   "shift_jis",
                                   "x-sjis",
                                   "euc-jp",
                                   "iso-2022-jp",
                                   "gb2312",
                                   "gbk",
                                   "big5",
                                   "koi8-r",
                                   "windows-1251",
                                   "ks_c_5601-1987",
                                   "utf-7",
                                   "unicode-1-1-utf-7",
                                   "utf-16",
                                   "utf-16le",
                                   "hz-gb-2312",
                                   "iso-2022-kr",
                                   "ibm-037",
                                   "x-unknown",
                                   "tis-620",
                                   "iso-8859-8-i",
                                   "\"UTF8\"",
                                   "big5-hkscs",
                                   "gb18030",
                                   "garbage;;"};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const char* label = kLabels[data[0] % (sizeof(kLabels) / sizeof(kLabels[0]))];
  std::string_view bytes(reinterpret_cast<const char*>(data + 1), size - 1);
  extortrace::text::Utf8Conversion c = extortrace::text::ConvertToUtf8(bytes, label);
  if (!extortrace::IsValidUtf8(c.text)) std::abort();
  return 0;
}
