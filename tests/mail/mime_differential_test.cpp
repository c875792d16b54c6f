// The fast MIME reader against the GMime reader: on every message of the
// shared corpus that the fast reader accepts, both must produce the same
// ParsedMessage, field by field. Also checks that the fast reader accepts
// most of the corpus (otherwise it is not worth having) and declines the
// malformed cases it is meant to leave to GMime.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "core/bytes.h"
#include "core/result.h"
#include "mail/detail/describe.h"
#include "mail/detail/header_repair.h"
#include "mail/detail/mime_readers.h"
#include "mail/message.h"
#include "mail/source.h"

namespace extortrace::mail {
namespace {

namespace fs = std::filesystem;

// The first line where the two descriptions part, with its neighbours.
std::string FirstDifference(const std::string& fast, const std::string& gmime) {
  size_t i = 0;
  while (i < fast.size() && i < gmime.size() && fast[i] == gmime[i]) ++i;
  size_t from = fast.rfind('\n', i == 0 ? 0 : i - 1);
  from = from == std::string::npos ? 0 : from + 1;
  return "--- fast\n" + fast.substr(from, 600) + "\n--- gmime\n" + gmime.substr(from, 600);
}

struct Outcome {
  bool accepted = false;
  std::string fast, gmime;
};

Outcome Compare(std::string_view raw) {
  std::optional<std::string> repaired = detail::RepairSplitHeader(raw);
  std::string_view input = repaired ? std::string_view(*repaired) : raw;
  Outcome o;
  ParsedMessage fast, gmime;
  o.accepted = detail::ParseFast(input, &fast);
  if (!o.accepted) return o;
  detail::ParseWithGMime(input, &gmime);
  o.fast = detail::Describe(fast);
  o.gmime = detail::Describe(gmime);
  return o;
}

TEST(MimeDifferential, SharedCorpusReadsTheSameWithBothReaders) {
  fs::path root = fs::path(ET_SHARED_DIR) / "data" / "mail";
  if (!fs::exists(root)) GTEST_SKIP() << "shared corpus absent: " << root;
  // Messages as the scanner gets them (mbox From_ lines split off, etc.).
  SourceOptions options;
  options.skip_non_mail = false;
  size_t total = 0, accepted = 0, differ = 0;
  std::map<std::string, size_t> declined;
  SourceCallbacks callbacks;
  callbacks.on_message = [&](RawMessage&& raw) {
    ++total;
    Outcome o = Compare(raw.data);
    if (!o.accepted) {
      ++declined[detail::LastDeclineReason()];
      return;
    }
    ++accepted;
    if (o.fast != o.gmime && ++differ <= 10) {
      ADD_FAILURE() << raw.source << " #" << raw.index << "\n" << FirstDifference(o.fast, o.gmime);
    }
  };
  ReadMessages({root.string()}, options, callbacks);
  ASSERT_GT(total, 1000u);
  EXPECT_EQ(differ, 0u);
  // The fast reader exists for speed: it must take most real mail.
  EXPECT_GT(accepted * 10, total * 7) << accepted << " of " << total;
  std::printf("fast reader accepted %zu of %zu files; declined:", accepted, total);
  for (const auto& [why, n] : declined) std::printf(" %s %zu", why.c_str(), n);
  std::printf("\n");
}

// The same files read whole, mbox From_ line included (as ParseMessage gets
// them from callers that do not split mailboxes): GMime drops that line.
TEST(MimeDifferential, FilesWithFromLineReadTheSameWithBothReaders) {
  fs::path root = fs::path(ET_SHARED_DIR) / "data" / "mail";
  if (!fs::exists(root)) GTEST_SKIP() << "shared corpus absent: " << root;
  size_t total = 0, accepted = 0, differ = 0;
  for (const auto& e : fs::recursive_directory_iterator(root)) {
    if (!e.is_regular_file()) continue;
    auto data = ReadFile(e.path().string());
    if (!data || data->rfind("From ", 0) != 0) continue;
    ++total;
    Outcome o = Compare(*data);
    if (!o.accepted) continue;
    ++accepted;
    if (o.fast != o.gmime && ++differ <= 10) {
      ADD_FAILURE() << e.path() << "\n" << FirstDifference(o.fast, o.gmime);
    }
  }
  if (total == 0) GTEST_SKIP() << "no file with a From_ line";
  EXPECT_EQ(differ, 0u);
  EXPECT_GT(accepted * 10, total * 9) << accepted << " of " << total;
}

TEST(MimeDifferential, FromLineIsDroppedLikeGMime) {
  const char* accepted[] = {
      "From a@b Thu Sep 26 12:18:58 2002\nSubject: hi\n\nbody\n",
      "From a@b Thu Sep 26 12:18:58 2002\r\nSubject: hi\r\n\r\nbody\r\n",
      "From \n\nbody only\n",
  };
  for (const char* c : accepted) {
    Outcome o = Compare(c);
    ASSERT_TRUE(o.accepted) << c;
    EXPECT_EQ(o.fast, o.gmime) << c;
  }
  ParsedMessage m = ParseMessage(accepted[0]);
  EXPECT_EQ(m.subject, "hi");
  ASSERT_EQ(m.headers.size(), 1u);
  EXPECT_EQ(m.headers[0].name, "Subject");
  const char* declined[] = {
      // continued From_ line
      "From a@b\n more\nSubject: hi\n\nbody\n",
      // control byte in the From_ line
      "From a\x01b\nSubject: hi\n\nbody\n",
      // only the From_ line
      "From a@b",
      // blanks before the colon: a From field for GMime
      "From  : x@y\nTo: z@w\n\nbody\n",
      "From \t: x@y\n\nbody\n",
  };
  for (const char* c : declined) {
    ParsedMessage p;
    EXPECT_FALSE(detail::ParseFast(c, &p)) << c;
  }
}

// Content-Type and -Disposition values are parsed once per thread and
// remembered with GMime's warnings: a value seen again, in the same message
// or the next, must still bring its warnings.
TEST(MimeDifferential, RepeatedContentFieldsKeepTheirWarnings) {
  const char raw[] =
      "From: a@example.org\nContent-Type: multipart/mixed; boundary=b\n\n--b\n"
      "Content-Type: text/plain; charset=utf-8; charset=iso-8859-1; name\n"
      "Content-Disposition: inline; filename=a; filename=b\n\none\n--b\n"
      "Content-Type: text/plain; charset=utf-8; charset=iso-8859-1; name\n"
      "Content-Disposition: inline; filename=a; filename=b\n\ntwo\n--b--\n";
  std::vector<std::string> first_anomalies;
  for (int round = 0; round < 3; ++round) {
    Outcome o = Compare(raw);
    ASSERT_TRUE(o.accepted);
    EXPECT_EQ(o.fast, o.gmime);
    ParsedMessage m = ParseMessage(raw);
    if (round == 0) first_anomalies = m.anomalies;
    EXPECT_EQ(m.anomalies, first_anomalies);
    ASSERT_EQ(m.bodies.size(), 2u);
    EXPECT_EQ(m.bodies[1].text, "two");
  }
  EXPECT_GT(first_anomalies.size(), 1u);  // more than no-text-body: the parameters' warnings
}

// A Message-ID or Content-ID that g_mime_utils_decode_message_id cannot
// parse comes back as it is: GMime's reader hands it on without the blank
// after the colon (found by the differential fuzzer).
TEST(MimeDifferential, UnparseableIdsAreTrimmedLikeGMime) {
  const char* cases[] = {
      "Message-ID: (<000c@closed-Rent:@mailmaon.com;>\r\nSubject: x\r\n\r\nbody\r\n",
      "Message-ID: \t (<a;>\nContent-ID:  (<b;>\nContent-Type: image/png\n\nAAAA\n",
  };
  for (const char* c : cases) {
    Outcome o = Compare(c);
    ASSERT_TRUE(o.accepted) << c;
    EXPECT_EQ(o.fast, o.gmime) << c;
  }
  EXPECT_EQ(ParseMessage(cases[0]).message_id.front(), '(');
}

// Address lists too are parsed once per thread and remembered with their
// warnings and mailboxes (values over 2 KB are parsed every time).
TEST(MimeDifferential, RepeatedAddressListsKeepTheirWarnings) {
  std::string long_list = "<a@b.c, x@y.z";
  for (int i = 0; i < 300; ++i) long_list += ", u" + std::to_string(i) + "@example.org";
  for (const std::string& to : {std::string("<a@b.c, x@y.z"), long_list}) {
    const std::string raw = "From: a@example.org\nTo: " + to + "\nCc: @@, z@w.v\n\nbody\n";
    for (int round = 0; round < 3; ++round) {
      Outcome o = Compare(raw);
      ASSERT_TRUE(o.accepted);
      EXPECT_EQ(o.fast, o.gmime);
      ParsedMessage m = ParseMessage(raw);
      ASSERT_EQ(m.to.size(), to.size() > 2048 ? 256u : 2u);
      EXPECT_EQ(m.to[1].email, "x@y.z");
      EXPECT_NE(std::find(m.anomalies.begin(), m.anomalies.end(), "invalid-address-list"),
                m.anomalies.end());
    }
  }
}

TEST(MimeDifferential, SamplesReadTheSame) {
  fs::path root = fs::path(ET_SOURCE_DIR) / "samples" / "mail";
  size_t accepted = 0;
  for (const auto& e : fs::directory_iterator(root)) {
    auto data = ReadFile(e.path().string());
    ASSERT_TRUE(data);
    Outcome o = Compare(*data);
    accepted += o.accepted;
    EXPECT_EQ(o.fast, o.gmime) << e.path();
  }
  EXPECT_GT(accepted, 0u);
}

TEST(MimeDifferential, DeclinesWhatItLeavesToGMime) {
  const char* cases[] = {
      // an inner multipart left open before its parent's next boundary
      "Content-Type: multipart/mixed; boundary=a\n\n--a\nContent-Type: multipart/mixed; "
      "boundary=b\n\n--b\n\nx\n--a\n\ny\n--a--\n",
      // a control byte in a header
      "Subject: a\x01b\n\nbody\n",
      // a line that is no header field
      "Subject: a\nnot a field\n\nbody\n",
      // no end of header
      "Subject: a\n",
      // uuencode
      "Content-Transfer-Encoding: x-uuencode\n\nbegin 644 a\n`\nend\n",
      // two Content-Type fields
      "Content-Type: text/plain\nContent-Type: text/html\n\nbody\n",
      // multipart without boundary
      "Content-Type: multipart/mixed\n\nbody\n",
  };
  for (const char* c : cases) {
    ParsedMessage m;
    EXPECT_FALSE(detail::ParseFast(c, &m)) << c;
    // ParseMessage still reads them (through GMime).
    ParsedMessage full = ParseMessage(c);
    EXPECT_FALSE(full.tree.empty()) << c;
  }
}

TEST(MimeDifferential, TruncatedMultipartAndBoundaryPrefixLinesReadLikeGMime) {
  const char* cases[] = {
      // no closing boundary: the last part runs to the end, "truncated-message"
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nhello\n",
      // "--bx" and "--b--x" are content, not boundaries
      "Content-Type: multipart/mixed; boundary=b\n\n--b\n\nx\n--bx\n--b--x\n--b--\n",
  };
  for (const char* c : cases) {
    Outcome o = Compare(c);
    ASSERT_TRUE(o.accepted) << c;
    EXPECT_EQ(o.fast, o.gmime) << c;
  }
  ParsedMessage m = ParseMessage(cases[0]);
  ASSERT_EQ(m.bodies.size(), 1u);
  EXPECT_EQ(m.bodies[0].text, "hello\n");
  EXPECT_NE(std::find(m.anomalies.begin(), m.anomalies.end(), "truncated-message"),
            m.anomalies.end());
  ParsedMessage p = ParseMessage(cases[1]);
  ASSERT_EQ(p.bodies.size(), 1u);
  EXPECT_EQ(p.bodies[0].text, "x\n--bx\n--b--x");
}

TEST(MimeDifferential, EightBitHeaderIsReadAndFlaggedLikeGMime) {
  const char raw[] = "Subject: caf\xE9\nFrom: J\xFCrgen <j@example.de>\n\nbody\n";
  Outcome o = Compare(raw);
  ASSERT_TRUE(o.accepted);
  EXPECT_EQ(o.fast, o.gmime);
  ParsedMessage m = ParseMessage(raw);
  EXPECT_NE(std::find(m.anomalies.begin(), m.anomalies.end(), "unencoded-8bit-header"),
            m.anomalies.end());
}

TEST(MimeDifferential, AcceptsPlainMultipartAndCrlf) {
  const char raw[] =
      "From: a@example.org\r\nSubject: hi\r\nContent-Type: multipart/alternative; "
      "boundary=\"zz\"\r\n\r\npreamble\r\n--zz\r\nContent-Type: text/plain\r\n\r\nplain "
      "text\r\n--zz\r\nContent-Type: text/html\r\nContent-Transfer-Encoding: base64\r\n\r\n"
      "PGI+aGk8L2I+\r\n--zz--\r\nepilogue\r\n";
  Outcome o = Compare(raw);
  ASSERT_TRUE(o.accepted);
  EXPECT_EQ(o.fast, o.gmime);
  ParsedMessage m = ParseMessage(raw);
  ASSERT_EQ(m.bodies.size(), 2u);
  EXPECT_EQ(m.bodies[0].text, "plain text");
  EXPECT_EQ(m.bodies[1].text, "<b>hi</b>");
}

}  // namespace
}  // namespace extortrace::mail
