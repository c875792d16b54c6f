// Differential test of HtmlToText (the fast extractor, detail/html_fast.h)
// against HtmlToTextReference (gumbo) on every text/html part of
// ../shared/data/mail, parsed with mail::ParseMessage. Compared: `visible`
// and `hidden` after collapsing whitespace runs (block breaks vs spaces are
// layout, not words), `tricks`, links and image sources.
//
// mail sits above text in the module graph: the test needs text_tests to be
// linked with et_mail and built with ET_TEXT_TESTS_HAVE_MAIL defined
// (tests/CMakeLists.txt); otherwise it skips with a message.
// ET_HTML_DIFF_DUMP=<dir> writes each disagreeing part and both outputs
// there, for investigation.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "text/detail/html_fast.h"
#include "text/html_text.h"

#ifdef ET_TEXT_TESTS_HAVE_MAIL
#include "mail/message.h"
#endif

namespace extortrace::text {
namespace {

namespace fs = std::filesystem;

std::string Collapse(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> w;
  std::istringstream in{std::string(s)};
  for (std::string x; in >> x;) w.push_back(x);
  std::sort(w.begin(), w.end());
  return w;
}

void Dump(const fs::path& dir, size_t n, std::string_view html, const HtmlText& fast,
          const HtmlText& ref, const std::string& what) {
  fs::create_directories(dir);
  std::string base = (dir / std::to_string(n)).string();
  std::ofstream(base + ".html", std::ios::binary) << html;
  std::ofstream(base + ".txt", std::ios::binary)
      << what << "\n--- fast visible\n"
      << fast.visible << "\n--- ref visible\n"
      << ref.visible << "\n--- fast hidden\n"
      << fast.hidden << "\n--- ref hidden\n"
      << ref.hidden << "\n--- tricks fast " << fast.tricks << " ref " << ref.tricks << "\n";
}

TEST(HtmlFastDiff, AgreesWithGumboOnSharedCorpus) {
  fs::path root = fs::path(ET_SHARED_DIR) / "data" / "mail";
  if (!fs::exists(root)) GTEST_SKIP() << "no shared corpus at " << root;
#ifndef ET_TEXT_TESTS_HAVE_MAIL
  GTEST_SKIP() << "text_tests is built without et_mail (ET_TEXT_TESTS_HAVE_MAIL), which the "
                  "corpus walk needs to parse messages";
#else
  const char* dump_env = std::getenv("ET_HTML_DIFF_DUMP");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (e.is_regular_file()) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  size_t parts = 0, visible_eq = 0, visible_exact = 0, words_eq = 0, tricks_eq = 0, hidden_eq = 0,
         links_eq = 0, images_eq = 0, fallbacks = 0;
  std::map<std::string, size_t> reasons;
  for (const fs::path& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string raw((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    mail::ParsedMessage m = mail::ParseMessage(raw);
    for (const mail::TextBody& b : m.bodies) {
      if (!b.html) continue;
      ++parts;
      HtmlText fast = HtmlToText(b.text);
      if (const char* r = detail::FastHtmlFallbackReason(); *r) {
        ++fallbacks;
        ++reasons[r];
      }
      HtmlText ref = HtmlToTextReference(b.text);
      bool v = Collapse(fast.visible) == Collapse(ref.visible);
      bool w = Words(fast.visible) == Words(ref.visible);
      bool t = fast.tricks == ref.tricks;
      bool h = Collapse(fast.hidden) == Collapse(ref.hidden);
      visible_eq += v;
      visible_exact += fast.visible == ref.visible;
      words_eq += w;
      tricks_eq += t;
      hidden_eq += h;
      links_eq += fast.links == ref.links;
      images_eq += fast.image_sources == ref.image_sources;
      if (dump_env &&
          (!v || !t || !h || fast.links != ref.links || fast.image_sources != ref.image_sources)) {
        std::string what = f.string() + (v ? "" : " visible") + (w ? "" : " words") +
                           (t ? "" : " tricks") + (h ? "" : " hidden") +
                           (fast.links == ref.links ? "" : " links") +
                           (fast.image_sources == ref.image_sources ? "" : " images");
        Dump(dump_env, parts, b.text, fast, ref, what);
      }
    }
  }
  ASSERT_GT(parts, 0u);
  auto pct = [&](size_t n) { return 100.0 * static_cast<double>(n) / static_cast<double>(parts); };
  std::printf(
      "html parts %zu: visible %.2f%% (exact %.2f%%, same words %.2f%%), tricks %.2f%%, hidden "
      "%.2f%%, links %.2f%%, images %.2f%%; gumbo fallback %zu\n",
      parts, pct(visible_eq), pct(visible_exact), pct(words_eq), pct(tricks_eq), pct(hidden_eq),
      pct(links_eq), pct(images_eq), fallbacks);
  for (const auto& [r, n] : reasons) std::printf("  fallback: %s: %zu\n", r.c_str(), n);
  EXPECT_GE(pct(visible_eq), 99.0);
  EXPECT_GE(pct(words_eq), 99.9);  // the rest differ in order only (foster parenting)
  EXPECT_GE(pct(tricks_eq), 99.9);
  EXPECT_GE(pct(hidden_eq), 99.0);
#endif
}

}  // namespace
}  // namespace extortrace::text
