#include "mail/detail/content_fields.h"

#include <gmime/gmime.h>

#include <unordered_map>
#include <utility>

#include "core/ascii.h"
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
T Lookup(std::unordered_map<std::string, Remembered<T>>* cache, const std::string& key, Make&& make,
         std::vector<std::string>* anomalies) {
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

namespace {

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// RFC 5322 atext (a dot-atom's characters besides the dots).
bool IsAtext(char c) {
  return IsAlnum(c) || std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

// local@domain: a dot-atom local part, and two or more labels of letters,
// digits and hyphens.
bool IsSimpleAddrSpec(std::string_view s) {
  const size_t at = s.find('@');
  if (at == std::string_view::npos || at == 0 || at + 1 >= s.size()) return false;
  auto dotted = [](std::string_view part, bool (*ok)(char), bool need_dot) {
    if (part.empty() || part.front() == '.' || part.back() == '.') return false;
    bool dot = false;
    for (size_t i = 0; i < part.size(); ++i) {
      if (part[i] == '.') {
        if (part[i - 1] == '.') return false;
        dot = true;
      } else if (!ok(part[i])) {
        return false;
      }
    }
    return dot || !need_dot;
  };
  auto domain_char = [](char c) { return IsAlnum(c) || c == '-'; };
  if (!dotted(s.substr(0, at), IsAtext, false) || !dotted(s.substr(at + 1), domain_char, true)) {
    return false;
  }
  // GMime shows an internationalized domain's "xn--" labels decoded.
  for (size_t p = at; p < s.size(); p = s.find('.', p + 1)) {
    std::string_view label = s.substr(p + 1, 4);
    if (label.size() == 4 && (label[0] | 0x20) == 'x' && (label[1] | 0x20) == 'n' &&
        label[2] == '-' && label[3] == '-') {
      return false;
    }
  }
  return true;
}

std::vector<Address> GMimeAddresses(GMimeParserOptions* opts, const std::string& value) {
  std::vector<Address> out;
  InternetAddressList* list = internet_address_list_parse(opts, value.c_str());
  CollectAddresses(list, &out);
  if (list) g_object_unref(list);
  return out;
}

}  // namespace

bool ParseSimpleAddress(std::string_view v, Address* out) {
  if (v.size() > 256) return false;
  size_t b = 0, e = v.size();
  while (b < e && (v[b] == ' ' || v[b] == '\t')) ++b;
  while (e > b && (v[e - 1] == ' ' || v[e - 1] == '\t')) --e;
  v = v.substr(b, e - b);
  if (v.empty()) return false;
  std::string_view name, spec;
  if (v.back() == '>') {
    const size_t lt = v.find('<');
    if (lt == std::string_view::npos) return false;
    spec = v.substr(lt + 1, v.size() - lt - 2);
    name = v.substr(0, lt);
    while (!name.empty() && name.back() == ' ') name.remove_suffix(1);
    for (char c : name) {
      if (!(IsAlnum(c) || c == ' ' || c == '.' || c == '-' || c == '\'' || c == '_')) return false;
    }
    if (!name.empty() && (name.front() == '.' || name.find("..") != std::string_view::npos)) {
      return false;
    }
  } else {
    spec = v;
  }
  if (!IsSimpleAddrSpec(spec)) return false;
  out->name.assign(name);
  out->email = AsciiLowerCopy(spec);
  return true;
}

std::vector<Address> ParseAddressList(const std::string& value,
                                      std::vector<std::string>* anomalies) {
  if (Address simple; ParseSimpleAddress(value, &simple)) return {std::move(simple)};
  thread_local std::unordered_map<std::string, Remembered<std::vector<Address>>> cache;
  return Lookup(
      &cache, value, [&value](GMimeParserOptions* opts) { return GMimeAddresses(opts, value); },
      anomalies);
}

std::vector<Address> ParseAddressListWithGMime(const std::string& value,
                                               std::vector<std::string>* anomalies) {
  std::unordered_map<std::string, Remembered<std::vector<Address>>> none;
  return Lookup(
      &none, value, [&value](GMimeParserOptions* opts) { return GMimeAddresses(opts, value); },
      anomalies);
}

}  // namespace extortrace::mail::detail
