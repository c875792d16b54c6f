#include "httplib_glue.h"

#include <netdb.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

#include "server/listen.h"

namespace extortrace::cli {

server::Request ToRequest(const httplib::Request& in, std::string body) {
  server::Request r;
  r.method = in.method;
  r.path = in.path;  // already percent-decoded by httplib
  for (const auto& [k, v] : in.params) r.query[k] = v;
  for (const auto& [k, v] : in.headers) {
    std::string name = k;
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    r.headers[name] = v;
  }
  r.body = std::move(body);
  r.peer_is_loopback = server::IsLoopbackAddress(in.remote_addr);
  return r;
}

void FromResponse(const server::Response& in, httplib::Response* out) {
  out->status = in.status;
  for (const auto& [k, v] : in.headers) out->set_header(k, v);
  out->set_content(in.body, in.content_type.c_str());
}

void JsonErrorForHttplib(const httplib::Request& /*req*/, httplib::Response& res) {
  if (!res.body.empty()) return;
  server::Response e = server::HttpLayerError(res.status);
  res.set_content(e.body, e.content_type.c_str());
}

std::optional<server::Response> ScreenRequest(const httplib::Request& req,
                                              const server::Handler& handler, size_t max_body) {
  if (auto refused = handler.Authorize(ToRequest(req, std::string()))) return refused;
  std::vector<std::pair<std::string, std::string>> fields(req.headers.begin(), req.headers.end());
  return server::CheckFraming(req.method, fields, max_body);
}

int ReadBody(const httplib::Request& req, const httplib::Response& res,
             const httplib::ContentReader& read, size_t max_body, server::BudgetHold* hold,
             std::string* body) {
  bool too_big = false;
  bool over_budget = false;
  auto append = [&](const char* data, size_t n) {
    if (n > max_body - body->size()) {
      too_big = true;
      return false;
    }
    if (!hold->Cover(body, n, max_body)) {
      over_budget = true;
      return false;
    }
    body->append(data, n);
    return true;
  };
  bool ok = false;
  if (req.is_multipart_form_data()) {
    int parts = 0;
    ok = read([&](const httplib::MultipartFormData&) { return ++parts > 0; },
              [&](const char* data, size_t n) { return parts != 1 || append(data, n); });
  } else {
    ok = read(append);
  }
  if (ok) return 0;
  if (too_big || res.status == 413) return 413;
  if (over_budget) return 503;
  if (GuardedServer::TimedOut()) return 408;
  return 400;
}

// ---- GuardedServer ----

namespace {

int Millis(server::Clock::duration d) {
  auto ms = std::chrono::ceil<std::chrono::milliseconds>(d).count();
  return static_cast<int>(std::clamp<int64_t>(ms, 0, 1 << 30));
}

void NumericName(const sockaddr_storage& a, socklen_t len, std::string* ip, int* port) {
  char host[NI_MAXHOST];
  char serv[NI_MAXSERV];
  if (getnameinfo(reinterpret_cast<const sockaddr*>(&a), len, host, sizeof(host), serv,
                  sizeof(serv), NI_NUMERICHOST | NI_NUMERICSERV) == 0) {
    *ip = host;
    *port = std::atoi(serv);
  }
}

// The answer to a connection that finds every slot being answered: written without
// waiting (the socket is new, its send buffer empty) on the accept thread.
void RefuseBusy(int fd) {
  static const std::string kBusy = [] {
    server::Response r = server::ErrorResponse(
        503, "busy", "the server is at its connection limit (--max-connections); retry shortly");
    return "HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
           "Content-Length: " +
           std::to_string(r.body.size()) + "\r\nRetry-After: 1\r\nConnection: close\r\n\r\n" +
           r.body;
  }();
  (void)::send(fd, kBusy.data(), kBusy.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
}

// After refusing a request whose body was not read: stop sending, then read
// and drop what the peer still sends for up to a second. Closing with unread
// bytes would make the kernel answer with a reset, which can destroy our
// response before the peer reads it.
void LingeringClose(int fd) {
  ::shutdown(fd, SHUT_WR);
  auto until = server::Clock::now() + std::chrono::seconds(1);
  std::array<char, 16384> sink;
  for (;;) {
    auto now = server::Clock::now();
    if (now >= until) return;
    pollfd p{fd, POLLIN, 0};
    int r = ::poll(&p, 1, Millis(until - now));
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return;
    ssize_t n = ::recv(fd, sink.data(), sink.size(), MSG_DONTWAIT);
    if (n == 0 || (n < 0 && errno != EINTR && errno != EAGAIN)) return;
  }
}

}  // namespace

// One connection's socket as httplib's Stream, with the deadlines of
// server::HttpBounds on every read and write.
class GuardedServer::Stream final : public httplib::Stream {
 public:
  Stream(int fd, const server::HttpBounds& bounds, server::ConnectionTable* table, uint64_t id)
      : fd_(fd), bounds_(bounds), table_(table), id_(id) {
    sockaddr_storage a{};
    socklen_t len = sizeof(a);
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
      NumericName(a, len, &remote_ip_, &remote_port_);
    }
    len = sizeof(a);
    if (getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len) == 0) {
      NumericName(a, len, &local_ip_, &local_port_);
    }
  }

