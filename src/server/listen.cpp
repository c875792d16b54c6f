#include "server/listen.h"

#include <cstdlib>

namespace extortrace::server {

std::optional<ListenAddress> ParseListenAddress(std::string_view s) {
  size_t colon = s.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  ListenAddress a;
  a.host = std::string(s.substr(0, colon));
  if (a.host.size() >= 2 && a.host.front() == '[' && a.host.back() == ']') {
    a.host = a.host.substr(1, a.host.size() - 2);
  }
  std::string port(s.substr(colon + 1));
  char* end = nullptr;
  long p = std::strtol(port.c_str(), &end, 10);
  if (*end != '\0' || p < 0 || p > 65535 || a.host.empty()) return std::nullopt;
  a.port = static_cast<int>(p);
  return a;
}

bool IsLoopbackHost(std::string_view host) {
  return host == "localhost" || IsLoopbackAddress(host);
}

Response HttpLayerError(int status) {
  if (status == 413) return BodyReadError(413);
  if (status == 400) return ErrorResponse(400, "bad_request", "malformed HTTP request");
  if (status == 414) return ErrorResponse(414, "uri_too_long", "request line too long");
  return ErrorResponse(status, "http_error", "HTTP error " + std::to_string(status));
}

Response BodyReadError(int status) {
  switch (status) {
    case 413:
      return ErrorResponse(413, "payload_too_large",
                           "request body exceeds the server's --max-body");
    case 408:
      return ErrorResponse(408, "request_timeout",
                           "the request body did not arrive within the server's --body-timeout");
    case 503: {
      Response r = ErrorResponse(
          503, "busy", "too many request bytes in flight (--max-inflight); retry shortly");
      r.headers.emplace_back("Retry-After", "1");
      return r;
    }
    default:
      return ErrorResponse(400, "bad_request", "could not read the request body");
  }
}

}  // namespace extortrace::server
