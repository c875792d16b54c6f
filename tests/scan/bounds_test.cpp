// Hostile shapes of mail, through the whole engine: memory stays bounded
// whatever the shape (peak RSS of a child process that scans one message),
// and a letter hidden past a parser limit (deep nesting, after the part
// limit, after padding) is still read, the limit recorded, and the verdict
// not clean. The letter is written for these tests.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <functional>
#include <string>

#include "core/bytes.h"
#include "mail/message.h"
#include "scan/engine.h"

namespace extortrace::scan {
namespace {

constexpr const char* kLetter =
    "Hello. I hacked your computer months ago and recorded a video of you through your "
    "webcam while you were watching adult sites. I also copied all your contacts and your "
    "email account. Send 1500 USD in Bitcoin to my wallet 1BoatSLRHtKNngkdXEeobR76b53LETtpyT "
    "within 48 hours. If I do not receive the payment, I will send the video to all your "
    "contacts and friends. Once paid, I will delete the video forever. Do not reply to this "
    "email, it cannot be traced.";

const std::string kHeader =
    "From: sender@example.org\nTo: you@example.com\nSubject: hello\nMIME-Version: 1.0\n";

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

record::ScanRecord Scan(std::string data) {
  Engine engine(EngineOptions{.plain_text = false, .decode_qr = false, .detect = true});
  return engine.Scan(mail::RawMessage{"test.eml", "", 0, std::move(data), false});
}

std::string Nested(int levels) {
  std::string s = kHeader;
  for (int i = 0; i < levels; ++i) {
    s += "Content-Type: multipart/mixed; boundary=\"b" + std::to_string(i) + "\"\n\n--b" +
         std::to_string(i) + "\n";
  }
  s += "Content-Type: text/plain\n\n" + std::string(kLetter) + "\n";
  for (int i = levels - 1; i >= 0; --i) s += "--b" + std::to_string(i) + "--\n";
  return s;
}

std::string AfterParts(size_t parts, bool empty) {
  std::string s = kHeader + "Content-Type: multipart/mixed; boundary=\"zz\"\n\n";
  const std::string part = empty ? "--zz\n\n" : "--zz\nContent-Type: text/plain\n\nx\n";
  s.reserve(s.size() + parts * part.size() + 1024);
  for (size_t i = 0; i < parts; ++i) s += part;
  s += "--zz\nContent-Type: text/plain\n\n" + std::string(kLetter) + "\n--zz--\n";
  return s;
}

void ExpectCaught(const record::ScanRecord& r, const std::string& anomaly) {
  EXPECT_EQ(r.verdict, record::Verdict::kExtortion) << anomaly;
  EXPECT_GT(r.score, 0.5) << anomaly;
  EXPECT_TRUE(Has(r.anomalies, anomaly)) << anomaly;
  bool reason = false;
  for (const record::Reason& x : r.reasons) reason |= x.family == "limit_reached";
  EXPECT_TRUE(reason) << anomaly;
}

TEST(Bounds, LetterNestedPastTheDepthLimitIsRead) {
  ExpectCaught(Scan(Nested(mail::kMaxDepth + 1)), "nesting-too-deep");
  ExpectCaught(Scan(Nested(200)), "nesting-too-deep");
  // Past GMime's own 1,024 levels, the rest is read as raw text.
  ExpectCaught(Scan(Nested(1100)), "nesting-overflow");
  // Past the bound on boundary lines too: the letter's part, the largest
  // between the first and the last boundary lines, is kept.
  ExpectCaught(Scan(Nested(3000)), "too-many-parts");
}

TEST(Bounds, LetterAfterThePartLimitIsRead) {
  ExpectCaught(Scan(AfterParts(mail::kMaxParts, false)), "too-many-parts");
  // Past the bound on boundary lines too (the parts between are dropped
  // before GMime reads them).
  ExpectCaught(Scan(AfterParts(100000, true)), "too-many-parts");
}

TEST(Bounds, LetterAfterAnHtmlCommentIsRead) {
  std::string s = kHeader + "Content-Type: text/html\n\n<html><body><!--";
  s.append(size_t{4} << 20, 'a');
  s += "--><p>" + std::string(kLetter) + "</p></body></html>\n";
  ExpectCaught(Scan(s), "text-padding");
}

TEST(Bounds, LetterAfterSpacesIsRead) {
  std::string s = kHeader + "Content-Type: text/plain\n\n";
  s.append(size_t{8} << 20, ' ');
  s += std::string(kLetter) + "\n";
  ExpectCaught(Scan(s), "text-padding");
}

TEST(Bounds, LetterAtTheEndOfTooMuchTextIsRead) {
  // Filler that does not squeeze: the end of the part is kept.
  std::string filler;
  while (filler.size() < (size_t{9} << 20)) filler += "the quarterly minutes of the garden club\n";
  ExpectCaught(Scan(kHeader + "Content-Type: text/plain\n\n" + filler + kLetter + "\n"),
               "text-too-long");
}

TEST(Bounds, QrCodeAfterPaddingImagesIsRead) {
  // The payment image of the bundled QR sample (its letter is not used).
  auto sample = ReadFile(std::string(ET_SOURCE_DIR) + "/samples/mail/08-fr-sextortion-qr.eml");
  ASSERT_TRUE(sample.has_value());
  const size_t from = sample->find("--qr1\nContent-Type: image/png");
  const size_t to = sample->find("--qr1--");
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string qr_part = sample->substr(from, to - from);
  std::string s = kHeader +
                  "Content-Type: multipart/mixed; boundary=\"qr1\"\n\n--qr1\n"
                  "Content-Type: text/plain\n\n"
                  "I hacked your computer and recorded a video of you through your webcam while "
                  "you were watching adult sites. Pay 1500 USD in Bitcoin with the QR code below "
                  "within 48 hours, or I will send the video to all your contacts.\n";
  for (int i = 0; i < 20; ++i) {
    s += "--qr1\nContent-Type: image/png\nContent-Transfer-Encoding: base64\n\n"
         "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJ"
         "RU5ErkJggg==\n";
  }
  s += qr_part + "--qr1--\n";
  // And after the part limit.
  std::string past = s;
  std::string empty;
  for (size_t i = 0; i < mail::kMaxParts; ++i) empty += "--qr1\n\n";
  past.insert(past.find(qr_part), empty);
  Engine engine;  // QR codes decoded
  record::ScanRecord r = engine.Scan(mail::RawMessage{"qr.eml", "", 0, s, false});
  EXPECT_TRUE(Has(r.anomalies, "too-many-images"));
  bool qr = false;
  for (const record::WalletFinding& w : r.wallets)
    qr |= w.recovered_from == record::Recovery::kQrCode;
  EXPECT_TRUE(qr);
  EXPECT_EQ(r.verdict, record::Verdict::kExtortion);

  r = engine.Scan(mail::RawMessage{"qr.eml", "", 0, past, false});
  EXPECT_TRUE(Has(r.anomalies, "too-many-parts"));
  qr = false;
  for (const record::WalletFinding& w : r.wallets)
    qr |= w.recovered_from == record::Recovery::kQrCode;
  EXPECT_TRUE(qr);
  EXPECT_EQ(r.verdict, record::Verdict::kExtortion);
}

TEST(Bounds, ALimitAloneIsNoEvidence) {
  // Past every limit, but nothing asks for money.
  std::string s = kHeader + "Content-Type: multipart/mixed; boundary=\"zz\"\n\n";
  for (size_t i = 0; i < 3000; ++i) s += "--zz\nContent-Type: text/plain\n\nsee you at noon\n";
  s += "--zz--\n";
  record::ScanRecord r = Scan(s);
  EXPECT_EQ(r.verdict, record::Verdict::kClean);
  EXPECT_TRUE(Has(r.anomalies, "too-many-parts"));
  // Nor a wallet alone (a donation page padded with spaces).
  std::string d = kHeader + "Content-Type: text/plain\n\n";
  d.append(size_t{9} << 20, ' ');
  d += "Donations welcome: 1BoatSLRHtKNngkdXEeobR76b53LETtpyT. Thank you!\n";
  r = Scan(d);
  EXPECT_EQ(r.verdict, record::Verdict::kClean);
  EXPECT_TRUE(Has(r.anomalies, "text-padding"));
}

// Peak RSS (bytes) of a child process that builds a message with `make`
// and scans it; 0 if the child failed.
size_t ChildPeak(const std::function<std::string()>& make) {
  pid_t pid = fork();
  if (pid == 0) {
    record::ScanRecord r = Scan(make());
    _exit(r.error.empty() ? 0 : 1);
  }
  int status = 0;
  rusage ru{};
  if (pid < 0 || wait4(pid, &status, 0, &ru) != pid) return 0;
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return 0;
  return static_cast<size_t>(ru.ru_maxrss) * 1024;
}

TEST(Bounds, PeakMemoryIsBoundedWhateverTheShape) {
  constexpr size_t kLimit = size_t{400} << 20;
  const auto start = std::chrono::steady_clock::now();
  struct Shape {
    const char* name;
    std::function<std::string()> make;
  } shapes[] = {
      {"3 million empty parts", [] { return AfterParts(3000000, true); }},
      {"1 million header fields",
       [] {
         std::string s = kHeader;
         for (int i = 0; i < 1000000; ++i) s += "X-Pad: " + std::to_string(i) + "\n";
         return s + "\n" + kLetter + "\n";
       }},
      {"one 32 MB header field",
       [] {
         std::string s = kHeader + "Content-Type: text/plain; a=b";
         while (s.size() < (size_t{32} << 20)) s += ";\n a=b";
         return s + "\n\n" + kLetter + "\n";
       }},
      {"eight 7 MB text parts",
       [] {
         std::string body;
         while (body.size() < (size_t{7} << 20)) body += "lorem ipsum dolor sit amet\n";
         std::string s = kHeader + "Content-Type: multipart/mixed; boundary=\"zz\"\n\n";
         for (int i = 0; i < 8; ++i) s += "--zz\nContent-Type: text/plain\n\n" + body;
         return s + "--zz--\n";
       }},
      {"5000 nested multiparts", [] { return Nested(5000); }},
      {"8 MB of a character NFKC grows 18-fold",
       [] {
         std::string s = kHeader + "Content-Type: text/plain; charset=utf-8\n\n";
         while (s.size() < (size_t{8} << 20)) s += "\xEF\xB7\xBA";  // U+FDFA
         return s + "\n";
       }},
  };
  for (const Shape& shape : shapes) {
    size_t peak = ChildPeak(shape.make);
    EXPECT_GT(peak, 0u) << shape.name << ": the child failed";
    EXPECT_LT(peak, kLimit) << shape.name << ": " << (peak >> 20) << " MB";
    std::printf("%s: peak %zu MB\n", shape.name, peak >> 20);
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(60));
}

}  // namespace
}  // namespace extortrace::scan
