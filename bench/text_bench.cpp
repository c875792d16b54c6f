// Throughput of the text pipeline: Normalize (ASCII English, Japanese,
// obfuscated), HtmlToText and its gumbo reference (an HTML mail),
// ConvertToUtf8 (Shift_JIS).
// Inputs are synthetic so the benchmark runs without ../shared/data, except
// BM_HtmlToTextBig: the HTML parts of three large phishing messages of
// ../shared/data/mail (skipped when absent).
#include <benchmark/benchmark.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "text/charset.h"
#include "text/html_text.h"
#include "text/language.h"
#include "text/normalize.h"

namespace {

std::string Repeat(const std::string& unit, size_t bytes) {
  std::string s;
  while (s.size() < bytes) s += unit;
  return s;
}

const std::string kEnglish = Repeat(
    "Hello, I am a hacker who has access to your operating system. I also have full access to "
    "your account. I have been watching you for a few months now. The fact is that you were "
    "infected with malware through an adult site that you visited. Transfer $800 in Bitcoin to "
    "my wallet within 48 hours, otherwise the video goes to all your contacts.\n\n",
    10 * 1024);

const std::string kJapanese = Repeat(
    "あなたのコンピュータはハッキングされました。私はあなたのデバイスに完全にアクセスできます。"
    "４８時間以内にビットコインで１０万円を支払ってください。支払わなければ、動画をあなたの連絡先"
    "全員に送ります。\n",
    10 * 1024);

const std::string kObfuscated = Repeat(
    "Ýóu hàvé bééñ hàçkéd. Send bit\u200Bco\u200Cin to my wаllеt: ВitсоіnЅ now! ʏᴏᴜʀ ᴘᴀssᴡᴏʀᴅ "
    "is known. xkqzt bmwrp qzjvk fhtgn plkwz rtvbx (xqzt) (bmwq) ＰＡＹ ＮＯＷ\n",
    10 * 1024);

std::string HtmlMail() {
  std::string h =
      "<html><head><style>.h{display:none} td{font-family:Arial}</style></head>"
      "<body bgcolor=\"#ffffff\"><table width=\"600\" cellpadding=\"0\">";
  while (h.size() < 20 * 1024) {
    h += "<tr><td style=\"padding:10px;color:#333333\"><p>Hello, I have access to your "
         "<b>device</b> and recorded you. Pay <span style=\"font-size:0\">xqz</span>in "
         "bit<!-- x -->coin to <a href=\"https://example.com/x\">my wallet</a>.</p>"
         "<div class=\"h\">hidden junk words here</div><font color=\"#fff\">white</font>"
         "<img src=\"cid:logo\"><br></td></tr>\n";
  }
  return h + "</table></body></html>";
}
const std::string kHtml = HtmlMail();

const std::string kSjisUnit =
    "\x82\xA0\x82\xC8\x82\xBD\x82\xCC\x83p\x83X\x83\x8F\x81[\x83h\x82\xF0\x92m\x82\xC1\x82\xC4"
    "\x82\xA2\x82\xDC\x82\xB7\x81"
    "B\x83r\x83"
    "b\x83g\x83R\x83"
    "C\x83\x93\x82\xC5\x8Ex\x95\xA5"
    "\x82\xC1\x82\xC4\x82\xAD\x82\xBE\x82\xB3\x82\xA2\x81"
    "B\r\n";
const std::string kSjis = Repeat(kSjisUnit, 10 * 1024);

void SetBytes(benchmark::State& state, size_t n) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(n));
}

void BM_NormalizeAsciiEnglish(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::Normalize(kEnglish));
  SetBytes(state, kEnglish.size());
}
BENCHMARK(BM_NormalizeAsciiEnglish);

void BM_NormalizeJapanese(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::Normalize(kJapanese));
  SetBytes(state, kJapanese.size());
}
BENCHMARK(BM_NormalizeJapanese);

void BM_NormalizeObfuscated(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::Normalize(kObfuscated));
  SetBytes(state, kObfuscated.size());
}
BENCHMARK(BM_NormalizeObfuscated);

void BM_HtmlToText(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::HtmlToText(kHtml));
  SetBytes(state, kHtml.size());
}
BENCHMARK(BM_HtmlToText);

