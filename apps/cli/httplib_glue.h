// Between cpp-httplib and the library's server::Handler: requests and
// responses converted both ways, request bodies read as raw bytes, and the
// connection layer that keeps `extortrace serve` answering hostile peers
// (GuardedServer). Used by `extortrace serve`; the handler itself knows
// nothing of httplib.
#pragma once

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>

#include "server/handler.h"
#include "server/http_bounds.h"

namespace extortrace::cli {

// The handler's request for `in`, with header names lowercased and `body`.
server::Request ToRequest(const httplib::Request& in, std::string body);
void FromResponse(const server::Response& in, httplib::Response* out);

// httplib's error handler: errors httplib produces itself (413 for an
// oversized Content-Length, 400 for a malformed request line) get the same
// JSON shape as the handler's (server::HttpLayerError).
void JsonErrorForHttplib(const httplib::Request& req, httplib::Response& res);

// The refusal of a request on its headers alone, before any body is read:
// bad framing (server::CheckFraming: 400, 413) or a missing token
// (Handler::Authorize: 401). nullopt: read on.
std::optional<server::Response> ScreenRequest(const httplib::Request& req,
                                              const server::Handler& handler, size_t max_body);

// Reads a request body as raw bytes whatever its Content-Type says. httplib
// would parse application/x-www-form-urlencoded (what `curl --data-binary`
// sends unless told otherwise) as a form and refuse it above 8 KB; mail is
// never a form. A multipart/form-data upload (`curl -F msg=@file.eml`) gives
// its first part. The body's memory is held in `hold` (released by its
// owner after the response). Returns the HTTP status of a failure, or 0:
// 413 past max_body, 503 when `hold`'s budget is spent, 408 past the
// connection's body deadline, 400 otherwise.
int ReadBody(const httplib::Request& req, const httplib::Response& res,
             const httplib::ContentReader& read, size_t max_body, server::BudgetHold* hold,
             std::string* body);

// httplib::Server with its connection handling replaced (decision 0017).
// httplib still parses requests, routes them and writes responses
// (Server::process_request); this class owns the sockets:
//   - accept runs on httplib's listening thread, which admits each new
//     socket into a server::ConnectionTable (cap; eviction of the connection
//     that has waited longest for its peer, 503 when all are being answered)
//     and gives it a thread of its own;
//   - each connection's stream enforces the idle, header, body and write
//     deadlines of server::HttpBounds on every read and write;
//   - a response that refused a request before its body was read closes the
//     connection (CloseAfterResponse), draining what the peer still sends
//     for at most a second so that it reads the answer.
// Thread-safety: as httplib::Server. stop() ends every connection;
// listen_after_bind() returns once their threads have finished.
class GuardedServer : public httplib::Server {
 public:
  explicit GuardedServer(server::HttpBounds bounds);
  ~GuardedServer() override;

  // After bind_to_port: httplib listens with a backlog of 5, which drops
  // the SYNs of a legitimate client behind a burst of connections.
  void RaiseBacklog();

  // For handlers running on a connection's thread: the current request is
  // answered and its connection then closed (its body was not read, or not
  // all of it).
  static void CloseAfterResponse();
  // For handlers: the current request has been read and is being answered;
  // from now on its connection is not evicted to make room for others.
  static void Answering();
  // True when the current request's read failed on a deadline.
  static bool TimedOut();

  const server::ConnectionTable& connections() const { return table_; }

 private:
  class Stream;
  class InlineQueue;

  bool process_and_close_socket(socket_t sock) override;
  void Serve(int fd, uint64_t id);
  void StopConnections();

  static thread_local Stream* current_;  // the connection this thread serves

  const server::HttpBounds bounds_;
  server::ConnectionTable table_;
  std::mutex threads_mu_;
  std::condition_variable threads_cv_;
  int threads_ = 0;
};

}  // namespace extortrace::cli