  // Between requests: waiting for the first byte of the next one.
  void BeginIdle() {
    read_phase_ = server::ConnPhase::kIdle;
    read_start_ = server::Clock::now();
    body_bytes_ = 0;
    writing_ = false;
    close_requested_ = false;
    table_->SetPhase(id_, read_phase_, read_start_);
  }
  // True once the next request has begun (a byte is buffered); false when
  // the peer closed, the idle deadline passed or the connection was evicted.
  bool WaitForRequest() {
    if (off_ == len_) {
      if (!WaitFor(POLLIN)) return false;
      ssize_t n = Fill();
      if (n <= 0) return false;
    }
    read_phase_ = server::ConnPhase::kHeaders;
    read_start_ = server::Clock::now();
    head_bytes_ = 0;
    table_->SetPhase(id_, read_phase_, read_start_);
    return true;
  }
  // The headers are in (httplib's setup_request): the body deadline starts.
  void BeginBody() {
    read_phase_ = server::ConnPhase::kBody;
    read_start_ = server::Clock::now();
    body_bytes_ = 0;
    line_run_ = 0;
    table_->SetPhase(id_, read_phase_, read_start_);
  }

  // The request is being answered: its connection is no longer evictable.
  void BeginAnswer() { table_->SetPhase(id_, server::ConnPhase::kBusy, server::Clock::now()); }

  void RequestClose() { close_requested_ = true; }
  bool close_requested() const { return close_requested_; }
  bool timed_out() const { return timed_out_; }
  bool failed() const { return failed_; }

  bool is_readable() const override { return off_ < len_ || WaitFor(POLLIN); }
  bool is_writable() const override { return WaitFor(POLLOUT); }

  ssize_t read(char* ptr, size_t size) override {
    writing_ = false;  // a "100 Continue" was not the response: its deadline starts later
    if (off_ == len_) {
      if (!WaitFor(POLLIN)) return -1;
      ssize_t n = Fill();
      if (n <= 0) return n;
    }
    size_t n = std::min(size, len_ - off_);
    if (read_phase_ == server::ConnPhase::kHeaders) {
      // httplib reads the head a byte at a time, so this counts exactly it.
      if (head_bytes_ + n > bounds_.max_header_bytes) {
        failed_ = true;
        return -1;
      }
      head_bytes_ += n;
    }
    if (read_phase_ == server::ConnPhase::kBody) {
      if (bounds_.max_body_wire_bytes != 0 && body_bytes_ + n > bounds_.max_body_wire_bytes) {
        failed_ = true;
        return -1;
      }
      // httplib reads chunk-size and trailer lines a byte at a time and the
      // chunks' data in blocks: a long run of single bytes without a line
      // end is one endless framing line.
      if (n == 1 && buf_[off_] != '\n') {
        if (++line_run_ > bounds_.max_chunk_line) {
          failed_ = true;
          return -1;
        }
      } else {
        line_run_ = 0;
      }
      body_bytes_ += n;
    }
    std::memcpy(ptr, buf_.data() + off_, n);
    off_ += n;
    return static_cast<ssize_t>(n);
  }

