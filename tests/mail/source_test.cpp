#include "mail/source.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace extortrace::mail {
namespace {
namespace fs = std::filesystem;

class SourceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("et_source_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  void Write(const fs::path& rel, const std::string& data) {
    fs::create_directories((dir_ / rel).parent_path());
    std::ofstream(dir_ / rel, std::ios::binary) << data;
  }
  std::vector<RawMessage> ReadAll(const std::vector<std::string>& paths,
                                  std::vector<std::string>* errors = nullptr,
                                  std::vector<std::string>* skipped = nullptr) {
    std::vector<RawMessage> out;
    SourceCallbacks cb;
    cb.on_message = [&](RawMessage&& m) { out.push_back(std::move(m)); };
    cb.on_error = [&](const Error& e) {
      if (errors) errors->push_back(e.context());
    };
    cb.on_skip = [&](const std::string& p) {
      if (skipped) skipped->push_back(p);
    };
    ReadMessages(paths, SourceOptions{}, cb);
    return out;
  }
  fs::path dir_;
};

TEST_F(SourceTest, DirectoryTreeMboxMaildirAndSkips) {
  Write("a.eml", "Subject: a\n\nA\n");
  Write("box/mbox",
        "From x@y Mon Jan  1 00:00:00 2024\nSubject: m1\n\n1\n\n"
        "From x@y Mon Jan  1 00:00:00 2024\nSubject: m2\n\n2\n");
  Write("Maildir/cur/1.host:2,S", "Subject: cur\n\nc\n");
  Write("Maildir/new/2.host", "Subject: new\n\nn\n");
  Write("Maildir/tmp/3.host", "Subject: tmp\n\nt\n");
  Write("README.md", "# not mail\n");
  std::vector<std::string> skipped;
  auto msgs = ReadAll({dir_.string()}, nullptr, &skipped);
  ASSERT_EQ(msgs.size(), 5u);
  EXPECT_EQ(msgs[0].data, "Subject: cur\n\nc\n");  // sorted: Maildir < README < a.eml < box
  EXPECT_EQ(msgs[1].data, "Subject: new\n\nn\n");
  EXPECT_EQ(msgs[2].data, "Subject: a\n\nA\n");
  EXPECT_EQ(msgs[3].index, 0u);
  EXPECT_EQ(msgs[4].index, 1u);
  EXPECT_EQ(msgs[4].data, "Subject: m2\n\n2\n");
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("README.md"), std::string::npos);
}

TEST_F(SourceTest, MissingFileIsReportedAndRestContinues) {
  Write("ok.eml", "Subject: ok\n\nfine\n");
  std::vector<std::string> errors;
  auto msgs = ReadAll({(dir_ / "nope.eml").string(), (dir_ / "ok.eml").string()}, &errors);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("nope.eml"), std::string::npos);
  ASSERT_EQ(msgs.size(), 1u);
}

TEST_F(SourceTest, TarGzAndZipArchives) {
  Write("in/one.eml", "Subject: one\n\n1\n");
  Write("in/mbox",
        "From x@y Mon Jan  1 00:00:00 2024\nSubject: m1\n\n1\n\n"
        "From x@y Mon Jan  1 00:00:00 2024\nSubject: m2\n\n2\n");
  std::string tgz = (dir_ / "mail.tgz").string();
  std::string cmd = "tar -C " + (dir_ / "in").string() + " -czf " + tgz + " one.eml mbox";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto msgs = ReadAll({tgz});
  ASSERT_EQ(msgs.size(), 3u);
  EXPECT_EQ(msgs[0].source, tgz);
  EXPECT_EQ(msgs[0].member, "one.eml");
  EXPECT_EQ(msgs[2].member, "mbox");
  EXPECT_EQ(msgs[2].index, 2u);
  EXPECT_EQ(msgs[2].data, "Subject: m2\n\n2\n");

  std::string gz = (dir_ / "single.eml.gz").string();
  ASSERT_EQ(std::system(("gzip -c " + (dir_ / "in/one.eml").string() + " > " + gz).c_str()), 0);
  msgs = ReadAll({gz});
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_EQ(msgs[0].data, "Subject: one\n\n1\n");
}

TEST_F(SourceTest, DamagedArchiveNamesTheFile) {
  Write("bad.tgz", std::string("\x1f\x8b\x08\x00garbage-not-gzip", 20));
  std::vector<std::string> errors;
  ReadAll({(dir_ / "bad.tgz").string()}, &errors);
  ASSERT_FALSE(errors.empty());
  EXPECT_NE(errors[0].find("bad.tgz"), std::string::npos);
}

TEST(SniffContent, Kinds) {
  EXPECT_EQ(SniffContent("Return-Path: <a@b>\n"), ContentKind::kMessage);
  EXPECT_EQ(SniffContent("\n\nReceived: x\n"), ContentKind::kMessage);
  EXPECT_EQ(SniffContent("From a@b Mon Jan  1 00:00:00 2024\n"), ContentKind::kMbox);
  EXPECT_EQ(SniffContent("id,address,abuse_type_id\n"), ContentKind::kNotMail);
  EXPECT_EQ(SniffContent("# Title\n"), ContentKind::kNotMail);
  EXPECT_EQ(SniffContent(std::string("PK\x03\x04", 4)), ContentKind::kArchive);
  // A banner line above the header, as some mail clients export it.
  EXPECT_EQ(SniffContent("Microsoft Mail Internet Headers Version 2.0\nReceived: x\n"
                         "From: a@b\nSubject: s\n\nbody\n"),
            ContentKind::kMessage);
  EXPECT_EQ(SniffContent("Notes\nfrom: the meeting\n"), ContentKind::kNotMail);
}

TEST_F(SourceTest, EmlExtensionIsAlwaysAMessage) {
  Write("odd.eml", "Dear customer,\nplease pay.\n");
  Write("odd.txt", "Dear customer,\nplease pay.\n");
  std::vector<std::string> skipped;
  auto msgs = ReadAll({dir_.string()}, nullptr, &skipped);
  ASSERT_EQ(msgs.size(), 1u);
  EXPECT_NE(msgs[0].source.find("odd.eml"), std::string::npos);
  ASSERT_EQ(skipped.size(), 1u);
  EXPECT_NE(skipped[0].find("odd.txt"), std::string::npos);
}

}  // namespace
}  // namespace extortrace::mail
