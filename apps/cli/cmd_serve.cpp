// extortrace serve : the HTTP API and dashboard (server/handler.h) on
// cpp-httplib, with our own connection layer (GuardedServer, decision 0017).
// This file only wires options, sockets and the handler together.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "commands.h"
#include "core/json_writer.h"
#include "core/log.h"
#include "detect/matcher.h"
#include "httplib_glue.h"
#include "server/handler.h"
#include "server/listen.h"
#include "store_url.h"

namespace extortrace::cli {
namespace {

struct ServeArgs {
  std::string listen = "127.0.0.1:8025";
  std::string token;
  bool require_token = false;
  std::string db;
  int max_connections = 256;
  size_t max_body = size_t{25} << 20;
  size_t max_inflight = 0;  // 0: 4 x max_body
  int idle_timeout = 5;
  int header_timeout = 10;
  int body_timeout = 30;
  int read_timeout = 10;
  int write_timeout = 10;
  int scan_timeout_ms = 10000;
  int scan_workers = 0;
  bool no_qr = false;
};

int RunServe(ServeArgs args) {
  std::optional<server::ListenAddress> where = server::ParseListenAddress(args.listen);
  if (!where) {
    std::fprintf(stderr, "extortrace: --listen wants HOST:PORT, got %s\n", args.listen.c_str());
    return kExitUsage;
  }
  const std::string host = where->host;
  int port = where->port;
  if (args.token.empty()) {
    if (const char* env = std::getenv("EXTORTRACE_TOKEN")) args.token = env;
  }
  if (!server::IsLoopbackHost(host) && args.token.empty()) {
    std::fprintf(stderr,
                 "extortrace: refusing to listen on %s without a token: set --token or "
                 "EXTORTRACE_TOKEN (requests from other machines must carry it)\n",
                 host.c_str());
    return kExitUsage;
  }
  if (args.require_token && args.token.empty()) {
    std::fprintf(stderr, "extortrace: --require-token needs --token or EXTORTRACE_TOKEN\n");
    return kExitUsage;
  }
  if (args.max_connections < 1 || args.max_connections > 65536 || args.idle_timeout < 1 ||
      args.header_timeout < 1 || args.body_timeout < 1 || args.read_timeout < 1 ||
      args.write_timeout < 1) {
    std::fprintf(stderr,
                 "extortrace: --max-connections must be 1..65536 and the timeouts at least 1\n");
    return kExitUsage;
  }
  // Signals are taken by one thread with sigwait, so that no other thread
  // runs in a signal context. The mask is set before the scan pool starts:
  // every thread inherits it, and one without it would let SIGTERM kill the
  // process instead of stopping the server.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  signal(SIGPIPE, SIG_IGN);

  args.db = StoreUrl(args.db, StoreNeed::kOptional);
  server::ServiceOptions so;
  so.db_url = args.db;
  so.engine.decode_qr = !args.no_qr;
  so.scan_timeout = std::chrono::milliseconds(args.scan_timeout_ms);
  so.scan_workers = args.scan_workers;
  auto service = server::ScanService::Create(so);
  if (!service) {
    std::fprintf(stderr, "extortrace: %s: cannot open the store: %s\n", args.db.c_str(),
                 service.error().ToString().c_str());
    return kExitInputError;
  }
  server::HandlerOptions ho;
  ho.token = args.token;
  ho.require_token_always = args.require_token;
  ho.max_body = args.max_body;
  server::Handler handler(service->get(), ho);

  server::HttpBounds bounds;
  bounds.max_connections = args.max_connections;
  bounds.idle_timeout = std::chrono::seconds(args.idle_timeout);
  bounds.header_timeout = std::chrono::seconds(args.header_timeout);
  bounds.body_timeout = std::chrono::seconds(args.body_timeout);
  bounds.read_timeout = std::chrono::seconds(args.read_timeout);
  bounds.write_timeout = std::chrono::seconds(args.write_timeout);
  bounds.max_inflight_bytes = args.max_inflight ? args.max_inflight : 4 * args.max_body;
  // Chunk framing may double a body of small chunks; more is not a body.
  bounds.max_body_wire_bytes = 2 * args.max_body + (64 << 10);
  server::ByteBudget budget(std::max(bounds.max_inflight_bytes, args.max_body));

  GuardedServer svr(bounds);
  svr.set_payload_max_length(args.max_body);
  // httplib's default sets SO_REUSEPORT, with which a second server on the
  // same port starts without complaint and takes half the connections.
  // SO_REUSEADDR alone still allows a quick restart over TIME_WAIT sockets.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  svr.set_error_handler(JsonErrorForHttplib);
  const size_t max_body = args.max_body;
  // Token and framing are checked on the headers, before any body is read;
  // a refused request is answered and its connection closed (its body is
  // never read). Returns the refusal's status, or 0.
  auto screen = [&handler, max_body](const httplib::Request& req, httplib::Response& res) {
    auto refused = ScreenRequest(req, handler, max_body);
    if (!refused) return 0;
    GuardedServer::CloseAfterResponse();
    FromResponse(*refused, &res);
    return refused->status;
  };
  svr.set_pre_routing_handler([screen](const httplib::Request& req, httplib::Response& res) {
    return screen(req, res) ? httplib::Server::HandlerResponse::Handled
                            : httplib::Server::HandlerResponse::Unhandled;
  });
  // A client that asks before sending its body ("Expect: 100-continue", as
  // curl does for large ones) hears the same refusal instead of "continue".
  svr.set_expect_100_continue_handler(
      [screen](const httplib::Request& req, httplib::Response& res) {
        int status = screen(req, res);
        return status ? status : 100;
      });
  auto dispatch = [&handler](const httplib::Request& req, httplib::Response& res) {
    GuardedServer::Answering();
    FromResponse(handler.Handle(ToRequest(req, std::string())), &res);
  };
  // The body's bytes count against --max-inflight from the first one read
  // until the handler has answered (the scan included).
  auto dispatch_body = [&handler, &budget, max_body](const httplib::Request& req,
                                                     httplib::Response& res,
                                                     const httplib::ContentReader& read) {
    server::BudgetHold hold(&budget);
    std::string body;
    if (int status = ReadBody(req, res, read, max_body, &hold, &body)) {
      GuardedServer::CloseAfterResponse();
      FromResponse(server::BodyReadError(status), &res);
      return;
    }
    GuardedServer::Answering();
    FromResponse(handler.Handle(ToRequest(req, std::move(body))), &res);
  };
  svr.Get(R"(/.*)", dispatch);
  svr.Options(R"(/.*)", dispatch);
  svr.Post(R"(/.*)", dispatch_body);
  svr.Put(R"(/.*)", dispatch_body);
  svr.Patch(R"(/.*)", dispatch_body);
  svr.Delete(R"(/.*)", dispatch_body);
  if (port == 0) {
    port = svr.bind_to_any_port(host);
  } else if (!svr.bind_to_port(host, port)) {
    port = -1;
  }
  if (port <= 0) {
    std::fprintf(stderr, "extortrace: cannot listen on %s: address in use or not available\n",
                 args.listen.c_str());
    return kExitInputError;
  }
  svr.RaiseBacklog();
  std::fprintf(stderr,
               "extortrace: serving http://%s:%d/ (up to %d connections, %zu MB of bodies in "
               "flight, store: %s, token: %s)\n",
               host.c_str(), port, bounds.max_connections, budget.limit() >> 20,
               args.db.empty() ? "none" : "yes",
               args.token.empty()   ? "none (loopback only)"
               : args.require_token ? "required"
                                    : "required off loopback");
  // The detector's patterns compile on first use; a server compiles them all
  // now, beside the listening socket, so that no request waits for them.
  std::thread warm(detect::CompileAll);
  std::thread stopper([&svr, sigs] {
    int sig = 0;
    sigwait(&sigs, &sig);
    svr.stop();
  });
  bool ok = svr.listen_after_bind();
  if (stopper.joinable()) {
    pthread_kill(stopper.native_handle(), SIGTERM);  // wake it if still waiting
    stopper.join();
  }
  warm.join();
  return ok ? kExitOk : kExitInternal;
}

}  // namespace

Command RegisterServe(CLI::App& app) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* sub = app.add_subcommand("serve", "HTTP API and dashboard (POST /v1/scan, GET /)");
  sub->add_option("--listen", args->listen, "HOST:PORT (default 127.0.0.1:8025; port 0: any)");
  sub->add_option("--token", args->token,
                  "Bearer token required from non-loopback peers (default: $EXTORTRACE_TOKEN)");
  sub->add_flag("--require-token", args->require_token, "Require the token from loopback too");
  sub->add_option("--db", args->db,
                  "Store (SQLite file or postgresql:// URL; default $EXTORTRACE_DB)");
  sub->add_option("--max-connections,--threads", args->max_connections,
                  "Connections served at once, one thread each; at the cap a new one ends the "
                  "longest-idle (default 256)");
  sub->add_option("--max-body", args->max_body, "Largest request body in bytes (default 25 MB)");
  sub->add_option("--max-inflight", args->max_inflight,
                  "Request-body bytes held at once by all requests, scans included; past it "
                  "503 busy (default 4 x --max-body)");
  sub->add_option("--idle-timeout", args->idle_timeout,
                  "Seconds a connection may wait to start a request (default 5)");
  sub->add_option("--header-timeout", args->header_timeout,
                  "Seconds from a request's first byte to the end of its headers (default 10)");
  sub->add_option("--body-timeout", args->body_timeout,
                  "Seconds to read a body, plus 1 per 64 KB received (default 30)");
  sub->add_option("--read-timeout", args->read_timeout,
                  "Longest silence within a request, in seconds (default 10)");
  sub->add_option("--write-timeout", args->write_timeout,
                  "Seconds to write a response, plus 1 per 64 KB sent (default 10)");
  sub->add_option("--scan-workers", args->scan_workers,
                  "Threads that scan messages (default: one per core)");
  sub->add_option("--scan-timeout", args->scan_timeout_ms,
                  "Milliseconds one scan may take (default 10000; 0: no limit)");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  return {sub, [args] { return RunServe(*args); }};
}

}  // namespace extortrace::cli
