#include "server/handler.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace extortrace::server {
namespace {

std::string ReadFile(const std::string& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

std::string Sample(const char* name) {
  return ReadFile(std::string(ET_SOURCE_DIR) + "/samples/mail/" + name);
}

Request Post(std::string path, std::string body) {
  Request r;
  r.method = "POST";
  r.path = std::move(path);
  r.body = std::move(body);
  return r;
}

Request GetReq(std::string path, std::map<std::string, std::string> query = {}) {
  Request r;
  r.method = "GET";
  r.path = std::move(path);
  r.query = std::move(query);
  return r;
}

std::string ErrorCodeOf(const Response& r) {
  auto j = nlohmann::json::parse(r.body);
  return j["error"]["code"].get<std::string>();
}

class HandlerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ScanService::Create({});
    ASSERT_TRUE(s.has_value());
    service_ = std::move(*s);
  }
  std::unique_ptr<ScanService> service_;
};

TEST_F(HandlerTest, ScanAnswersTheScanRecord) {
  Handler h(service_.get(), {});
  Response r = h.Handle(Post("/v1/scan", Sample("02-ja-corporate.eml")));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.content_type, "application/json");
  auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["language"], "ja");
  EXPECT_EQ(j["wallets"][0]["address"], "bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h");
  EXPECT_TRUE(j["sender"]["self_sent"].get<bool>());
  EXPECT_TRUE(j["verdict"] == "extortion" || j["verdict"] == "clean");
  EXPECT_EQ(j["source"].get<std::string>().rfind("http:", 0), 0u);
  EXPECT_EQ(j["source"].get<std::string>().size(), 21u);
  EXPECT_EQ(service_->Recent(10).size(), 1u);
}

TEST_F(HandlerTest, ServerTimingSaysWhereTheTimeWent) {
  Handler h(service_.get(), {});
  auto timing = [](const Response& r) {
    for (const auto& [k, v] : r.headers) {
      if (k == "Server-Timing") return v;
    }
    return std::string();
  };
  Response scan = h.Handle(Post("/v1/scan", Sample("02-ja-corporate.eml")));
  ASSERT_EQ(scan.status, 200);
  std::string t = timing(scan);
  EXPECT_EQ(t.rfind("app;dur=", 0), 0u) << t;
  EXPECT_NE(t.find(", wait;dur="), std::string::npos) << t;
  EXPECT_NE(t.find(", scan;dur="), std::string::npos) << t;
  // The scan time is inside the server's time.
  double app = std::stod(t.substr(t.find("app;dur=") + 8));
  double in_scan = std::stod(t.substr(t.find("scan;dur=") + 9));
  EXPECT_GT(in_scan, 0.0);
  EXPECT_LE(in_scan, app);
  Response health = h.Handle(GetReq("/healthz"));
  EXPECT_EQ(timing(health).rfind("app;dur=", 0), 0u);
  EXPECT_EQ(timing(health).find("scan"), std::string::npos);
}

TEST_F(HandlerTest, BadRequestsGetJsonErrors) {
  Handler h(service_.get(), {});
  Response empty = h.Handle(Post("/v1/scan", ""));
  EXPECT_EQ(empty.status, 400);
  EXPECT_EQ(ErrorCodeOf(empty), "empty_body");
  Response get = h.Handle(GetReq("/v1/scan"));
  EXPECT_EQ(get.status, 405);
  EXPECT_EQ(ErrorCodeOf(get), "method_not_allowed");
  Response nf = h.Handle(GetReq("/nope"));
  EXPECT_EQ(nf.status, 404);
  EXPECT_EQ(ErrorCodeOf(nf), "not_found");
  Response no_store = h.Handle(GetReq("/v1/campaigns"));
  EXPECT_EQ(no_store.status, 503);
  EXPECT_EQ(ErrorCodeOf(no_store), "no_store");
  Response bad_sha = h.Handle(GetReq("/v1/explain", {{"sha256", "xyz"}}));
  EXPECT_EQ(bad_sha.status, 400);
  Response bad_limit = h.Handle(GetReq("/v1/recent", {{"limit", "-1"}}));
  EXPECT_EQ(bad_limit.status, 400);
}

// A letter long enough (about 1.5 MB) that no machine scans it within 1 ms.
std::string LongLetter() {
  std::string m = Sample("01-en-sextortion.eml") + "\n";
  for (int i = 0; i < 18000; ++i) {
    m += "Line " + std::to_string(i) + " of a very long letter, long enough to take a while.\n";
  }
  return m;
}

