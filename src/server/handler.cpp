#include "server/handler.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <chrono>
#include <exception>

#include "core/json_writer.h"
#include "core/log.h"
#include "explain/explain.h"
#include "server/views.h"

namespace extortrace::server {
namespace {

// Compares without an early exit, so the time taken says nothing about how
// much of a guessed token was right.
bool ConstantTimeEquals(std::string_view a, std::string_view b) {
  unsigned char diff = a.size() == b.size() ? 0 : 1;
  size_t n = std::max(a.size(), b.size());
  for (size_t i = 0; i < n; ++i) {
    unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
    unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
    diff |= static_cast<unsigned char>(x ^ y);
  }
  return diff == 0;
}

std::string_view Get(const std::map<std::string, std::string>& m, const std::string& k) {
  auto it = m.find(k);
  return it == m.end() ? std::string_view() : std::string_view(it->second);
}

bool ValidSha256(std::string_view s) {
  return s.size() == 64 && std::all_of(s.begin(), s.end(), [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

Response Json(std::string body, int status = 200) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  r.body.push_back('\n');
  return r;
}

Response StoreError(const Error& e) {
  if (e.code() == ErrorCode::kUnsupported) {
    return ErrorResponse(503, "no_store", "this server has no store: start it with --db");
  }
  return ErrorResponse(500, "store_error", e.ToString());
}

Result<explain::Lang> LangOf(const Request& req, const record::ScanRecord& r) {
  std::string_view l = Get(req.query, "lang");
  if (l.empty()) return explain::DefaultLang(r);
  auto lang = explain::ParseLang(l);
  if (!lang) return Fail(Error::InvalidArgument("lang must be ja or en"));
  return *lang;
}

// What the store knows about the record's wallets and campaign; empty when
// there is no store or it fails (an explanation is still worth giving).
explain::Context ContextFor(ScanService* service, const record::ScanRecord& r) {
  explain::Context ctx;
  if (!service->has_store()) return ctx;
  (void)service->WithStore([&](store::Store& s) -> Status {
    auto c = explain::ContextFromStore(s, r);
    if (!c) return Fail(c.error());
    ctx = std::move(*c);
    return {};
  });
  return ctx;
}

// The explanation of a scanned message in the language the request asks for
// (or the message's own); fails only on a bad ?lang=.
Result<explain::Explanation> ExplainFor(ScanService* service, const Request& req,
                                        const record::ScanRecord& r, explain::MessageText text) {
  auto lang = LangOf(req, r);
  if (!lang) return Fail(lang.error());
  return explain::Explain(r, text, ContextFor(service, r), *lang);
}

// JSON by default, plain text with ?format=text.
Response ExplanationResponse(const Request& req, const explain::Explanation& ex) {
  if (Get(req.query, "format") == "text") {
    Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = explain::RenderText(ex);
    return r;
  }
  return Json(explain::RenderJson(ex));
}

}  // namespace

Response ErrorResponse(int status, std::string_view code, std::string_view message) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("error");
  w.BeginObject();
  w.Field("code", code);
  w.Field("message", message);
  w.EndObject();
  w.EndObject();
  Response r = Json(std::move(out), status);
  if (status == 401) r.headers.emplace_back("WWW-Authenticate", "Bearer realm=\"extortrace\"");
  return r;
}

bool IsLoopbackAddress(std::string_view ip) {
  if (ip == "::1") return true;
  if (ip.substr(0, 7) == "::ffff:") ip.remove_prefix(7);
  return ip.substr(0, 4) == "127.";
}

std::string PercentDecode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      int v = 0;
      auto [p, ec] = std::from_chars(s.data() + i + 1, s.data() + i + 3, v, 16);
      if (ec == std::errc() && p == s.data() + i + 3) {
        out.push_back(static_cast<char>(v));
        i += 2;
        continue;
      }
    }
    out.push_back(s[i] == '+' ? ' ' : s[i]);
  }
  return out;
}

std::map<std::string, std::string> ParseQuery(std::string_view q) {
  std::map<std::string, std::string> out;
  while (!q.empty()) {
    size_t amp = q.find('&');
    std::string_view pair = q.substr(0, amp);
    q = amp == std::string_view::npos ? std::string_view() : q.substr(amp + 1);
    if (pair.empty()) continue;
    size_t eq = pair.find('=');
    std::string key = PercentDecode(pair.substr(0, eq));
    out[key] = eq == std::string_view::npos ? std::string() : PercentDecode(pair.substr(eq + 1));
  }
  return out;
}

Handler::Handler(ScanService* service, HandlerOptions options)
    : service_(service), options_(std::move(options)) {}

