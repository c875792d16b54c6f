#include "text/detail/charset_labels.h"

#include <unicode/ucnv.h>

#include <array>
#include <cctype>
#include <unordered_map>

namespace extortrace::text::detail {
namespace {

struct Entry {
  std::string_view label;
  std::string_view icu;
  std::string_view canonical;
  LabelKind kind;
  bool japanese;
};

constexpr LabelKind kU8 = LabelKind::kUtf8;
constexpr LabelKind kAs = LabelKind::kAscii;
constexpr LabelKind kSb = LabelKind::kSingleByte;
constexpr LabelKind kMb = LabelKind::kMultiByte;
constexpr LabelKind kIso = LabelKind::kIso2022;

constexpr std::string_view kSjis = "ibm-943_P15A-2003";  // Windows-31J (CP932)
constexpr std::string_view kGb = "gb18030";
constexpr std::string_view kKr = "windows-949-2000";

// clang-format off
constexpr Entry kTable[] = {
  {"utf-8", "UTF-8", "UTF-8", kU8, false}, {"utf8", "UTF-8", "UTF-8", kU8, false},
  {"unicode-1-1-utf-8", "UTF-8", "UTF-8", kU8, false}, {"x-unicode20utf8", "UTF-8", "UTF-8", kU8, false},
  {"us-ascii", "windows-1252", "US-ASCII", kAs, false}, {"ascii", "windows-1252", "US-ASCII", kAs, false},
  {"ansi_x3.4-1968", "windows-1252", "US-ASCII", kAs, false}, {"us", "windows-1252", "US-ASCII", kAs, false},
  {"iso646-us", "windows-1252", "US-ASCII", kAs, false}, {"cp367", "windows-1252", "US-ASCII", kAs, false},
  {"iso-8859-1", "windows-1252", "windows-1252", kSb, false}, {"iso8859-1", "windows-1252", "windows-1252", kSb, false},
  {"iso_8859-1", "windows-1252", "windows-1252", kSb, false}, {"latin1", "windows-1252", "windows-1252", kSb, false},
  {"latin-1", "windows-1252", "windows-1252", kSb, false}, {"l1", "windows-1252", "windows-1252", kSb, false},
  {"cp819", "windows-1252", "windows-1252", kSb, false}, {"windows-1252", "windows-1252", "windows-1252", kSb, false},
  {"cp1252", "windows-1252", "windows-1252", kSb, false}, {"x-cp1252", "windows-1252", "windows-1252", kSb, false},
  {"x-user-defined", "windows-1252", "windows-1252", kSb, false},
  {"iso-8859-9", "windows-1254", "windows-1254", kSb, false}, {"latin5", "windows-1254", "windows-1254", kSb, false},
  {"iso-8859-11", "windows-874", "windows-874", kSb, false}, {"tis-620", "windows-874", "windows-874", kSb, false},
  {"windows-874", "windows-874", "windows-874", kSb, false},
  {"koi8-r", "koi8-r", "KOI8-R", kSb, false}, {"koi8-u", "koi8-u", "KOI8-U", kSb, false},
  {"koi8-ru", "koi8-u", "KOI8-U", kSb, false}, {"koi8", "koi8-r", "KOI8-R", kSb, false},
  {"shift_jis", kSjis, "Shift_JIS", kMb, true}, {"shift-jis", kSjis, "Shift_JIS", kMb, true},
  {"sjis", kSjis, "Shift_JIS", kMb, true}, {"x-sjis", kSjis, "Shift_JIS", kMb, true},
  {"ms_kanji", kSjis, "Shift_JIS", kMb, true}, {"csshiftjis", kSjis, "Shift_JIS", kMb, true},
  {"windows-31j", kSjis, "Shift_JIS", kMb, true}, {"cp932", kSjis, "Shift_JIS", kMb, true},
  {"x-ms-cp932", kSjis, "Shift_JIS", kMb, true}, {"ms932", kSjis, "Shift_JIS", kMb, true},
  {"euc-jp", "euc-jp-2007", "EUC-JP", kMb, true}, {"x-euc-jp", "euc-jp-2007", "EUC-JP", kMb, true},
  {"eucjp", "euc-jp-2007", "EUC-JP", kMb, true}, {"cseucpkdfmtjapanese", "euc-jp-2007", "EUC-JP", kMb, true},
  {"iso-2022-jp", "ISO-2022-JP-2", "ISO-2022-JP", kIso, true}, {"csiso2022jp", "ISO-2022-JP-2", "ISO-2022-JP", kIso, true},
  {"iso-2022-jp-1", "ISO-2022-JP-2", "ISO-2022-JP", kIso, true}, {"iso-2022-jp-2", "ISO-2022-JP-2", "ISO-2022-JP", kIso, true},
  {"iso-2022-jp-3", "ISO-2022-JP-2", "ISO-2022-JP", kIso, true},
  {"gb2312", kGb, "GB18030", kMb, false}, {"gbk", kGb, "GB18030", kMb, false},
  {"x-gbk", kGb, "GB18030", kMb, false}, {"cp936", kGb, "GB18030", kMb, false},
  {"ms936", kGb, "GB18030", kMb, false}, {"windows-936", kGb, "GB18030", kMb, false},
  {"euc-cn", kGb, "GB18030", kMb, false}, {"csgb2312", kGb, "GB18030", kMb, false},
  {"gb_2312-80", kGb, "GB18030", kMb, false}, {"gb_2312", kGb, "GB18030", kMb, false},
  {"chinese", kGb, "GB18030", kMb, false}, {"gb18030", kGb, "GB18030", kMb, false},
  {"hz-gb-2312", "HZ", "HZ-GB-2312", kIso, false},
  {"big5", "windows-950-2000", "Big5", kMb, false}, {"x-x-big5", "windows-950-2000", "Big5", kMb, false},
  {"cn-big5", "windows-950-2000", "Big5", kMb, false}, {"csbig5", "windows-950-2000", "Big5", kMb, false},
  {"big-5", "windows-950-2000", "Big5", kMb, false}, {"cp950", "windows-950-2000", "Big5", kMb, false},
  {"big5-hkscs", "ibm-1375_P100-2008", "Big5-HKSCS", kMb, false},
  {"euc-kr", kKr, "EUC-KR", kMb, false}, {"ks_c_5601-1987", kKr, "EUC-KR", kMb, false},
  {"ks_c_5601-1989", kKr, "EUC-KR", kMb, false}, {"ksc5601", kKr, "EUC-KR", kMb, false},
  {"ksc_5601", kKr, "EUC-KR", kMb, false}, {"windows-949", kKr, "EUC-KR", kMb, false},
  {"cp949", kKr, "EUC-KR", kMb, false}, {"csksc56011987", kKr, "EUC-KR", kMb, false},
  {"korean", kKr, "EUC-KR", kMb, false}, {"iso-2022-kr", "ISO-2022-KR", "ISO-2022-KR", kIso, false},
  {"utf-7", "UTF-7", "UTF-7", LabelKind::kUtf7, false},
  {"unicode-1-1-utf-7", "UTF-7", "UTF-7", LabelKind::kUtf7, false},
  {"x-unicode20utf7", "UTF-7", "UTF-7", LabelKind::kUtf7, false},
  {"csunicode11utf7", "UTF-7", "UTF-7", LabelKind::kUtf7, false},
};
// clang-format on

// Labels that say "I don't know": treated like no label.
constexpr std::string_view kUnknown[] = {"unknown", "unknown-8bit", "x-unknown", "default",
                                         "charset", "none",         "8bit",      "binary"};

std::optional<LabelInfo> FromTable(const std::string& key) {
  for (const Entry& e : kTable) {
    if (e.label == key) {
      return LabelInfo{std::string(e.icu), std::string(e.canonical), e.kind, e.japanese,
                       e.kind != LabelKind::kIso2022 && e.kind != LabelKind::kUtf7};
    }
  }
  return std::nullopt;
}

// Any other label ICU knows ("iso-8859-5", "windows-1251", "ibm-037").
std::optional<LabelInfo> FromIcu(const std::string& key) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(key.c_str(), &status);
  if (U_FAILURE(status) || !conv) return std::nullopt;
  LabelInfo info;
  info.icu = key;
  const char* mime = ucnv_getStandardName(key.c_str(), "MIME", &status);
  if (!mime || U_FAILURE(status)) {
    status = U_ZERO_ERROR;
    mime = ucnv_getStandardName(key.c_str(), "IANA", &status);
  }
  info.canonical = (mime && U_SUCCESS(status)) ? mime : ucnv_getName(conv, &status);
  switch (ucnv_getType(conv)) {
    case UCNV_UTF16_BigEndian:
    case UCNV_UTF16_LittleEndian:
    case UCNV_UTF32_BigEndian:
    case UCNV_UTF32_LittleEndian:
    case UCNV_UTF16:
    case UCNV_UTF32:
      info.kind = LabelKind::kWide;
      break;
    case UCNV_SBCS:
      info.kind = LabelKind::kSingleByte;
      break;
    case UCNV_ISO_2022:
    case UCNV_HZ:
      info.kind = LabelKind::kIso2022;
      break;
    case UCNV_UTF7:
    case UCNV_IMAP_MAILBOX:
      info.kind = LabelKind::kUtf7;
      break;
    default:
      info.kind = LabelKind::kMultiByte;
      break;
  }
  // ASCII transparency (EBCDIC and friends are not): decode a probe.
  static constexpr char kProbe[] = "Az09 <>@~";
  UChar out[16];
  status = U_ZERO_ERROR;
  int32_t n = ucnv_toUChars(conv, out, 16, kProbe, sizeof(kProbe) - 1, &status);
  info.ascii_compatible = U_SUCCESS(status) && n == static_cast<int32_t>(sizeof(kProbe) - 1);
  for (int32_t i = 0; info.ascii_compatible && i < n; ++i) {
    info.ascii_compatible = out[i] == static_cast<UChar>(kProbe[i]);
  }
  if (info.kind == LabelKind::kIso2022 || info.kind == LabelKind::kUtf7 ||
      info.kind == LabelKind::kWide) {
    info.ascii_compatible = false;
  }
  ucnv_close(conv);
  return info;
}

}  // namespace

std::string TrimLabel(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  for (char c : label) {
    if (c == '"' || c == '\'' || c == ';' || std::isspace(static_cast<unsigned char>(c))) continue;
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  if (out.size() > 64) out.resize(64);
  return out;
}

bool IsPlaceholderLabel(std::string_view label) {
  std::string key = TrimLabel(label);
  for (std::string_view u : kUnknown) {
    if (key == u) return true;
  }
  return false;
}

std::optional<LabelInfo> LookupLabel(std::string_view label) {
  std::string key = TrimLabel(label);
  if (key.empty() || IsPlaceholderLabel(key)) return std::nullopt;
  if (auto info = FromTable(key)) return info;
  // ICU lookups open a converter: cache the answer per thread (bounded,
  // since labels come from hostile input).
  thread_local std::unordered_map<std::string, std::optional<LabelInfo>> cache;
  auto it = cache.find(key);
  if (it != cache.end()) return it->second;
  if (cache.size() >= 128) cache.clear();
  std::optional<LabelInfo> info = FromIcu(key);
  cache.emplace(key, info);
  return info;
}

}  // namespace extortrace::text::detail
