#include "mail/detail/gmime_glue.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <mutex>

#include "core/ascii.h"
#include "core/utf8.h"
#include "mail/detail/text_budget.h"
#include "mail/detail/transfer_decode.h"
#include "text/charset.h"
#include "text/html_text.h"

namespace extortrace::mail::detail {

static_assert(kMaxHtmlBytes == text::kMaxHtmlInput, "an HTML body is what HtmlToText reads");

namespace {

const char* WarningName(GMimeParserWarning w) {
  switch (w) {
    case GMIME_WARN_DUPLICATED_HEADER:
      return "duplicated-header";
    case GMIME_WARN_DUPLICATED_PARAMETER:
      return "duplicated-parameter";
    case GMIME_WARN_UNENCODED_8BIT_HEADER:
      return "unencoded-8bit-header";
    case GMIME_WARN_INVALID_CONTENT_TYPE:
      return "invalid-content-type";
    case GMIME_WARN_INVALID_RFC2047_HEADER_VALUE:
      return "invalid-rfc2047";
    case GMIME_WARN_MALFORMED_MULTIPART:
      return "malformed-multipart";
    case GMIME_WARN_TRUNCATED_MESSAGE:
      return "truncated-message";
    case GMIME_WARN_MALFORMED_MESSAGE:
      return "malformed-message";
    case GMIME_CRIT_INVALID_HEADER_NAME:
      return "invalid-header-name";
    case GMIME_CRIT_CONFLICTING_HEADER:
      return "conflicting-header";
    case GMIME_CRIT_CONFLICTING_PARAMETER:
      return "conflicting-parameter";
    case GMIME_CRIT_MULTIPART_WITHOUT_BOUNDARY:
      return "missing-boundary";
    case GMIME_WARN_INVALID_PARAMETER:
      return "invalid-parameter";
    case GMIME_WARN_INVALID_ADDRESS_LIST:
      return "invalid-address-list";
    case GMIME_CRIT_NESTING_OVERFLOW:
      return "nesting-overflow";
    case GMIME_WARN_PART_WITHOUT_CONTENT:
      return "part-without-content";
    case GMIME_CRIT_PART_WITHOUT_HEADERS_OR_CONTENT:
      return "part-without-headers-or-content";
  }
  return "parser-warning";
}

void OnWarning(gint64, GMimeParserWarning code, const gchar*, gpointer user) {
  RecordWarning(code, static_cast<std::vector<std::string>*>(user));
}

void OnWarningCapture(gint64, GMimeParserWarning code, const gchar*, gpointer user) {
  static_cast<std::vector<GMimeParserWarning>*>(user)->push_back(code);
}

GMimeParserOptions* LooseParserOptions() {
  GMimeParserOptions* opts = g_mime_parser_options_new();
  g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_address_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_parameter_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
  g_mime_parser_options_set_allow_addresses_without_domain(opts, TRUE);
  return opts;
}

}  // namespace

void RecordWarning(GMimeParserWarning code, std::vector<std::string>* anomalies) {
  if (code == GMIME_WARN_DUPLICATED_HEADER) return;  // Received etc. repeat legitimately
  AddAnomaly(anomalies, WarningName(code));
}

void InitGMime() {
  static std::once_flag once;
  std::call_once(once, [] { g_mime_init(); });
}

void AddAnomaly(std::vector<std::string>* list, std::string name) {
  if (std::find(list->begin(), list->end(), name) == list->end()) {
    list->push_back(std::move(name));
  }
}

GMimeParserOptions* NewParserOptions(std::vector<std::string>* anomalies) {
  GMimeParserOptions* opts = LooseParserOptions();
  g_mime_parser_options_set_warning_callback(opts, OnWarning, anomalies);
  return opts;
}

GMimeParserOptions* NewCapturingParserOptions(std::vector<GMimeParserWarning>* codes) {
  GMimeParserOptions* opts = LooseParserOptions();
  g_mime_parser_options_set_warning_callback(opts, OnWarningCapture, codes);
  return opts;
}

MimeNode NodeOf(int depth, GMimeContentType* content_type, const char* disposition) {
  if (content_type == nullptr) {
    MimeNode node;
    node.depth = depth;
    if (disposition) node.disposition = AsciiLowerCopy(disposition);
    return node;
  }
  return NodeOf(depth, g_mime_content_type_get_media_type(content_type),
                g_mime_content_type_get_media_subtype(content_type),
                g_mime_content_type_get_parameter(content_type, "charset"), disposition);
}

MimeNode NodeOf(int depth, const char* type, const char* subtype, const char* charset,
                const char* disposition) {
  MimeNode node;
  node.depth = depth;
  node.content_type =
      AsciiLowerCopy(std::string(type ? type : "text") + "/" + (subtype ? subtype : "plain"));
  if (charset) node.charset = charset;
  if (disposition) node.disposition = AsciiLowerCopy(disposition);
  return node;
}

void FinishMessage(ParsedMessage* m) {
  m->return_path = std::string(m->HeaderValue("Return-Path"));
  if (m->bodies.empty()) AddAnomaly(&m->anomalies, "no-text-body");
}

void CollectAddresses(InternetAddressList* list, std::vector<Address>* out) {
  if (list == nullptr) return;
  int n = internet_address_list_length(list);
  for (int i = 0; i < n && out->size() < 256; ++i) {
    InternetAddress* a = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(a)) {
      CollectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(a)), out);
      continue;
    }
    if (!INTERNET_ADDRESS_IS_MAILBOX(a)) continue;
    Address addr;
    const char* name = internet_address_get_name(a);
    if (name) addr.name = SanitizeUtf8(name);
    const char* email = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(a));
    if (email) addr.email = AsciiLowerCopy(email);
    out->push_back(std::move(addr));
  }
}