// The decoded body of the first text/html part of an .eml file (base64 or
// quoted-printable), or "" if the file is absent. Enough MIME for the three
// fixed inputs below; not a general reader.
std::string HtmlPartOf(const std::string& file) {
  std::ifstream in(std::filesystem::path(ET_SHARED_DIR) / "data" / "mail" / file, std::ios::binary);
  if (!in) return "";
  std::stringstream ss;
  ss << in.rdbuf();
  std::string eml = ss.str();
  std::erase(eml, '\r');
  size_t ct = eml.find("Content-Type: text/html");
  if (ct == std::string::npos) return "";
  size_t hdr_start = eml.rfind("\n\n", ct);
  size_t body = eml.find("\n\n", ct);
  if (body == std::string::npos) return "";
  std::string headers =
      eml.substr(hdr_start == std::string::npos ? 0 : hdr_start, body - hdr_start);
  body += 2;
  size_t end = eml.find("\n--", body);
  std::string raw = eml.substr(body, end == std::string::npos ? std::string::npos : end - body);
  std::string out;
  if (headers.find("base64") != std::string::npos) {
    unsigned acc = 0;
    int bits = 0;
    for (char c : raw) {
      int v = c >= 'A' && c <= 'Z'   ? c - 'A'
              : c >= 'a' && c <= 'z' ? c - 'a' + 26
              : c >= '0' && c <= '9' ? c - '0' + 52
              : c == '+'             ? 62
              : c == '/'             ? 63
                                     : -1;
      if (v < 0) continue;
      acc = (acc << 6) | static_cast<unsigned>(v);
      bits += 6;
      if (bits >= 8) {
        bits -= 8;
        out.push_back(static_cast<char>((acc >> bits) & 0xFF));
      }
    }
  } else if (headers.find("quoted-printable") != std::string::npos) {
    for (size_t i = 0; i < raw.size(); ++i) {
      if (raw[i] != '=') {
        out.push_back(raw[i]);
      } else if (i + 1 < raw.size() && raw[i + 1] == '\n') {
        i += 1;
      } else if (i + 2 < raw.size() && raw[i + 1] == '\r' && raw[i + 2] == '\n') {
        i += 2;
      } else if (i + 2 < raw.size() && std::isxdigit(static_cast<unsigned char>(raw[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(raw[i + 2]))) {
        out.push_back(static_cast<char>(std::strtol(raw.substr(i + 1, 2).c_str(), nullptr, 16)));
        i += 2;
      } else {
        out.push_back('=');
      }
    }
  } else {
    out = raw;
  }
  return out;
}

void BM_HtmlToTextBig(benchmark::State& state, const char* file) {
  static std::string html;
  static std::string loaded;
  if (loaded != file) {
    html = HtmlPartOf(file);
    loaded = file;
  }
  if (html.empty()) {
    state.SkipWithError("shared corpus file absent");
    return;
  }
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::HtmlToText(html));
  SetBytes(state, html.size());
}
BENCHMARK_CAPTURE(BM_HtmlToTextBig, sample_6615,
                  "negatives_spam/phishing_pot_sample/sample-6615.eml");
BENCHMARK_CAPTURE(BM_HtmlToTextBig, sample_7777,
                  "negatives_spam/phishing_pot_sample/sample-7777.eml");
BENCHMARK_CAPTURE(BM_HtmlToTextBig, sample_612,
                  "negatives_spam/phishing_pot_sample/sample-612.eml");

// The gumbo implementation HtmlToText replaced (kept as the test oracle).
void BM_HtmlToTextReference(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::HtmlToTextReference(kHtml));
  SetBytes(state, kHtml.size());
}
BENCHMARK(BM_HtmlToTextReference);

void BM_ConvertShiftJis(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(extortrace::text::ConvertToUtf8(kSjis, "shift_jis"));
  SetBytes(state, kSjis.size());
}
BENCHMARK(BM_ConvertShiftJis);

void BM_ConvertAscii(benchmark::State& state) {
  for (auto _ : state)
    benchmark::DoNotOptimize(extortrace::text::ConvertToUtf8(kEnglish, "us-ascii"));
  SetBytes(state, kEnglish.size());
}
BENCHMARK(BM_ConvertAscii);

void BM_DetectLanguageEnglish(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(extortrace::text::DetectLanguage(kEnglish));
  SetBytes(state, kEnglish.size());
}
BENCHMARK(BM_DetectLanguageEnglish);

}  // namespace

BENCHMARK_MAIN();
