// The HTTP API as a pure function: Request in, Response out, no sockets. The
// socket layer (apps/cli/cmd_serve.cpp, cpp-httplib) only copies bytes in
// and out, so everything here can be unit tested and fuzzed
// (fuzz/server_request_fuzz.cpp).
//
// Routes (docs/live.md):
//   POST /v1/scan                 raw RFC 822 body -> the scan record (docs/scan-record.md)
//   GET  /v1/campaigns            campaigns with statistics          (needs a store)
//   GET  /v1/campaigns/:label     one campaign, with its messages    (needs a store)
//   GET  /v1/wallets/:address     messages and campaigns naming it   (needs a store)
//   GET  /v1/explain?sha256=&lang=  explanation of a recent scan (JSON; &format=text)
//   POST /v1/explain?lang=        scan a raw body and explain it (not stored)
//   GET  /v1/recent?limit=        recent verdicts (memory)
//   GET  /                        dashboard (HTML); GET /explain/:sha256 its explain view
//   GET  /healthz                 "ok"
//
// Every error is JSON {"error":{"code":"...","message":"..."}} with a
// matching status. Authentication: when a token is configured, requests
// from a non-loopback peer (or every request, with require_token_always)
// must carry "Authorization: Bearer <token>"; without a configured token,
// non-loopback peers are refused.
//
// Thread-safety: Handle() is const and may run on many threads at once.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/service.h"

namespace extortrace::server {

struct Request {
  std::string method;  // "GET", "POST", ...
  std::string path;    // without the query string, percent-decoded
  std::map<std::string, std::string> query;
  std::map<std::string, std::string> headers;  // names lowercased
  std::string body;
  bool peer_is_loopback = true;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;
};

struct HandlerOptions {
  std::string token;                  // empty: no token (loopback only)
  bool require_token_always = false;  // also for loopback peers
  size_t max_body = size_t{25} << 20;
};

class Handler {
 public:
  // `service` must outlive the handler.
  Handler(ScanService* service, HandlerOptions options);

  Response Handle(const Request& req) const;

  // The 401 for a request whose peer must show the token and does not;
  // nullopt when it may go on. Reads only the headers and the peer, so the
  // socket layer calls it before reading a body (Handle calls it too).
  std::optional<Response> Authorize(const Request& req) const;

 private:
  Response Route(const Request& req) const;
  Response Scan(const Request& req) const;
  Response Campaigns() const;
  Response Campaign(const std::string& label) const;
  Response Wallet(const std::string& address) const;
  Response ExplainRecent(const Request& req) const;
  Response ExplainBody(const Request& req) const;
  Response RecentJson(const Request& req) const;
  Response Dashboard() const;
  Response ExplainPage(const std::string& sha256, const Request& req) const;

  ScanService* service_;
  HandlerOptions options_;
};

// {"error":{"code":...,"message":...}} with the given status.
Response ErrorResponse(int status, std::string_view code, std::string_view message);

// True for 127.0.0.0/8, ::1 and ::ffff:127.x.y.z.
bool IsLoopbackAddress(std::string_view ip);

// Splits "a=1&b=%20x" into decoded pairs (last one wins); '+' is a space.
std::map<std::string, std::string> ParseQuery(std::string_view q);
std::string PercentDecode(std::string_view s);

}  // namespace extortrace::server
