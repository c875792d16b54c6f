// extortrace serve : the HTTP API and dashboard (server/handler.h) on
// cpp-httplib. This file only moves bytes between sockets and the handler.
#include <httplib.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <thread>

#include "commands.h"
#include "core/json_writer.h"
#include "core/log.h"
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
  unsigned threads = 0;
  size_t max_body = size_t{25} << 20;
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

  // Signals are taken by one thread with sigwait, so that the handler threads
  // (which inherit this mask) never run in a signal context.
  sigset_t sigs;
  sigemptyset(&sigs);
  sigaddset(&sigs, SIGINT);
  sigaddset(&sigs, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &sigs, nullptr);
  signal(SIGPIPE, SIG_IGN);

  unsigned threads = args.threads
                         ? args.threads
                         : std::max(64u, 16 * std::max(1u, std::thread::hardware_concurrency()));
  httplib::Server svr;
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  svr.set_payload_max_length(args.max_body);
  svr.set_read_timeout(args.read_timeout, 0);
  svr.set_write_timeout(args.write_timeout, 0);
  svr.set_keep_alive_max_count(100000);
  svr.set_keep_alive_timeout(5);
  // httplib writes headers and body in separate send() calls; with Nagle on,
  // the body waits for the client's delayed ACK (40 ms on Linux) on every
  // keep-alive request.
  svr.set_tcp_nodelay(true);
  // httplib's default sets SO_REUSEPORT, with which a second server on the
  // same port starts without complaint and takes half the connections.
  // SO_REUSEADDR alone still allows a quick restart over TIME_WAIT sockets.
  svr.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  svr.set_error_handler(JsonErrorForHttplib);
  auto dispatch = [&handler](const httplib::Request& req, httplib::Response& res) {
    FromResponse(handler.Handle(ToRequest(req, std::string())), &res);
  };
  const size_t max_body = args.max_body;
  auto dispatch_body = [&handler, max_body](const httplib::Request& req, httplib::Response& res,
                                            const httplib::ContentReader& read) {
    std::string body;
    if (int status = ReadBody(req, res, read, max_body, &body)) {
      FromResponse(server::BodyReadError(status), &res);
      return;
    }
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
  std::fprintf(stderr, "extortrace: serving http://%s:%d/ (%u threads, store: %s, token: %s)\n",
               host.c_str(), port, threads, args.db.empty() ? "none" : "yes",
               args.token.empty() ? "none (loopback only)" : "required off loopback");
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
  sub->add_option(
      "--threads", args->threads,
      "Connection threads: each keep-alive client holds one while connected (default: max(64, 16 x cores))");
  sub->add_option("--max-body", args->max_body, "Largest request body in bytes (default 25 MB)");
  sub->add_option("--read-timeout", args->read_timeout, "Seconds to read a request (default 10)");
  sub->add_option("--write-timeout", args->write_timeout,
                  "Seconds to write a response (default 10)");
  sub->add_option("--scan-workers", args->scan_workers,
                  "Threads that scan messages (default: one per core)");
  sub->add_option("--scan-timeout", args->scan_timeout_ms,
                  "Milliseconds one scan may take (default 10000; 0: no limit)");
  sub->add_flag("--no-qr", args->no_qr, "Do not decode QR codes in images");
  return {sub, [args] { return RunServe(*args); }};
}

}  // namespace extortrace::cli
