// Fuzzes the HTTP request handler as the socket layer would call it: the
// input is read as a request head ("METHOD /path?query", header lines) and a
// body, and Handler::Handle must answer every one with a well-formed status
// and, for errors, a JSON body. Runs without a store; tokens on, peer
// non-loopback for odd inputs, so the auth path is fuzzed too.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "server/handler.h"

namespace {

extortrace::server::ScanService& Service() {
  static std::unique_ptr<extortrace::server::ScanService> s = [] {
    extortrace::server::ServiceOptions o;
    o.recent_capacity = 8;
    o.engine.decode_qr = false;  // image decoding has its own fuzz target
    return std::move(*extortrace::server::ScanService::Create(o));
  }();
  return *s;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace extortrace::server;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  Request req;
  size_t head_end = in.find("\n\n");
  std::string_view head = in.substr(0, head_end);
  if (head_end != std::string_view::npos) req.body = std::string(in.substr(head_end + 2));
  size_t eol = head.find('\n');
  std::string_view line = head.substr(0, eol);
  size_t sp = line.find(' ');
  req.method = std::string(line.substr(0, sp));
  std::string_view target = sp == std::string_view::npos ? "/" : line.substr(sp + 1);
  size_t q = target.find('?');
  req.path = PercentDecode(target.substr(0, q));
  if (q != std::string_view::npos) req.query = ParseQuery(target.substr(q + 1));
  while (eol != std::string_view::npos) {
    head.remove_prefix(eol + 1);
    eol = head.find('\n');
    std::string_view h = head.substr(0, eol);
    size_t colon = h.find(':');
    if (colon == std::string_view::npos) continue;
    std::string name(h.substr(0, colon));
    for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string_view v = h.substr(colon + 1);
    while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
    req.headers[name] = std::string(v);
  }
  req.peer_is_loopback = size % 3 != 0;
  HandlerOptions o;
  o.token = "fuzz-token";
  o.max_body = 1 << 16;
  Handler handler(&Service(), o);
  Response r = handler.Handle(req);
  if (r.status < 200 || r.status > 599) __builtin_trap();
  if (r.status >= 400 && r.body.rfind("{\"error\":{\"code\":\"", 0) != 0) __builtin_trap();
  return 0;
}
