// DetectLanguage over CLD2 (compact_lang_det.h). CLD2's tables are static
// and read-only, so concurrent calls are safe.
#include "text/language.h"

#include <cld2/public/compact_lang_det.h>
#include <cld2/public/encodings.h>

#include <string>

namespace CLD2 {
// Declared in cld2/internal/lang_script.h, which is not meant to be included
// by users but whose symbol the library exports.
const char* LanguageCode(Language lang);
}  // namespace CLD2

namespace extortrace::text {
namespace {

// CLD2 is reliable from a few hundred letters and costs ~0.03 µs a byte
// (bench/scan_bench BM_Language, a message: 39 µs with a 1 KB first look and
// 23 µs with 512 bytes under glibc's malloc; 18 µs with 384 bytes and 13 µs
// with 256 under tcmalloc, decision 0014). A message's language is that of
// its opening: a first look settles
// most mail and keeps signatures, quoted replies and footers further down
// (often in another language) from outvoting it; only text it cannot settle
// is read up to kMaxBytes. Against 1 KB, 384 bytes moved 28 of the corpus's
// 10,006 languages, nearly all to the language the message is written in;
// 256 bytes began to take an English quote for a Finnish reply.
constexpr size_t kMaxBytes = 3 * 1024;
constexpr size_t kFirstLook = 384;
constexpr int kSettledPercent = 90;  // of the first look in one language
constexpr int kMinTextBytes = 16;    // fewer scored letter bytes: "und"
constexpr size_t kShortBody = 200;   // below this the subject is added

std::string IsoCode(CLD2::Language lang) {
  if (lang == CLD2::UNKNOWN_LANGUAGE || lang == CLD2::TG_UNKNOWN_LANGUAGE) return "und";
  const char* c = CLD2::LanguageCode(lang);
  if (!c) return "und";
  std::string code(c);
  if (auto dash = code.find('-'); dash != std::string::npos) code.resize(dash);  // zh-Hant
  if (code == "iw") return "he";
  if (code == "jw") return "jv";
  if (code == "in") return "id";
  if (code == "ji") return "yi";
  if (code == "mo") return "ro";
  if (code.empty() || code.size() > 3 || code == "un" || code == "xx") return "und";
  return code;
}

struct Run {
  CLD2::Language lang = CLD2::UNKNOWN_LANGUAGE;
  int percent = 0;
  int text_bytes = 0;
  bool reliable = false;
};

Run Detect(std::string_view s, int flags) {
  Run r;
  CLD2::Language lang3[3];
  int percent3[3] = {0, 0, 0};
  double score3[3];
  int valid_prefix = 0;
  r.lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
      s.data(), static_cast<int>(s.size()), /*is_plain_text=*/true, nullptr, flags, lang3, percent3,
      score3, nullptr, &r.text_bytes, &r.reliable, &valid_prefix);
  if (valid_prefix < static_cast<int>(s.size()) && valid_prefix > 0) {
    // Invalid (or not interchange-valid) bytes: judge the valid prefix.
    r.lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(s.data(), valid_prefix, true, nullptr, flags,
                                                     lang3, percent3, score3, nullptr,
                                                     &r.text_bytes, &r.reliable, &valid_prefix);
  }
  r.percent = percent3[0];
  return r;
}

// The first `limit` bytes of `utf8`, not cutting a UTF-8 sequence in half.
std::string_view Prefix(std::string_view utf8, size_t limit) {
  std::string_view text = utf8.substr(0, limit);
  while (!text.empty() && text.size() < utf8.size() &&
         (static_cast<unsigned char>(utf8[text.size()]) & 0xC0) == 0x80) {
    text.remove_suffix(1);
  }
  return text;
}

}  // namespace

LanguageGuess DetectLanguage(std::string_view utf8, std::string_view subject) {
  std::string buffer;
  std::string_view text = Prefix(utf8, kMaxBytes);
  if (text.size() < kShortBody && !subject.empty()) {
    buffer.assign(subject.substr(0, 1024));
    buffer.push_back('\n');
    buffer.append(text);
    text = buffer;
  }
  LanguageGuess guess;
  if (text.empty()) {
    guess.code = "und";
    return guess;
  }
  // A first look at kFirstLook bytes settles most mail; the rest get the
  // full kMaxBytes.
  Run r;
  bool settled = false;
  if (text.size() > kFirstLook + kFirstLook / 2) {
    r = Detect(Prefix(text, kFirstLook), 0);
    settled = r.reliable && r.percent >= kSettledPercent && r.text_bytes >= kMinTextBytes;
  }
  if (!settled) r = Detect(text, 0);
  if (r.lang == CLD2::UNKNOWN_LANGUAGE && r.text_bytes >= 4 * kMinTextBytes) {
    r = Detect(text, CLD2::kCLDFlagBestEffort);
    r.reliable = false;
  }
  if (r.text_bytes < kMinTextBytes) {
    guess.code = "und";
    return guess;
  }
  guess.code = IsoCode(r.lang);
  guess.percent = guess.code == "und" ? 0 : r.percent;
  guess.reliable = guess.code != "und" && r.reliable;
  return guess;
}

}  // namespace extortrace::text