void SetDate(GDateTime* date, ParsedMessage* m) {
  if (date == nullptr) return;
  m->date_unix = g_date_time_to_unix(date);
  // g_date_time_format(date, "%Y-%m-%dT%H:%M:%S%:z"): the year unpadded,
  // the offset's hours and minutes (its seconds dropped).
  const int64_t offset = g_date_time_get_utc_offset(date) / G_TIME_SPAN_SECOND;
  const int64_t abs_offset = offset < 0 ? -offset : offset;
  m->date_offset_minutes = static_cast<int>(offset / 60);
  char buf[64];
  int n = std::snprintf(
      buf, sizeof(buf), "%d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", g_date_time_get_year(date),
      g_date_time_get_month(date), g_date_time_get_day_of_month(date), g_date_time_get_hour(date),
      g_date_time_get_minute(date), g_date_time_get_second(date), offset < 0 ? '-' : '+',
      static_cast<int>(abs_offset / 3600), static_cast<int>(abs_offset / 60 % 60));
  if (n > 0) m->date_iso.assign(buf, static_cast<size_t>(n));
}

std::string DecodeTransfer(std::string_view content, GMimeContentEncoding encoding, size_t limit) {
  std::string out;
  if (encoding == GMIME_CONTENT_ENCODING_BASE64) {
    out = DecodeBase64(content);
  } else if (encoding == GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE) {
    out = DecodeQuotedPrintable(content);
  } else {
    return std::string(content.substr(0, limit));
  }
  if (out.size() > limit) out.resize(limit);
  return out;
}

void AddTextLeaf(MimeNode* node, int alt_group, std::string raw, ParsedMessage* m) {
  node->decoded_size = raw.size();
  // The text budget (message.h, Bounds): what is left of it before the last
  // kLateTextBytes, or past that a share of them.
  size_t used = 0;
  for (const TextBody& b : m->bodies) used += b.text.size();
  constexpr size_t kHead = kMaxTextBytes - kLateTextBytes;
  constexpr size_t kLateShare = kLateTextBytes / kLateTextParts;
  const bool late = m->late_bodies > 0 || used + kLateShare > kHead;
  const bool html = node->content_type == "text/html";
  size_t cap = late ? kLateShare : kHead - used;
  if (html) cap = std::min(cap, kMaxHtmlBytes);
  raw = FitText(std::move(raw), cap, html, node->charset, &m->anomalies);
  text::Utf8Conversion conv = text::ConvertOwnedToUtf8(std::move(raw), node->charset);
  if (conv.label_mismatch) AddAnomaly(&m->anomalies, "charset-mismatch");
  if (conv.lossy) AddAnomaly(&m->anomalies, "undecodable-part");
  if (conv.text.size() > cap) {  // grown by the conversion to UTF-8
    AddAnomaly(&m->anomalies, "text-too-long");
    conv.text = KeepStartAndEnd(conv.text, cap, html, 1, true);
  }
  TextBody body;
  body.text = std::move(conv.text);
  body.html = html;
  body.in_alternative = alt_group >= 0;
  body.alternative_group = alt_group;
  body.charset_used = std::move(conv.charset_used);
  body.depth = node->depth;
  m->bodies.push_back(std::move(body));
  if (late && ++m->late_bodies > kLateTextParts) {
    // The most recent are kept: the oldest late body goes.
    m->bodies.erase(m->bodies.end() - static_cast<std::ptrdiff_t>(m->late_bodies));
    --m->late_bodies;
  }
}

void AddImageLeaf(MimeNode* node, std::string_view content_id, std::string data, ParsedMessage* m) {
  node->decoded_size = data.size();
  if (data.size() > kMaxImageBytes) return;
  if (m->images.size() >= kMaxImages) {
    // The first half and the most recent: a QR code after padding images
    // is read, and so is one before them.
    AddAnomaly(&m->anomalies, "too-many-images");
    m->images.erase(m->images.begin() + kMaxImages / 2);
  }
  ImageAttachment img;
  img.content_type = node->content_type;
  img.filename = node->filename;
  img.content_id = std::string(content_id);
  img.data = std::move(data);
  m->images.push_back(std::move(img));
}

}  // namespace extortrace::mail::detail
