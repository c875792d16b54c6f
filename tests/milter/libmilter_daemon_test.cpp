// The daemon that ships, driven in-process: ListenLibmilter on a unix
// socket, libmilter's own threads and callbacks, and this test playing the
// MTA with the project's codec (EncodePacket out, PacketReader in), as
// Postfix would. Checks that the shim feeds the shared Collector and judge
// with the limits it was given, and turns each Decision into the right
// replies.
#include "milter/libmilter_daemon.h"

#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <mutex>
#include <thread>

namespace extortrace::milter {
namespace {

std::string Z(std::string_view s) { return std::string(s) + '\0'; }

// What the fake scanner saw, and how many times it ran.
std::mutex g_mu;
std::vector<std::string> g_scanned;

Result<Summary> FakeScan(std::string message) {
  {
    std::lock_guard lock(g_mu);
    g_scanned.push_back(message);
  }
  if (message.find("TIMEOUT") != std::string::npos) {
    return Fail(Error::Timeout("scan exceeded its time limit"));
  }
  if (message.find("FAIL") != std::string::npos) return Fail(Error::Internal("engine failed"));
  Summary s;
  if (message.find("BTC") != std::string::npos) {
    s.verdict = "extortion";
    s.category = "sextortion";
    s.score = 0.95;
    s.wallets = {"BTC:bc1qexample"};
  }
  return s;
}

constexpr size_t kMaxBytes = 64 << 10;
constexpr size_t kMaxHeaders = 10;

class LibmilterDaemon : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = "/tmp/et-milter-test-" + std::to_string(getpid()) + ".sock";
    DaemonOptions o;
    o.socket = "unix:" + path_;
    o.limits.max_message_bytes = kMaxBytes;
    o.limits.max_headers = kMaxHeaders;
    o.policy.on_oversized = Action::kReject;
    o.policy.on_error = Action::kPass;  // fail open: the error headers are seen
    o.mta_timeout_seconds = 10;
    o.scanner = FakeScan;
    auto st = ListenLibmilter(std::move(o));
    ASSERT_TRUE(st.has_value()) << st.error().ToString();
    server_ = new std::thread([] { ran_ = RunLibmilter().has_value(); });
  }
  static void TearDownTestSuite() {
    StopLibmilter();
    if (server_ != nullptr) server_->join();
    delete server_;
    unlink(path_.c_str());
  }
  void SetUp() override {
    std::lock_guard lock(g_mu);
    g_scanned.clear();
  }

  // One MTA connection.
  class Mta {
   public:
    Mta() {
      fd_ = socket(AF_UNIX, SOCK_STREAM, 0);
      sockaddr_un a{};
      a.sun_family = AF_UNIX;
      std::strncpy(a.sun_path, path_.c_str(), sizeof a.sun_path - 1);
      connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0;
    }
    ~Mta() { close(fd_); }
    bool connected() const { return connected_; }

    void Send(char command, std::string_view data) {
      std::string p = EncodePacket(command, data);
      ASSERT_EQ(write(fd_, p.data(), p.size()), static_cast<ssize_t>(p.size()));
    }
    // The next reply, or command 0 when none came within 5 s.
    Packet Read() {
      for (;;) {
        auto next = reader_.Next();
        if (!next) return {};
        if (next->has_value()) return **next;
        pollfd p{fd_, POLLIN, 0};
        if (poll(&p, 1, 5000) != 1) return {};
        char buf[4096];
        ssize_t n = read(fd_, buf, sizeof buf);
        if (n <= 0) return {};
        reader_.Feed(std::string_view(buf, static_cast<size_t>(n)));
      }
    }
    // Sends and expects 'c' (continue); skips a step the filter declined.
    void Step(char command, std::string_view data) {
      static constexpr std::string_view kSteps = "CHMRBLN";  // SMFIP_NOCONNECT << index
      size_t i = kSteps.find(command);
      if (i != std::string_view::npos && (skip_ & (1u << i)) != 0) return;
      Send(command, data);
      Packet r = Read();
      EXPECT_EQ(r.command, 'c') << "after '" << command << "'";
    }
    // OPTNEG (the MTA offers every action, and of the protocol options only
    // skipping steps, so every step sent is answered), CONNECT, MAIL, RCPT.
    void Begin() {
      Send('O', std::string("\0\0\0\6\0\0\1\xff\0\0\0\x7f", 12));
      Packet o = Read();
      ASSERT_EQ(o.command, 'O');
      auto neg = ParseOptNeg(o.data);
      ASSERT_TRUE(neg.has_value());
      EXPECT_EQ(neg->actions, kActAddHeaders | kActChangeHeaders | kActQuarantine);
      skip_ = neg->protocol & 0x7f;
      Step('C', Z("client.example") + "L" + Z("/tmp/x"));
      StartMessage();
    }
    void StartMessage() {
      Step('M', Z("<a@example.org>"));
      Step('R', Z("<b@example.com>"));
    }
    // Headers, end of headers, body, end of body: the replies to the end.
    std::vector<Packet> Message(const std::vector<HeaderField>& headers, std::string_view body) {
      for (const HeaderField& h : headers) Step('L', Z(h.name) + Z(h.value));
      Step('N', "");
      // libmilter takes at most 64 KB a packet unless a larger size was negotiated.
      for (size_t at = 0; at < body.size(); at += 60000) Step('B', body.substr(at, 60000));
      Send('E', "");
      std::vector<Packet> out;
      for (;;) {
        Packet r = Read();
        out.push_back(r);
        if (r.command != 'h' && r.command != 'm' && r.command != 'q') break;
      }
      return out;
    }

