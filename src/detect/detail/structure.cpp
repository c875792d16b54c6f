#include "detect/detail/structure.h"

#include <cstddef>

namespace extortrace::detect::detail {
namespace {

// One row per meaning; any spelling of a row counts once. Stems in the
// scripts that carry most extortion spam (Latin, Cyrillic, Greek, Arabic,
// Hebrew, Devanagari, Thai, Hangul).
struct Loanword {
  const char* spellings[8];
};

constexpr Loanword kLoanwords[] = {
    {{"bitcoin", "биткоин", "биткойн", "біткоїн", "μπιτκοιν", "بيتكوين", "ביטקוין", "बिटकॉइन"}},
    {{"porn", "порн", "πορν", "پورن", "إباحي", "פורנו", "पोर्न", "โป๊"}},
    {{"video", "видео", "відео", "βιντεο", "فيديو", "וידאו", "वीडियो", "วิดีโอ"}},
    {{"trojan", "троян", "τρωικ", "تروجان", "טרויאני", "ट्रोजन", "โทรจัน", nullptr}},
    {{"hacker", "хакер", "χακερ", "هاكر", "האקר", "हैकर", "แฮกเกอร์", "해커"}},
    {{"webcam", "вебкам", "веб-камер", "كاميرا", "מצלמ", "वेबकैम", "เว็บแคม", "웹캠"}},
    {{"malware", "вирус", "virus", "ιος", "فيروس", "וירוס", "वायरस", "ไวรัส"}},
    {{"masturb", "мастурб", "αυνανι", "استمناء", "אוננ", "हस्तमैथुन", "ช่วยตัวเอง", "자위"}},
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

Structure ReadStructure(std::string_view s) {
  Structure out;
  for (const Loanword& w : kLoanwords) {
    for (const char* sp : w.spellings) {
      if (sp && s.find(sp) != std::string_view::npos) {
        ++out.loanwords;
        break;
      }
    }
  }
  out.links = s.find("http") != std::string_view::npos || s.find("www.") != std::string_view::npos;
  // 24, 48, 72 or 96 standing alone and followed by a word ("48 часов",
  // "72 saat", "48h"): the deadlines of these letters, in any language.
  for (size_t i = 0; i + 2 < s.size() && !out.deadline_number; ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsDigit(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) {
      continue;
    }
    if (IsDigit(s[i + 2]) || !IsDigit(s[i + 1])) continue;
    int n = (s[i] - '0') * 10 + (s[i + 1] - '0');
    if (n != 24 && n != 48 && n != 72 && n != 96) continue;
    size_t j = i + 2;
    if (j < s.size() && s[j] == ' ') ++j;
    if (j < s.size() && (s[j] == '.' || s[j] == ',' || s[j] == ':' || IsDigit(s[j]))) continue;
    out.deadline_number = j < s.size() && static_cast<unsigned char>(s[j]) > ' ';
  }
  return out;
}

}  // namespace extortrace::detect::detail
