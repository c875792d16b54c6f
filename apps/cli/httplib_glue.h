// Between cpp-httplib and the library's server::Handler: requests and
// responses converted both ways, and request bodies read as raw bytes. Used
// by `extortrace serve`; the handler itself knows nothing of httplib.
#pragma once

#include <httplib.h>

#include <cstddef>
#include <string>

#include "server/handler.h"

namespace extortrace::cli {

// The handler's request for `in`, with header names lowercased and `body`.
server::Request ToRequest(const httplib::Request& in, std::string body);
void FromResponse(const server::Response& in, httplib::Response* out);

// httplib's error handler: errors httplib produces itself (413 for an
// oversized Content-Length, 400 for a malformed request line) get the same
// JSON shape as the handler's (server::HttpLayerError).
void JsonErrorForHttplib(const httplib::Request& req, httplib::Response& res);

// Reads a request body as raw bytes whatever its Content-Type says. httplib
// would parse application/x-www-form-urlencoded (what `curl --data-binary`
// sends unless told otherwise) as a form and refuse it above 8 KB; mail is
// never a form. A multipart/form-data upload (`curl -F msg=@file.eml`) gives
// its first part. Returns the HTTP status of a failure, or 0.
int ReadBody(const httplib::Request& req, const httplib::Response& res,
             const httplib::ContentReader& read, size_t max_body, std::string* body);

}  // namespace extortrace::cli
