// The parts of `extortrace serve` that do not need the HTTP library: the
// listen address and the JSON errors for failures the HTTP layer detects
// before a request reaches the Handler. Pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/handler.h"

namespace extortrace::server {

struct ListenAddress {
  std::string host;  // without the brackets of "[::1]"
  int port = 0;      // 0: any free port
};

// "HOST:PORT" or "[IPv6]:PORT" (port 0-65535, host not empty); nullopt if not.
std::optional<ListenAddress> ParseListenAddress(std::string_view s);

// True for "localhost" and the addresses IsLoopbackAddress accepts.
bool IsLoopbackHost(std::string_view host);

// The JSON error (ErrorResponse) for a status the HTTP layer set itself:
// 413 payload_too_large, 400 bad_request, 414 uri_too_long, else http_error.
Response HttpLayerError(int status);

// The JSON error for a request body that could not be read: 413 when it
// exceeded --max-body, 408 when it came too slowly, 503 "busy" (with
// Retry-After) when the bytes in flight were at their limit, else 400.
Response BodyReadError(int status);

}  // namespace extortrace::server
