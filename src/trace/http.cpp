#include "trace/http.h"

#include <curl/curl.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <thread>

#include "core/bytes.h"
#include "core/log.h"
#include "crypto/hash.h"

namespace extortrace::trace {
namespace {

size_t WriteBody(char* ptr, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(ptr, size * n);
  return size * n;
}

struct CurlInit {
  CurlInit() { curl_global_init(CURL_GLOBAL_DEFAULT); }
};

}  // namespace

HttpClient::HttpClient(HttpOptions options) : options_(std::move(options)) {
  static CurlInit init;
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

std::string HttpClient::CachePath(const std::string& url) const {
  auto h = crypto::Sha256(AsBytes(url));
  std::string hex = HexEncode(ByteSpan(h.data(), h.size()));
  return options_.cache_dir + "/" + hex.substr(0, 2) + "/" + hex + ".body";
}

Result<HttpResponse> HttpClient::Get(const std::string& url, bool cache) {
  const bool use_cache = cache && !options_.cache_dir.empty();
  if (use_cache) {
    auto cached = ReadFile(CachePath(url), size_t{64} << 20);
    if (cached) {
      ++cache_hits_;
      return HttpResponse{200, std::move(*cached), true};
    }
  }
  auto r = Perform(url, nullptr, "");
  if (r && use_cache && r->status / 100 == 2) {
    std::string path = CachePath(url);
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
    std::string tmp = path + ".tmp";
    {
      std::ofstream f(tmp, std::ios::binary);
      f << r->body;
    }
    std::filesystem::rename(tmp, path, ec);
  }
  return r;
}

Result<HttpResponse> HttpClient::Post(const std::string& url, const std::string& body,
                                      const std::string& content_type) {
  return Perform(url, &body, content_type);
}

Result<HttpResponse> HttpClient::Perform(const std::string& url, const std::string* body,
                                         const std::string& content_type) {
  CURL* c = static_cast<CURL*>(curl_);
  if (c == nullptr) return Fail(Error::Internal("libcurl could not be initialised"));
  int backoff = options_.backoff_ms;
  std::string last_error;
  for (int attempt = 0; attempt <= options_.retries; ++attempt) {
    auto wait = std::chrono::milliseconds(options_.min_interval_ms) -
                (std::chrono::steady_clock::now() - last_);
    if (wait.count() > 0) std::this_thread::sleep_for(wait);
    last_ = std::chrono::steady_clock::now();
    ++requests_;
    HttpResponse resp;
    curl_easy_reset(c);
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, WriteBody);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp.body);
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(options_.timeout_s));
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "extortrace/0.1");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");
    struct curl_slist* headers = nullptr;
    if (body != nullptr) {
      curl_easy_setopt(c, CURLOPT_POST, 1L);
      curl_easy_setopt(c, CURLOPT_POSTFIELDS, body->c_str());
      curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE, static_cast<long>(body->size()));
      headers = curl_slist_append(headers, ("Content-Type: " + content_type).c_str());
      curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    }
    if (!options_.user_pwd.empty()) {
      curl_easy_setopt(c, CURLOPT_HTTPAUTH, static_cast<long>(CURLAUTH_BASIC));
      curl_easy_setopt(c, CURLOPT_USERPWD, options_.user_pwd.c_str());
    }
    CURLcode rc = curl_easy_perform(c);
    if (headers) curl_slist_free_all(headers);
    if (rc == CURLE_OK) {
      curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp.status);
      if (resp.status != 429 && resp.status < 500) return resp;
      last_error = fmt::format("HTTP {}", resp.status);
    } else {
      last_error = curl_easy_strerror(rc);
    }
    if (attempt < options_.retries) {
      Log(LogLevel::kInfo, "{}: {}, retrying in {} ms", url, last_error, backoff);
      std::this_thread::sleep_for(std::chrono::milliseconds(backoff));
      backoff *= 2;
    }
  }
  return Fail(
      Error::Io(fmt::format("{}: {} (after {} attempts)", url, last_error, options_.retries + 1)));
}

}  // namespace extortrace::trace
