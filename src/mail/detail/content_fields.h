// Content-Type and Content-Disposition values as the fast MIME reader uses
// them, parsed by GMime (g_mime_content_type_parse and
// g_mime_content_disposition_parse with the readers' parser options) and
// remembered per thread by their text: mail repeats a few values ("text/plain;
// charset=utf-8") in part after part, and each parse builds and destroys
// GObjects. The warnings GMime gave while parsing a value are kept with it and
// replayed into the message's anomalies in the same order, so a remembered
// value reads exactly as a fresh parse.
// Thread-safe: the caches are per thread and bounded.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace extortrace::mail::detail {

struct ContentType {
  bool parsed = false;  // GMime made a content type of the value
  std::optional<std::string> type, subtype, charset, boundary, name;
};

struct ContentDisposition {
  bool parsed = false;
  std::optional<std::string> disposition, filename;
};

// `value` as handed to GMime (folds joined, the end trimmed); null: no
// Content-Type field (g_mime_content_type_new("text", "plain")). GMime's
// warnings are added to `*anomalies`.
ContentType ParseContentType(const std::string* value, std::vector<std::string>* anomalies);
ContentDisposition ParseContentDisposition(const std::string& value,
                                           std::vector<std::string>* anomalies);

}  // namespace extortrace::mail::detail