TEST(HandlerLimits, TimeoutAndBusyAreTheirCodesAnd503) {
  ServiceOptions so;
  so.scan_workers = 1;
  so.max_abandoned_scans = 0;  // one scan past its limit makes the pool busy
  so.scan_timeout = std::chrono::milliseconds(1);
  so.recent_capacity = 0;
  auto service = ScanService::Create(so);
  ASSERT_TRUE(service.has_value());
  mail::RawMessage raw;
  raw.data = LongLetter();
  auto timed_out = (*service)->Scan(raw, /*store_it=*/false);
  ASSERT_FALSE(timed_out.has_value());
  EXPECT_TRUE(timed_out.error().IsTimeout()) << timed_out.error().ToString();
  // Once an abandoned scan is still running on the only worker, the next is
  // refused at once. (A job the worker had not picked up yet is dropped, not
  // run, so it takes a few tries on a loaded machine.)
  bool refused = false;
  for (int i = 0; i < 50 && !refused; ++i) {
    auto again = (*service)->Scan(raw, /*store_it=*/false);
    ASSERT_FALSE(again.has_value());
    refused = again.error().IsUnavailable();
    EXPECT_TRUE(refused || again.error().IsTimeout()) << again.error().ToString();
  }
  EXPECT_TRUE(refused);

  Handler h(service->get(), {});
  Response r = h.Handle(Post("/v1/scan", raw.data));
  EXPECT_EQ(r.status, 503);
  EXPECT_EQ(ErrorCodeOf(r), "timeout");
}

TEST_F(HandlerTest, BodyLimit) {
  HandlerOptions o;
  o.max_body = 100;
  Handler h(service_.get(), o);
  Response r = h.Handle(Post("/v1/scan", std::string(101, 'x')));
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(ErrorCodeOf(r), "payload_too_large");
}

TEST_F(HandlerTest, TokenRules) {
  {
    Handler h(service_.get(), {});  // no token: loopback only
    Request r = GetReq("/healthz");
    r.peer_is_loopback = false;
    EXPECT_EQ(h.Handle(r).status, 401);
    r.peer_is_loopback = true;
    EXPECT_EQ(h.Handle(r).status, 200);
  }
  HandlerOptions o;
  o.token = "s3cret";
  Handler h(service_.get(), o);
  Request r = GetReq("/healthz");
  r.peer_is_loopback = false;
  Response no = h.Handle(r);
  EXPECT_EQ(no.status, 401);
  EXPECT_EQ(ErrorCodeOf(no), "unauthorized");
  r.headers["authorization"] = "Bearer s3cre";
  EXPECT_EQ(h.Handle(r).status, 401);
  r.headers["authorization"] = "Bearer s3cret";
  EXPECT_EQ(h.Handle(r).status, 200);
  // Loopback needs no token unless asked to.
  Request local = GetReq("/healthz");
  EXPECT_EQ(h.Handle(local).status, 200);
  o.require_token_always = true;
  Handler strict(service_.get(), o);
  EXPECT_EQ(strict.Handle(local).status, 401);
}

// Authorize decides on the headers alone, so the socket layer can refuse a
// request before reading its body; Handle applies the same rule.
TEST_F(HandlerTest, AuthorizeNeedsNoBody) {
  HandlerOptions o;
  o.token = "s3cret";
  o.require_token_always = true;
  Handler h(service_.get(), o);
  Request r = Post("/v1/scan", "");
  auto refused = h.Authorize(r);
  ASSERT_TRUE(refused.has_value());
  EXPECT_EQ(refused->status, 401);
  EXPECT_EQ(ErrorCodeOf(*refused), "unauthorized");
  r.headers["authorization"] = "Bearer s3cret";
  EXPECT_FALSE(h.Authorize(r).has_value());
  Handler open(service_.get(), {});
  EXPECT_FALSE(open.Authorize(Post("/v1/scan", "")).has_value()) << "loopback, no token";
}

TEST_F(HandlerTest, ExplainRecentAndPosted) {
  Handler h(service_.get(), {});
  Response s = h.Handle(Post("/v1/scan", Sample("01-en-sextortion.eml")));
  ASSERT_EQ(s.status, 200);
  std::string sha = nlohmann::json::parse(s.body)["sha256"];
  Response e = h.Handle(GetReq("/v1/explain", {{"sha256", sha}, {"lang", "ja"}}));
  ASSERT_EQ(e.status, 200) << e.body;
  auto j = nlohmann::json::parse(e.body);
  EXPECT_EQ(j["lang"], "ja");
  EXPECT_FALSE(j["headline"].get<std::string>().empty());
  Response text = h.Handle(GetReq("/v1/explain", {{"sha256", sha}, {"format", "text"}}));
  EXPECT_EQ(text.content_type, "text/plain; charset=utf-8");
  Response page = h.Handle(GetReq("/explain/" + sha, {{"lang", "en"}}));
  EXPECT_EQ(page.status, 200);
  EXPECT_NE(page.body.find("<html lang=\"en\">"), std::string::npos);
  Response posted = h.Handle(Post("/v1/explain", Sample("02-ja-corporate.eml")));
  ASSERT_EQ(posted.status, 200);
  EXPECT_EQ(nlohmann::json::parse(posted.body)["lang"], "ja");
  Response bad_lang = h.Handle(GetReq("/v1/explain", {{"sha256", sha}, {"lang", "fr"}}));
  EXPECT_EQ(bad_lang.status, 400);
  Response missing = h.Handle(GetReq("/v1/explain", {{"sha256", std::string(64, 'a')}}));
  EXPECT_EQ(missing.status, 404);
}

