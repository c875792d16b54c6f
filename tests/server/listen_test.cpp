#include "server/listen.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace extortrace::server {
namespace {

TEST(Listen, ParsesHostAndPort) {
  auto a = ParseListenAddress("127.0.0.1:8025");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->host, "127.0.0.1");
  EXPECT_EQ(a->port, 8025);
  a = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(a.has_value());
  EXPECT_EQ(a->host, "::1");
  EXPECT_EQ(a->port, 0);
  EXPECT_EQ(ParseListenAddress("0.0.0.0:65535")->port, 65535);
  for (const char* bad : {"", "8025", ":8025", "host:65536", "host:-1", "host:80x", "[]:80"}) {
    EXPECT_FALSE(ParseListenAddress(bad).has_value()) << bad;
  }
}

TEST(Listen, LoopbackHosts) {
  EXPECT_TRUE(IsLoopbackHost("localhost"));
  EXPECT_TRUE(IsLoopbackHost("127.0.0.1"));
  EXPECT_TRUE(IsLoopbackHost("::1"));
  EXPECT_FALSE(IsLoopbackHost("0.0.0.0"));
  EXPECT_FALSE(IsLoopbackHost("example.org"));
}

TEST(Listen, HttpLayerErrorsAreJson) {
  for (int status : {400, 413, 414, 431, 500}) {
    Response r = HttpLayerError(status);
    EXPECT_EQ(r.status, status);
    auto j = nlohmann::json::parse(r.body);
    EXPECT_TRUE(j["error"]["code"].is_string());
  }
  EXPECT_EQ(nlohmann::json::parse(HttpLayerError(413).body)["error"]["code"], "payload_too_large");
  EXPECT_EQ(nlohmann::json::parse(HttpLayerError(431).body)["error"]["message"], "HTTP error 431");
  EXPECT_EQ(BodyReadError(413).status, 413);
  Response r = BodyReadError(400);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], "bad_request");
}

}  // namespace
}  // namespace extortrace::server
