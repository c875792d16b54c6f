// A small, polite HTTP client for Esplora and Bitcoin Core (libcurl):
// requests are spaced by a minimum interval, failed ones (network errors,
// HTTP 429 and 5xx) retried with exponential backoff, and GET responses
// optionally cached on disk keyed by the SHA-256 of the URL (confirmed data
// never changes; callers choose what to cache). Not thread-safe.
#pragma once

#include <chrono>
#include <string>

#include "core/result.h"

namespace extortrace::trace {

struct HttpOptions {
  int min_interval_ms = 100;
  int retries = 4;
  int backoff_ms = 500;  // doubled after each failure
  int timeout_s = 30;
  std::string cache_dir;  // empty: no cache
  std::string user_pwd;   // basic auth "user:password" (Core RPC)
};

struct HttpResponse {
  long status = 0;
  std::string body;
  bool from_cache = false;
};

class HttpClient {
 public:
  explicit HttpClient(HttpOptions options);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  // GET; a 2xx answer is cached when `cache` (and a cache dir is set).
  // Errors after the retries name the URL and the status or curl error;
  // 4xx other than 429 are returned as responses (not retried).
  Result<HttpResponse> Get(const std::string& url, bool cache = true);
  Result<HttpResponse> Post(const std::string& url, const std::string& body,
                            const std::string& content_type = "application/json");

  size_t requests() const { return requests_; }
  size_t cache_hits() const { return cache_hits_; }

 private:
  Result<HttpResponse> Perform(const std::string& url, const std::string* body,
                               const std::string& content_type);
  std::string CachePath(const std::string& url) const;

  HttpOptions options_;
  void* curl_ = nullptr;
  std::chrono::steady_clock::time_point last_{};
  size_t requests_ = 0, cache_hits_ = 0;
};

}  // namespace extortrace::trace
