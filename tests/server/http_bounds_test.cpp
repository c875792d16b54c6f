#include "server/http_bounds.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

namespace extortrace::server {
namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;
constexpr size_t kMax = 1000;

std::string ErrorCodeOf(const std::optional<Response>& r) {
  return r ? nlohmann::json::parse(r->body)["error"]["code"].get<std::string>() : "";
}

int Status(std::string_view method, const Fields& f) {
  auto r = CheckFraming(method, f, kMax);
  return r ? r->status : 0;
}

TEST(CheckFraming, AcceptsOneWayOfDelimitingTheBody) {
  EXPECT_EQ(Status("POST", {{"Content-Length", "5"}}), 0);
  EXPECT_EQ(Status("POST", {{"content-length", "5"}, {"CONTENT-LENGTH", "005"}}), 0);
  EXPECT_EQ(Status("POST", {{"Content-Length", "5, 5"}}), 0);
  EXPECT_EQ(Status("POST", {{"Transfer-Encoding", "chunked"}}), 0);
  EXPECT_EQ(Status("POST", {{"Transfer-Encoding", " Chunked "}}), 0);
  EXPECT_EQ(Status("POST", {{"Content-Length", "0"}}), 0);
  EXPECT_EQ(Status("GET", {}), 0);
  EXPECT_EQ(Status("GET", {{"Content-Length", "0"}}), 0);
  EXPECT_EQ(Status("POST", {{"Content-Length", "1000"}}), 0);
}

TEST(CheckFraming, RefusesAmbiguousFramingWith400) {
  const std::vector<Fields> bad = {
      {{"Content-Length", "5"}, {"Content-Length", "6"}},
      {{"Content-Length", "5, 6"}},
      {{"Content-Length", "5"}, {"Transfer-Encoding", "chunked"}},
      {{"Transfer-Encoding", "chunked"}, {"Content-Length", "0"}},
      {{"Transfer-Encoding", "chunked"}, {"Transfer-Encoding", "chunked"}},
      {{"Transfer-Encoding", "gzip, chunked"}},
      {{"Transfer-Encoding", "chunked, identity"}},
      {{"Transfer-Encoding", "xchunked"}},
      {{"Transfer-Encoding", ""}},
      {{"Content-Length", "+5"}},
      {{"Content-Length", "-1"}},
      {{"Content-Length", "5x"}},
      {{"Content-Length", ""}},
      {{"Content-Length", "0x10"}},
  };
  for (const Fields& f : bad) {
    auto r = CheckFraming("POST", f, kMax);
    ASSERT_TRUE(r.has_value()) << f[0].first << ": " << f[0].second;
    EXPECT_EQ(r->status, 400);
    EXPECT_EQ(nlohmann::json::parse(r->body)["error"]["code"], "bad_request");
  }
}

TEST(CheckFraming, RefusesABodyOnMethodsThatHaveNone) {
  EXPECT_EQ(Status("GET", {{"Content-Length", "36"}}), 400);
  EXPECT_EQ(Status("HEAD", {{"Transfer-Encoding", "chunked"}}), 400);
  EXPECT_EQ(Status("OPTIONS", {{"Content-Length", "1"}}), 400);
  EXPECT_EQ(Status("DELETE", {{"Content-Length", "1"}}), 0);
}

TEST(CheckFraming, AsksForALengthRatherThanReadingToTheEnd) {
  EXPECT_EQ(Status("POST", {}), 411);
  EXPECT_EQ(Status("DELETE", {{"Host", "x"}}), 411);
  EXPECT_EQ(ErrorCodeOf(CheckFraming("PUT", {}, kMax)), "length_required");
  EXPECT_EQ(Status("GET", {}), 0);
}

TEST(CheckFraming, RefusesTooLargeWith413BeforeReading) {
  EXPECT_EQ(Status("POST", {{"Content-Length", "1001"}}), 413);
  EXPECT_EQ(Status("POST", {{"Content-Length", "99999999999999999999999"}}), 413);
  EXPECT_EQ(Status("GET", {{"Content-Length", "99999999999999999999999"}}), 400);
}

TEST(PhaseDeadline, ExtendedByBytesMovedAtTheMinimumRate) {
  Clock::time_point t0{};
  auto base = std::chrono::milliseconds(2000);
  EXPECT_EQ(PhaseDeadline(t0, base, 0, 1000), t0 + base);
  EXPECT_EQ(PhaseDeadline(t0, base, 500, 1000), t0 + base + std::chrono::milliseconds(500));
  EXPECT_EQ(PhaseDeadline(t0, base, 5000, 1000), t0 + base + std::chrono::seconds(5));
  EXPECT_EQ(PhaseDeadline(t0, base, 5000, 0), t0 + base);
}

TEST(ConnectionTable, EvictsTheLongestWaitingIdleOrHeaderConnection) {
  std::vector<int> evicted;
  ConnectionTable t(3, [&](int fd) { evicted.push_back(fd); });
  Clock::time_point t0{};
  auto at = [&](int s) { return t0 + std::chrono::seconds(s); };
  uint64_t a = t.Admit(10, at(0));
  uint64_t b = t.Admit(11, at(1));
  uint64_t c = t.Admit(12, at(2));
  ASSERT_NE(a, 0u);
  ASSERT_NE(b, 0u);
  ASSERT_NE(c, 0u);
  EXPECT_EQ(t.live(), 3u);
  t.SetPhase(a, ConnPhase::kBusy, at(3));     // being answered: never evicted
  t.SetPhase(c, ConnPhase::kHeaders, at(4));  // b has waited longest
  uint64_t d = t.Admit(13, at(5));
  ASSERT_NE(d, 0u);
  EXPECT_EQ(evicted, std::vector<int>({11}));
  EXPECT_EQ(t.live(), 3u);
  t.Remove(b);  // its thread noticed and closed it
  uint64_t e = t.Admit(14, at(6));
  ASSERT_NE(e, 0u);
  EXPECT_EQ(evicted, std::vector<int>({11, 12}));
  EXPECT_EQ(t.evictions(), 2u);
}

TEST(ConnectionTable, EvictsABodyReaderOnlyWhenNoPeerIsWaiting) {
  std::vector<int> evicted;
  ConnectionTable t(3, [&](int fd) { evicted.push_back(fd); });
  Clock::time_point t0{};
  auto at = [&](int s) { return t0 + std::chrono::seconds(s); };
  uint64_t a = t.Admit(1, at(0));
  uint64_t b = t.Admit(2, at(0));
  uint64_t c = t.Admit(3, at(0));
  t.SetPhase(a, ConnPhase::kBody, at(1));  // the longest body
  t.SetPhase(b, ConnPhase::kBody, at(2));
  t.SetPhase(c, ConnPhase::kHeaders, at(3));
  uint64_t d = t.Admit(4, at(4));
  ASSERT_NE(d, 0u);
  EXPECT_EQ(evicted, std::vector<int>({3})) << "the header reader goes first, though newer";
  t.Remove(c);
  t.SetPhase(d, ConnPhase::kBusy, at(5));
  uint64_t e = t.Admit(5, at(6));
  ASSERT_NE(e, 0u);
  EXPECT_EQ(evicted, std::vector<int>({3, 1})) << "then the longest body";
  EXPECT_EQ(t.live(), 3u);
  // A peer slow to read its answer is evicted like a slow body.
  t.Remove(a);
  t.SetPhase(b, ConnPhase::kBusy, at(7));
  t.SetPhase(e, ConnPhase::kBusy, at(7));
  t.SetPhase(d, ConnPhase::kWriting, at(8));
  ASSERT_NE(t.Admit(6, at(9)), 0u);
  EXPECT_EQ(evicted, std::vector<int>({3, 1, 4}));
}

TEST(ConnectionTable, RefusesWhenEveryConnectionIsBeingAnswered) {
  std::vector<int> evicted;
  ConnectionTable t(2, [&](int fd) { evicted.push_back(fd); });
  Clock::time_point now{};
  uint64_t a = t.Admit(1, now);
  uint64_t b = t.Admit(2, now);
  t.SetPhase(a, ConnPhase::kBusy, now);
  t.SetPhase(b, ConnPhase::kBusy, now);
  EXPECT_EQ(t.Admit(3, now), 0u);
  EXPECT_TRUE(evicted.empty());
  t.Remove(a);
  EXPECT_NE(t.Admit(3, now), 0u);
}

TEST(ConnectionTable, BoundsConnectionsStillClosingToOneMoreCapacity) {
  ConnectionTable t(2, [](int) {});
  Clock::time_point now{};
  int admitted = 0;
  for (int fd = 0; fd < 10; ++fd) admitted += t.Admit(fd, now) != 0;
  // Two live plus two evicted whose threads have not removed them yet.
  EXPECT_EQ(admitted, 4);
  EXPECT_EQ(t.live(), 2u);
}

TEST(ConnectionTable, WaitsForAnEvictedConnectionToGo) {
  ConnectionTable t(1, [](int) {});
  Clock::time_point now{};
  uint64_t a = t.Admit(1, now);
  ASSERT_NE(t.Admit(2, now), 0u);  // a evicted, still closing
  EXPECT_EQ(t.Admit(3, now, std::chrono::milliseconds(10)), 0u) << "nothing went";
  std::thread closer([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    t.Remove(a);
  });
  EXPECT_NE(t.Admit(3, now, std::chrono::seconds(10)), 0u);
  closer.join();
}

TEST(ConnectionTable, CloseEvictsEveryPhaseAndAdmitsNoMore) {
  std::vector<int> evicted;
  ConnectionTable t(4, [&](int fd) { evicted.push_back(fd); });
  Clock::time_point now{};
  uint64_t a = t.Admit(1, now);
  t.Admit(2, now);
  t.SetPhase(a, ConnPhase::kBusy, now);
  t.Close();
  EXPECT_EQ(evicted.size(), 2u);
  EXPECT_EQ(t.live(), 0u);
  EXPECT_EQ(t.Admit(3, now), 0u);
}

TEST(ByteBudget, HoldsWhatBodiesReallyAllocate) {
  ByteBudget budget(1 << 20);
  {
    BudgetHold one(&budget);
    std::string body;
    ASSERT_TRUE(one.Cover(&body, 100, 1 << 20));
    EXPECT_GE(body.capacity(), 100u);
    EXPECT_EQ(budget.in_use(), one.held());
    body.append(100, 'x');
    // Growing in small steps holds the capacity the string has, doubling.
    for (int i = 0; i < 1000; ++i) {
      ASSERT_TRUE(one.Cover(&body, 500, 1 << 20));
      body.append(500, 'y');
      EXPECT_LE(body.size(), one.held());
      EXPECT_LE(body.capacity(), one.held() + 64);  // the allocator may round up a little
    }
    EXPECT_LE(one.held(), 1u << 20);
    BudgetHold two(&budget);
    std::string other;
    EXPECT_FALSE(two.Cover(&other, 600 << 10, 1 << 20)) << "over the limit with the first";
    EXPECT_TRUE(other.empty());
    EXPECT_EQ(two.held(), 0u);
  }
  EXPECT_EQ(budget.in_use(), 0u) << "every hold gives its bytes back";
  BudgetHold three(&budget);
  std::string body;
  EXPECT_TRUE(three.Cover(&body, 600 << 10, 1 << 20));
}

TEST(ByteBudget, NeverGoesOverItsLimit) {
  ByteBudget budget(100);
  EXPECT_TRUE(budget.TryAcquire(60));
  EXPECT_FALSE(budget.TryAcquire(41));
  EXPECT_TRUE(budget.TryAcquire(40));
  EXPECT_FALSE(budget.TryAcquire(1));
  budget.Release(100);
  EXPECT_EQ(budget.in_use(), 0u);
  budget.Release(5);  // more than held: stays at zero
  EXPECT_EQ(budget.in_use(), 0u);
}

}  // namespace
}  // namespace extortrace::server