std::optional<Response> Handler::Authorize(const Request& req) const {
  if (req.peer_is_loopback && !options_.require_token_always) return std::nullopt;
  if (options_.token.empty()) {
    return ErrorResponse(401, "unauthorized",
                         "this server accepts requests from loopback only (no token set)");
  }
  std::string_view auth = Get(req.headers, "authorization");
  constexpr std::string_view kBearer = "Bearer ";
  if (auth.substr(0, kBearer.size()) != kBearer ||
      !ConstantTimeEquals(auth.substr(kBearer.size()), options_.token)) {
    return ErrorResponse(401, "unauthorized", "missing or wrong bearer token");
  }
  return std::nullopt;
}

Response Handler::Handle(const Request& req) const {
  // Authentication first: nothing else is revealed to an unauthenticated peer.
  if (auto refused = Authorize(req)) return std::move(*refused);
  if (req.body.size() > options_.max_body) {
    return ErrorResponse(413, "payload_too_large",
                         "request body exceeds " + std::to_string(options_.max_body) + " bytes");
  }
  try {
    auto t0 = std::chrono::steady_clock::now();
    Response r = Route(req);
    // W3C Server-Timing: the time spent inside the server, so that a client
    // (or a load test) can tell it from the network and its own queueing.
    std::chrono::duration<double, std::milli> ms = std::chrono::steady_clock::now() - t0;
    std::string timing = fmt::format("app;dur={:.3f}", ms.count());
    auto it = std::find_if(r.headers.begin(), r.headers.end(),
                           [](const auto& h) { return h.first == "Server-Timing"; });
    if (it == r.headers.end()) {
      r.headers.emplace_back("Server-Timing", std::move(timing));
    } else {
      it->second = timing + ", " + it->second;
    }
    return r;
  } catch (const std::exception& e) {
    // Library code does not throw for bad input; this is a bug or an
    // allocation failure, and the request still gets a JSON answer.
    Log(LogLevel::kError, "request {} {}: {}", req.method, req.path, e.what());
    return ErrorResponse(500, "internal", "internal error");
  }
}

Response Handler::Route(const Request& req) const {
  const std::string& p = req.path;
  auto method_is = [&](std::string_view m) { return req.method == m; };
  auto wrong_method = [&](std::string_view allowed) {
    Response r = ErrorResponse(
        405, "method_not_allowed",
        req.method + " is not allowed on " + p + " (use " + std::string(allowed) + ")");
    r.headers.emplace_back("Allow", std::string(allowed));
    return r;
  };
  if (p == "/v1/scan") return method_is("POST") ? Scan(req) : wrong_method("POST");
  if (p == "/v1/explain") {
    if (method_is("GET")) return ExplainRecent(req);
    if (method_is("POST")) return ExplainBody(req);
    return wrong_method("GET, POST");
  }
  if (!method_is("GET") && !method_is("HEAD")) {
    if (p == "/" || p.rfind("/v1/", 0) == 0 || p == "/healthz" || p.rfind("/explain/", 0) == 0) {
      return wrong_method("GET");
    }
    return ErrorResponse(404, "not_found", "no such resource");
  }
  if (p == "/healthz") {
    Response r;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "ok\n";
    return r;
  }
  if (p == "/" || p == "/index.html") return Dashboard();
  if (p == "/v1/campaigns") return Campaigns();
  if (p == "/v1/recent") return RecentJson(req);
  constexpr std::string_view kCampaign = "/v1/campaigns/", kWallet = "/v1/wallets/",
                             kExplain = "/explain/";
  if (p.size() > kCampaign.size() && p.compare(0, kCampaign.size(), kCampaign) == 0) {
    return Campaign(p.substr(kCampaign.size()));
  }
  if (p.size() > kWallet.size() && p.compare(0, kWallet.size(), kWallet) == 0) {
    return Wallet(p.substr(kWallet.size()));
  }
  if (p.size() > kExplain.size() && p.compare(0, kExplain.size(), kExplain) == 0) {
    return ExplainPage(p.substr(kExplain.size()), req);
  }
  return ErrorResponse(404, "not_found", "no such resource: " + p.substr(0, 200));
}

