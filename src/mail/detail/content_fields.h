// Content-Type, Content-Disposition and address-list values as the fast MIME
// reader uses them, parsed by GMime (g_mime_content_type_parse,
// g_mime_content_disposition_parse, internet_address_list_parse with the
// readers' parser options) and remembered per thread by their text: mail
// repeats values ("text/plain; charset=utf-8", a campaign's From, a list's
// Sender) in part after part and message after message, and each parse
// builds and destroys GObjects. The warnings GMime gave while parsing a value are kept with it and
// replayed into the message's anomalies in the same order, so a remembered
// value reads exactly as a fresh parse.
// Thread-safe: the caches are per thread and bounded (256 values of at most
// 2 KB each per kind; longer values are parsed every time).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mail/message.h"

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

// The mailboxes of the address list `value` (the field's raw value) as
// CollectAddresses (gmime_glue.h) puts them in an empty list: groups
// flattened, at most 256.
std::vector<Address> ParseAddressList(const std::string& value,
                                      std::vector<std::string>* anomalies);

// The one mailbox of the simplest address values, read without GMime:
// "local@domain", "<local@domain>" or "Display Name <local@domain>" in
// printable ASCII, with a dot-atom local part and a dotted domain without
// "xn--" labels (GMime shows those decoded), a name of
// letters, digits, spaces and ".-'_", and no quotes, comments, groups,
// lists or encoded words. GMime reads these without a warning; the result
// is what ParseAddressList returns for them (the name as GMime trims it,
// the address lowercased). False for anything else.
bool ParseSimpleAddress(std::string_view value, Address* out);

// ParseAddressList without the fast path and the cache: GMime every time
// (the reference the fast path is tested against).
std::vector<Address> ParseAddressListWithGMime(const std::string& value,
                                               std::vector<std::string>* anomalies);

}  // namespace extortrace::mail::detail