  ssize_t write(const char* ptr, size_t size) override {
    for (;;) {
      if (!WaitFor(POLLOUT)) return -1;
      ssize_t n = ::send(fd_, ptr, size, MSG_DONTWAIT | MSG_NOSIGNAL);
      if (n >= 0) {
        written_ += static_cast<uint64_t>(n);
        return n;
      }
      if (errno != EINTR && errno != EAGAIN) {
        failed_ = true;
        return -1;
      }
    }
  }

  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = remote_ip_;
    port = remote_port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override {
    ip = local_ip_;
    port = local_port_;
  }
  socket_t socket() const override { return fd_; }

 private:
  server::Clock::time_point ReadDeadline() const {
    switch (read_phase_) {
      case server::ConnPhase::kIdle:
        return read_start_ + bounds_.idle_timeout;
      case server::ConnPhase::kHeaders:
        return read_start_ + bounds_.header_timeout;
      case server::ConnPhase::kBody:
      case server::ConnPhase::kBusy:
      case server::ConnPhase::kWriting:
        break;
    }
    return server::PhaseDeadline(read_start_, bounds_.body_timeout, body_bytes_, bounds_.min_rate);
  }

  // Waits until the socket is ready for `events`, at most until the phase's
  // deadline (and, for reads, read_timeout of silence).
  bool WaitFor(short events) const {
    const bool write = events == POLLOUT;
    if (write && !writing_) {
      writing_ = true;
      write_start_ = server::Clock::now();
      written_ = 0;
      table_->SetPhase(id_, server::ConnPhase::kWriting, write_start_);
    }
    for (;;) {
      auto now = server::Clock::now();
      auto deadline = write ? server::PhaseDeadline(write_start_, bounds_.write_timeout, written_,
                                                    bounds_.min_rate)
                            : ReadDeadline();
      if (now >= deadline) {
        timed_out_ = failed_ = true;
        return false;
      }
      auto until = write ? deadline : std::min(deadline, now + bounds_.read_timeout);
      pollfd p{fd_, events, 0};
      int r = ::poll(&p, 1, Millis(until - now));
      if (r > 0) return true;  // also on hang-up or error: recv/send report it
      if (r < 0 && errno == EINTR) continue;
      if (r == 0) timed_out_ = true;  // the deadline, or read_timeout of silence
      failed_ = true;
      return false;
    }
  }

  // One recv into the buffer (which is empty). 0: the peer closed.
  ssize_t Fill() {
    for (;;) {
      ssize_t n = ::recv(fd_, buf_.data(), buf_.size(), MSG_DONTWAIT);
      if (n > 0) {
        off_ = 0;
        len_ = static_cast<size_t>(n);
        return n;
      }
      if (n < 0 && errno == EINTR) continue;
      if (n < 0 && errno == EAGAIN) {
        if (WaitFor(POLLIN)) continue;
        return -1;
      }
      failed_ = true;
      return n;
    }
  }

  const int fd_;
  const server::HttpBounds& bounds_;
  server::ConnectionTable* table_;
  const uint64_t id_;
  std::string remote_ip_, local_ip_;
  int remote_port_ = 0, local_port_ = 0;

  server::ConnPhase read_phase_ = server::ConnPhase::kIdle;
  server::Clock::time_point read_start_;
  uint64_t body_bytes_ = 0;
  size_t head_bytes_ = 0;
  size_t line_run_ = 0;  // single-byte body reads since the last '\n'
  mutable bool writing_ = false;
  mutable server::Clock::time_point write_start_;
  mutable uint64_t written_ = 0;
  mutable bool timed_out_ = false;
  mutable bool failed_ = false;
  bool close_requested_ = false;