TEST_F(HandlerTest, DashboardEscapesWhatMessagesSay) {
  Handler h(service_.get(), {});
  std::string evil = "From: a@example.org\r\nSubject: <script>alert(1)</script>\r\n\r\nhello\r\n";
  ASSERT_EQ(h.Handle(Post("/v1/scan", evil)).status, 200);
  Response d = h.Handle(GetReq("/"));
  EXPECT_EQ(d.status, 200);
  EXPECT_EQ(d.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(d.body.find("<script>"), std::string::npos);
  EXPECT_NE(d.body.find("&lt;script&gt;"), std::string::npos);
  EXPECT_NE(d.body.find("<svg"), std::string::npos);
}

TEST_F(HandlerTest, DashboardStripsBidiControlsFromSubjects) {
  Handler h(service_.get(), {});
  // U+202E RIGHT-TO-LEFT OVERRIDE would show "invoice\u202Egpj.exe" as "invoiceexe.jpg".
  std::string evil = "From: a@example.org\r\nSubject: invoice\u202Egpj.exe\r\n\r\nhello\r\n";
  ASSERT_EQ(h.Handle(Post("/v1/scan", evil)).status, 200);
  Response d = h.Handle(GetReq("/"));
  ASSERT_EQ(d.status, 200);
  EXPECT_EQ(d.body.find("\u202E"), std::string::npos);
  EXPECT_NE(d.body.find("invoice\uFFFDgpj.exe"), std::string::npos);
}

TEST(HandlerStore, CampaignsAndWalletsFromSqlite) {
  auto dir =
      std::filesystem::temp_directory_path() / ("et_server_test_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  ServiceOptions so;
  so.db_url = (dir / "t.db").string();
  auto s = ScanService::Create(so);
  ASSERT_TRUE(s.has_value()) << s.error().ToString();
  Handler h(s->get(), {});
  bool any_extortion = false;
  for (const char* f : {"01-en-sextortion.eml", "02-ja-corporate.eml", "05-ham-newsletter.eml"}) {
    Response r = h.Handle(Post("/v1/scan", Sample(f)));
    ASSERT_EQ(r.status, 200) << r.body;
    auto j = nlohmann::json::parse(r.body);
    if (j["verdict"] == "extortion") {
      any_extortion = true;
      EXPECT_TRUE(j["campaign"].is_string()) << r.body;
    }
  }
  Response c = h.Handle(GetReq("/v1/campaigns"));
  ASSERT_EQ(c.status, 200) << c.body;
  auto cj = nlohmann::json::parse(c.body);
  Response w = h.Handle(GetReq("/v1/wallets/bc1q8hmgaey382whmq3wgk4y4fw2fmccqqujnfrm4h"));
  ASSERT_TRUE(any_extortion) << "the extortion samples were not flagged";
  {
    EXPECT_GE(cj["count"].get<int>(), 1);
    std::string label = cj["campaigns"][0]["label"];
    Response one = h.Handle(GetReq("/v1/campaigns/" + label));
    EXPECT_EQ(one.status, 200);
    EXPECT_TRUE(nlohmann::json::parse(one.body)["members"].is_array());
    EXPECT_EQ(w.status, 200);
    EXPECT_EQ(nlohmann::json::parse(w.body)["messages"].get<int>(), 1);
  }
  EXPECT_EQ(h.Handle(GetReq("/v1/campaigns/c-999999")).status, 404);
  EXPECT_EQ(h.Handle(GetReq("/")).status, 200);
  std::filesystem::remove_all(dir);
}

TEST(Query, ParseAndDecode) {
  auto q = ParseQuery("a=1&b=%E6%97%A5+x&c&=z&a=2&d=%zz");
  EXPECT_EQ(q["a"], "2");
  EXPECT_EQ(q["b"], "日 x");
  EXPECT_EQ(q["c"], "");
  EXPECT_EQ(q["d"], "%zz");
  EXPECT_TRUE(IsLoopbackAddress("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackAddress("::1"));
  EXPECT_TRUE(IsLoopbackAddress("::ffff:127.0.0.2"));
  EXPECT_FALSE(IsLoopbackAddress("10.0.0.1"));
  EXPECT_FALSE(IsLoopbackAddress(""));
}

}  // namespace
}  // namespace extortrace::server