Response Handler::Scan(const Request& req) const {
  if (req.body.empty()) {
    return ErrorResponse(400, "empty_body", "POST the raw RFC 822 message as the request body");
  }
  mail::RawMessage raw;
  std::string_view source = Get(req.query, "source");
  raw.source = std::string(source.substr(0, 512));  // empty: named by its content hash
  raw.data = req.body;
  bool store_it = Get(req.query, "store") != "0";
  auto res = service_->Scan(std::move(raw), store_it);
  if (!res) {
    bool busy = res.error().IsTimeout() || res.error().IsUnavailable();
    return ErrorResponse(busy ? 503 : 500, busy ? "timeout" : "scan_failed", res.error().context());
  }
  Response r = Json(record::ToJson(res->record));
  r.headers.emplace_back(
      "Server-Timing", fmt::format("wait;dur={:.3f}, scan;dur={:.3f}", res->wait_ms, res->scan_ms));
  return r;
}

Response Handler::ExplainRecent(const Request& req) const {
  std::string_view sha = Get(req.query, "sha256");
  if (!ValidSha256(sha)) {
    return ErrorResponse(
        400, "bad_request",
        "give sha256=<64 lowercase hex digits> of a recent scan, or POST a message");
  }
  auto e = service_->RecentBySha256(std::string(sha));
  if (!e) return ErrorResponse(404, "not_found", "no recent scan with that sha256");
  auto ex = ExplainFor(service_, req, e->record, {e->visible, e->from});
  if (!ex) return ErrorResponse(400, "bad_request", ex.error().context());
  return ExplanationResponse(req, *ex);
}

Response Handler::ExplainBody(const Request& req) const {
  if (req.body.empty()) return ErrorResponse(400, "empty_body", "POST the raw message to explain");
  mail::RawMessage raw;
  raw.source = "http";
  raw.data = req.body;
  auto res = service_->Scan(std::move(raw), /*store_it=*/false);
  if (!res) return ErrorResponse(500, "scan_failed", res.error().context());
  auto ex = ExplainFor(service_, req, res->record, {res->visible, res->from});
  if (!ex) return ErrorResponse(400, "bad_request", ex.error().context());
  return ExplanationResponse(req, *ex);
}

Response Handler::RecentJson(const Request& req) const {
  size_t limit = 50;
  std::string_view l = Get(req.query, "limit");
  if (!l.empty()) {
    auto [p, ec] = std::from_chars(l.data(), l.data() + l.size(), limit);
    if (ec != std::errc() || p != l.data() + l.size() || limit == 0 || limit > 1000) {
      return ErrorResponse(400, "bad_request", "limit must be 1..1000");
    }
  }
  std::string out = "[";
  bool first = true;
  for (const RecentEntry& e : service_->Recent(limit)) {
    if (!first) out += ",";
    first = false;
    out += record::ToJson(e.record);
  }
  out += "]";
  return Json(std::move(out));
}

Response Handler::Campaigns() const {
  std::string body;
  Status st = service_->WithStore([&](store::Store& s) -> Status {
    auto b = views::CampaignsJson(s);
    if (!b) return Fail(b.error());
    body = std::move(*b);
    return {};
  });
  if (!st) return StoreError(st.error());
  return Json(std::move(body));
}

Response Handler::Campaign(const std::string& label) const {
  std::optional<std::string> body;
  Status st = service_->WithStore([&](store::Store& s) -> Status {
    auto b = views::CampaignJson(s, label);
    if (!b) return Fail(b.error());
    body = std::move(*b);
    return {};
  });
  if (!st) return StoreError(st.error());
  if (!body) return ErrorResponse(404, "not_found", "no campaign " + label.substr(0, 100));
  return Json(std::move(*body));
}

Response Handler::Wallet(const std::string& address) const {
  if (address.size() > 128) return ErrorResponse(400, "bad_request", "address too long");
  std::optional<std::string> body;
  Status st = service_->WithStore([&](store::Store& s) -> Status {
    auto b = views::WalletJson(s, address);
    if (!b) return Fail(b.error());
    body = std::move(*b);
    return {};
  });
  if (!st) return StoreError(st.error());
  if (!body) return ErrorResponse(404, "not_found", "no stored message names this address");
  return Json(std::move(*body));
}

Response Handler::Dashboard() const {
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = views::DashboardHtml(*service_);
  return r;
}

Response Handler::ExplainPage(const std::string& sha256, const Request& req) const {
  if (!ValidSha256(sha256)) return ErrorResponse(400, "bad_request", "not a sha256");
  auto e = service_->RecentBySha256(sha256);
  if (!e) return ErrorResponse(404, "not_found", "no recent scan with that sha256");
  auto ex = ExplainFor(service_, req, e->record, {e->visible, e->from});
  if (!ex) return ErrorResponse(400, "bad_request", ex.error().context());
  Response r;
  r.content_type = "text/html; charset=utf-8";
  r.body = views::ExplainHtml(*e, *ex);
  return r;
}

}  // namespace extortrace::server