   private:
    int fd_ = -1;
    bool connected_ = false;
    uint32_t skip_ = 0;  // SMFIP_NO* flags the filter asked for
    PacketReader reader_;
  };

  static std::string path_;
  static std::thread* server_;
  static std::atomic<bool> ran_;
};

std::string LibmilterDaemon::path_;
std::thread* LibmilterDaemon::server_ = nullptr;
std::atomic<bool> LibmilterDaemon::ran_{false};

std::vector<std::string> Scanned() {
  std::lock_guard lock(g_mu);
  return g_scanned;
}

TEST_F(LibmilterDaemon, TagsAnExtortionMessage) {
  Mta mta;
  ASSERT_TRUE(mta.connected());
  mta.Begin();
  auto r = mta.Message({{"From", "a@example.org"}, {"Subject", "Hello"}}, "Pay 1 BTC.\r\n");
  ASSERT_EQ(r.size(), 5u);
  EXPECT_EQ(r[0].command, 'h');
  EXPECT_EQ(r[0].data, Z("X-Extortrace") + Z("extortion; score=0.95; category=sextortion"));
  EXPECT_EQ(r[1].data, Z("X-Extortrace-Wallets") + Z("BTC:bc1qexample"));
  EXPECT_EQ(r[2].data, Z("X-Spam-Flag") + Z("YES"));
  EXPECT_EQ(r[3].command, 'm');
  EXPECT_EQ(r[3].data, std::string("\0\0\0\1", 4) + Z("Subject") + Z("[SCAM] Hello"));
  EXPECT_EQ(r[4].command, 'a');
  auto seen = Scanned();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], "From: a@example.org\r\nSubject: Hello\r\n\r\nPay 1 BTC.\r\n");

  // A second message on the same connection starts from nothing.
  mta.StartMessage();
  r = mta.Message({{"Subject", "News"}}, "Hello.\r\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].data, Z("X-Extortrace") + Z("clean; score=0.00"));
  EXPECT_EQ(r[1].command, 'a');
  seen = Scanned();
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[1], "Subject: News\r\n\r\nHello.\r\n");
}

TEST_F(LibmilterDaemon, TimeoutFailsOpenByItsCode) {
  Mta mta;
  ASSERT_TRUE(mta.connected());
  mta.Begin();
  auto r = mta.Message({{"Subject", "x"}}, "TIMEOUT\r\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].data, Z("X-Extortrace") + Z("error; reason=timeout"));
  EXPECT_EQ(r[1].command, 'a');
  mta.StartMessage();
  r = mta.Message({{"Subject", "x"}}, "FAIL\r\n");
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].data, Z("X-Extortrace") + Z("error; reason=scan-failed"));
}

TEST_F(LibmilterDaemon, AppliesItsLimits) {
  Mta mta;
  ASSERT_TRUE(mta.connected());
  mta.Begin();
  std::vector<HeaderField> many;
  for (size_t i = 0; i < kMaxHeaders + 5; ++i) many.push_back({"X-N", std::to_string(i)});
  auto r = mta.Message(many, "hi\r\n");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r.back().command, 'a');
  auto seen = Scanned();
  ASSERT_EQ(seen.size(), 1u);
  size_t lines = 0;
  for (size_t p = seen[0].find("X-N: "); p != std::string::npos; p = seen[0].find("X-N: ", p + 1)) {
    ++lines;
  }
  EXPECT_EQ(lines, kMaxHeaders);

  // Past max_message_bytes: not scanned, and this daemon rejects oversized mail.
  mta.StartMessage();
  r = mta.Message({{"Subject", "big"}}, std::string(kMaxBytes, 'x'));
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].command, 'y');
  EXPECT_EQ(r[0].data.substr(0, 10), "550 5.7.1 ");
  EXPECT_EQ(Scanned().size(), 1u);
}

TEST_F(LibmilterDaemon, AbortDropsTheMessage) {
  Mta mta;
  ASSERT_TRUE(mta.connected());
  mta.Begin();
  mta.Step('L', Z("Subject") + Z("dropped BTC"));
  mta.Send('A', "");  // no reply to an abort
  mta.StartMessage();
  auto r = mta.Message({{"Subject", "kept"}}, "ok\r\n");
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r.back().command, 'a');
  auto seen = Scanned();
  ASSERT_EQ(seen.size(), 1u);
  EXPECT_EQ(seen[0], "Subject: kept\r\n\r\nok\r\n");
}

TEST_F(LibmilterDaemon, StartsOnlyOnce) {
  DaemonOptions o;
  o.socket = "unix:/tmp/et-milter-never.sock";
  o.scanner = FakeScan;
  auto st = ListenLibmilter(std::move(o));
  ASSERT_FALSE(st.has_value());
  EXPECT_TRUE(st.error().IsInternal());
}

}  // namespace
}  // namespace extortrace::milter
