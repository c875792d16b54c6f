// The limits of `extortrace serve`'s connection layer that need no sockets:
// the request framing check, the table of open connections (cap and
// eviction), the deadline of each phase of a request, and the budget of
// request-body bytes in flight. apps/cli/httplib_glue.cpp applies them to
// real sockets; decision 0017 says why they sit around cpp-httplib.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "server/handler.h"

namespace extortrace::server {

using Clock = std::chrono::steady_clock;

// Every bound of the connection layer (docs/architecture.md "Bounds").
struct HttpBounds {
  // Connections served at once; each has its own thread. At the cap, a new
  // connection ends one that is still waiting for its peer (ConnectionTable);
  // if every connection is being answered, it gets 503.
  int max_connections = 256;
  // Above this many connections, a response closes its connection instead
  // of keeping it alive.
  int keep_alive_above() const { return max_connections * 3 / 4; }
  // The request line and headers together; past it the connection closes.
  // (httplib itself bounds neither a line's length nor the number of fields.)
  size_t max_header_bytes = 64 << 10;
  // Bytes of a body on the wire, chunk framing and trailers included (the
  // decoded body is held to --max-body by the reader); 0: no limit. Also
  // bounds how far the body deadline can be extended.
  size_t max_body_wire_bytes = 0;
  // A chunk-size or trailer line (httplib bounds neither its length nor
  // the number of trailers).
  size_t max_chunk_line = 8 << 10;
  std::chrono::milliseconds idle_timeout{5000};     // for a request's first byte
  std::chrono::milliseconds header_timeout{10000};  // first byte to end of headers
  std::chrono::milliseconds body_timeout{30000};    // end of headers to end of body,
  std::chrono::milliseconds write_timeout{10000};   // first to last byte of a response,
  size_t min_rate = 64 << 10;  // ... both plus one second per min_rate bytes moved
  std::chrono::milliseconds read_timeout{10000};  // longest silence within a request
  size_t max_requests_per_connection = 10000;
  // Request-body bytes held by all requests at once, from the first byte
  // read until the response is written (0: 4 x max_body).
  size_t max_inflight_bytes = 0;
};

// What each connection is doing, in the order they are evicted: kIdle and
// kHeaders first, then kBody and kWriting; never kBusy.
enum class ConnPhase {
  kIdle,     // waiting for a request's first byte
  kHeaders,  // reading a request line and headers
  kBody,     // reading a request body
  kBusy,     // the request is being answered
  kWriting,  // the answer is being sent
};

// The deadline of a phase that began at `start`, lasts `base`, and is
// extended by one second per `min_rate` bytes moved so far (a slow but
// steady client keeps going; a trickle does not).
Clock::time_point PhaseDeadline(Clock::time_point start, std::chrono::milliseconds base,
                                uint64_t bytes, size_t min_rate);

// RFC 9112 §6: a request's body must be delimited one way only. Returns the
// error response for a request that cannot be read safely, else nullopt:
// 400 for Content-Length and Transfer-Encoding together, two different
// Content-Length values (also "5, 6" in one field), a Content-Length that
// is not a decimal number, a Transfer-Encoding other than one "chunked", or
// a body on GET/HEAD/OPTIONS; 413 for a Content-Length above max_body; 411
// for a POST, PUT, PATCH or DELETE with neither header.
// `headers`: every field of the request as received, names in any case.
std::optional<Response> CheckFraming(
    std::string_view method, const std::vector<std::pair<std::string, std::string>>& headers,
    size_t max_body);

// The open connections. Thread-safe.
class ConnectionTable {
 public:
  // `evict(fd)` is called with the table's lock held, on a connection that
  // must end; it should shut the socket down (not close it): the fd stays
  // valid until its owner calls Remove, so it can never be another socket.
  ConnectionTable(size_t capacity, std::function<void(int fd)> evict);

  // Registers `fd` as kIdle and returns its id (never 0). When the table is
  // full, first evicts the kIdle or kHeaders connection that has been in its
  // phase longest, or else the kBody or kWriting one in its phase longest.
  // Returns 0 (not registered) when every connection is kBusy, or while the
  // table is closed. Evicted connections count until removed, up to a second
  // capacity: past that Admit waits up to `wait` for one to go (the caller,
  // the accept loop, slows to the pace at which evicted connections close)
  // and returns 0 if none does.
  uint64_t Admit(int fd, Clock::time_point now,
                 std::chrono::milliseconds wait = std::chrono::milliseconds(0));
  void SetPhase(uint64_t id, ConnPhase phase, Clock::time_point now);
  // Before its owner closes the fd.
  void Remove(uint64_t id);
  // Evicts every connection (any phase) and admits none from now on.
  void Close();

  size_t live() const;  // registered and not evicted
  size_t evictions() const;

 private:
  struct Entry {
    int fd;
    ConnPhase phase;
    Clock::time_point since;
    bool evicted;
  };
  void EvictLocked(Entry* e);

  const size_t capacity_;
  std::function<void(int)> evict_;
  mutable std::mutex mu_;
  std::condition_variable removed_cv_;
  std::unordered_map<uint64_t, Entry> entries_;
  size_t live_ = 0;
  size_t evictions_ = 0;
  uint64_t next_id_ = 1;
  bool closed_ = false;
};

// Bytes in flight across all requests. Thread-safe.
class ByteBudget {
 public:
  explicit ByteBudget(size_t limit) : limit_(limit) {}
  // Takes n bytes if they fit under the limit; never waits.
  bool TryAcquire(size_t n);
  void Release(size_t n);
  size_t in_use() const;
  size_t limit() const { return limit_; }

 private:
  const size_t limit_;
  mutable std::mutex mu_;
  size_t used_ = 0;
};

// What one request holds of a ByteBudget; gives it back when destroyed.
// Not thread-safe (one request, one thread).
class BudgetHold {
 public:
  explicit BudgetHold(ByteBudget* budget) : budget_(budget) {}
  ~BudgetHold() { budget_->Release(held_); }
  BudgetHold(const BudgetHold&) = delete;
  BudgetHold& operator=(const BudgetHold&) = delete;

  // Makes `body` able to take `more` bytes without reallocating, and holds
  // its capacity: grows it the way std::string would (doubling, up to
  // `max`). False, leaving `body` as it was, when the budget cannot cover it.
  bool Cover(std::string* body, size_t more, size_t max);
  size_t held() const { return held_; }

 private:
  ByteBudget* budget_;
  size_t held_ = 0;
};

}  // namespace extortrace::server
