#include "mail/detail/content_fields.h"

#include <gmime/gmime.h>

#include <unordered_map>
#include <utility>

#include "mail/detail/gmime_glue.h"

namespace extortrace::mail::detail {
namespace {

// Values come from hostile input: each cache is emptied when it is full,
// and longer values are parsed every time, not kept.
constexpr size_t kCacheEntries = 256;
constexpr size_t kMaxKeptValue = 2048;

std::optional<std::string> Copy(const char* s) {
  return s ? std::optional<std::string>(s) : std::nullopt;
}

// Parser options whose warnings are collected in `codes`, per thread.
struct Capture {
  std::vector<GMimeParserWarning> codes;
  GMimeParserOptions* opts = NewCapturingParserOptions(&codes);
  Capture() = default;
  Capture(const Capture&) = delete;
  Capture& operator=(const Capture&) = delete;
  ~Capture() { g_mime_parser_options_free(opts); }
};

Capture& ThreadCapture() {
  thread_local Capture capture;
  return capture;
}

template <typename T>
struct Remembered {
  T value;
  std::vector<GMimeParserWarning> warnings;
};

ContentType ValuesOf(GMimeContentType* ct) {
  ContentType out;
  if (ct == nullptr) return out;
  out.parsed = true;
  out.type = Copy(g_mime_content_type_get_media_type(ct));
  out.subtype = Copy(g_mime_content_type_get_media_subtype(ct));
  out.charset = Copy(g_mime_content_type_get_parameter(ct, "charset"));
  out.boundary = Copy(g_mime_content_type_get_parameter(ct, "boundary"));
  out.name = Copy(g_mime_content_type_get_parameter(ct, "name"));
  g_object_unref(ct);
  return out;
}

// Looks `key` up in `cache`, or makes it with `make(options)` capturing the
// warnings; replays them into `anomalies` either way.
template <typename T, typename Make>
T Lookup(std::unordered_map<std::string, Remembered<T>>* cache, const std::string& key,
         Make&& make, std::vector<std::string>* anomalies) {
  auto it = key.size() <= kMaxKeptValue ? cache->find(key) : cache->end();
  if (it != cache->end()) {
    for (GMimeParserWarning code : it->second.warnings) RecordWarning(code, anomalies);
    return it->second.value;
  }
  Capture& capture = ThreadCapture();
  capture.codes.clear();
  Remembered<T> fresh{make(capture.opts), capture.codes};
  for (GMimeParserWarning code : fresh.warnings) RecordWarning(code, anomalies);
  if (key.size() > kMaxKeptValue) return std::move(fresh.value);
  if (cache->size() >= kCacheEntries) cache->clear();
  return cache->emplace(key, std::move(fresh)).first->second.value;
}

}  // namespace

ContentType ParseContentType(const std::string* value, std::vector<std::string>* anomalies) {
  if (value == nullptr) {
    thread_local const ContentType kDefault = ValuesOf(g_mime_content_type_new("text", "plain"));
    return kDefault;
  }
  thread_local std::unordered_map<std::string, Remembered<ContentType>> cache;
  return Lookup(
      &cache, *value,
      [value](GMimeParserOptions* opts) {
        return ValuesOf(g_mime_content_type_parse(opts, value->c_str()));
      },
      anomalies);
}

ContentDisposition ParseContentDisposition(const std::string& value,
                                           std::vector<std::string>* anomalies) {
  thread_local std::unordered_map<std::string, Remembered<ContentDisposition>> cache;
  return Lookup(
      &cache, value,
      [&value](GMimeParserOptions* opts) {
        ContentDisposition out;
        GMimeContentDisposition* cd = g_mime_content_disposition_parse(opts, value.c_str());
        if (cd == nullptr) return out;
        out.parsed = true;
        out.disposition = Copy(g_mime_content_disposition_get_disposition(cd));
        out.filename = Copy(g_mime_content_disposition_get_parameter(cd, "filename"));
        g_object_unref(cd);
        return out;
      },
      anomalies);
}

std::vector<Address> ParseAddressList(const std::string& value,
                                      std::vector<std::string>* anomalies) {
  thread_local std::unordered_map<std::string, Remembered<std::vector<Address>>> cache;
  return Lookup(
      &cache, value,
      [&value](GMimeParserOptions* opts) {
        std::vector<Address> out;
        InternetAddressList* list = internet_address_list_parse(opts, value.c_str());
        CollectAddresses(list, &out);
        if (list) g_object_unref(list);
        return out;
      },
      anomalies);
}

}  // namespace extortrace::mail::detail
