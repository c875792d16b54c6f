#include "httplib_glue.h"

#include <algorithm>
#include <cctype>

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

int ReadBody(const httplib::Request& req, const httplib::Response& res,
             const httplib::ContentReader& read, size_t max_body, std::string* body) {
  bool too_big = false;
  auto append = [&](const char* data, size_t n) {
    if (n > max_body - body->size()) {
      too_big = true;
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
  return too_big || res.status == 413 ? 413 : 400;
}

}  // namespace extortrace::cli
