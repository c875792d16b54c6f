// The text functions are documented thread-safe: run them concurrently on
// the same inputs and compare with a single-threaded run.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "text/charset.h"
#include "text/html_text.h"
#include "text/language.h"
#include "text/normalize.h"

namespace extortrace::text {
namespace {

std::string Pipeline(const std::string& bytes, const char* label) {
  Utf8Conversion c = ConvertToUtf8(bytes, label);
  HtmlText h = HtmlToText(c.text);
  NormalizedText n = Normalize(h.visible);
  return c.charset_used + "|" + n.folded + "|" + DetectLanguage(n.text).code;
}

TEST(Threads, ConcurrentPipelineMatchesSerial) {
  const std::vector<std::pair<std::string, const char*>> inputs = {
      {"<p>Send bit\xE2\x80\x8B"
       "coin to my wallet within 48 hours or else</p>",
       "utf-8"},
      {"\x82\xA0\x82\xC8\x82\xBD\x82\xCC\x83p\x83X\x83\x8F\x81[\x83h\x82\xF0\x92m\x82\xC1\x82\xC4",
       "shift_jis"},
      {"<p style='color:#fff'>hidden</p><p>Zahlung: 800 \x80 in Bitcoin sofort bitte</p>",
       "iso-8859-1"},
      {"\xF0\xD2\xC9\xD7\xC5\xD4, \xD1 \xD7\xDA\xCC\xCF\xCD\xC1\xCC", "koi8-r"},
  };
  std::vector<std::string> expected;
  for (const auto& [bytes, label] : inputs) expected.push_back(Pipeline(bytes, label));
  std::vector<std::thread> threads;
  std::vector<int> failures(4, 0);
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 50; ++round) {
        for (size_t i = 0; i < inputs.size(); ++i) {
          if (Pipeline(inputs[i].first, inputs[i].second) != expected[i]) ++failures[t];
        }
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int f : failures) EXPECT_EQ(f, 0);
}

}  // namespace
}  // namespace extortrace::text