  std::array<char, 16384> buf_;
  size_t off_ = 0, len_ = 0;
};

// httplib hands each accepted socket to its task queue; this one runs the
// hand-over on the accept thread, where process_and_close_socket admits the
// socket and starts its thread without waiting for anything.
class GuardedServer::InlineQueue final : public httplib::TaskQueue {
 public:
  explicit InlineQueue(GuardedServer* server) : server_(server) {}
  void enqueue(std::function<void()> fn) override { fn(); }
  void shutdown() override { server_->StopConnections(); }

 private:
  GuardedServer* server_;
};

thread_local GuardedServer::Stream* GuardedServer::current_ = nullptr;

GuardedServer::GuardedServer(server::HttpBounds bounds)
    : bounds_(bounds), table_(static_cast<size_t>(std::max(1, bounds.max_connections)), [](int fd) {
        ::shutdown(fd, SHUT_RDWR);
      }) {
  new_task_queue = [this] { return new InlineQueue(this); };
}

GuardedServer::~GuardedServer() { StopConnections(); }

void GuardedServer::RaiseBacklog() {
  socket_t s = svr_sock_;
  if (s != INVALID_SOCKET) ::listen(s, SOMAXCONN);
}

void GuardedServer::CloseAfterResponse() {
  if (current_ != nullptr) current_->RequestClose();
}

void GuardedServer::Answering() {
  if (current_ != nullptr) current_->BeginAnswer();
}

bool GuardedServer::TimedOut() { return current_ != nullptr && current_->timed_out(); }

bool GuardedServer::process_and_close_socket(socket_t sock) {
  uint64_t id = table_.Admit(sock, server::Clock::now(), std::chrono::milliseconds(500));
  if (id == 0) {
    RefuseBusy(sock);
    return true;
  }
  {
    std::lock_guard lock(threads_mu_);
    ++threads_;
  }
  try {
    std::thread([this, sock, id] { Serve(sock, id); }).detach();
  } catch (const std::system_error&) {
    table_.Remove(id);
    RefuseBusy(sock);
    std::lock_guard lock(threads_mu_);
    --threads_;
    threads_cv_.notify_all();
  }
  return true;
}

void GuardedServer::Serve(int fd, uint64_t id) {
  // httplib writes headers and body in separate send() calls; with Nagle on,
  // the body waits for the client's delayed ACK (40 ms on Linux) on every
  // keep-alive request.
  int yes = 1;
  setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &yes, sizeof(yes));
  {
    Stream strm(fd, bounds_, &table_, id);
    current_ = &strm;
    const size_t crowded = static_cast<size_t>(bounds_.keep_alive_above());
    for (size_t n = 1;; ++n) {
      strm.BeginIdle();
      if (!strm.WaitForRequest()) break;
      bool last =
          n >= bounds_.max_requests_per_connection || table_.live() > crowded || !is_running();
      bool closed = false;
      bool ok =
          process_request(strm, last, closed, [&strm](httplib::Request&) { strm.BeginBody(); });
      // A read that failed or ran out of time leaves the connection
      // mid-request: nothing after it can be trusted to start a request.
      if (!ok || closed || last || strm.close_requested() || strm.failed()) break;
    }
    current_ = nullptr;
    if (strm.close_requested() && !strm.failed()) LingeringClose(fd);
  }
  table_.Remove(id);
  ::shutdown(fd, SHUT_RDWR);
  ::close(fd);
  std::lock_guard lock(threads_mu_);
  if (--threads_ == 0) threads_cv_.notify_all();
}

void GuardedServer::StopConnections() {
  table_.Close();
  std::unique_lock lock(threads_mu_);
  threads_cv_.wait(lock, [&] { return threads_ == 0; });
}

}  // namespace extortrace::cli
