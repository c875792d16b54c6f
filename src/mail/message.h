// A parsed mail message: decoded headers, the MIME tree, the text bodies in
// UTF-8, image attachments, and the anomalies met on the way.
//
// ParseMessage (GMime 3) is lenient: it always returns a best-effort message
// for any bytes, never crashes or hangs, and records what was wrong in
// `anomalies` (defects are evidence for the classifier). Bodies are decoded
// from their transfer encoding (base64, quoted-printable, 7bit/8bit/binary)
// and converted from their charset to UTF-8 (text/charset.h); HTML bodies are
// kept as HTML here and turned into visible text by the caller.
//
// Thread-safe: any number of threads may parse different messages at once.
//
// Bounds (docs/architecture.md, "Bounds"), enforced while parsing, so that
// memory stays bounded whatever the message's shape:
//   - the structure both readers are handed: boundary lines, header fields
//     and header sizes (detail/mime_bounds.h), before either reads it;
//   - the tree: at most kMaxParts parts and kMaxDepth nesting levels become
//     MimeNodes. Past either limit the walk goes on without nodes, and the
//     last kLateTextParts text parts and the deepest one are still read as
//     bodies (past GMime's own 1,024 levels, the rest of the message as
//     plain text);
//   - the text: kMaxTextBytes for all bodies together, an HTML body at most
//     kMaxHtmlBytes (what text::HtmlToText reads). A part over what is left
//     is first squeezed (runs of blanks and, in HTML, comments shortened:
//     padding does not spend the budget), then cut to its start and its
//     end. Past (kMaxTextBytes - kLateTextBytes), later parts share the last
//     kLateTextBytes, the most recent kept;
//   - images: kMaxImages of at most kMaxImageBytes each, the first half and
//     the most recent ones.
// Each limit reached leaves an anomaly (IsLimitAnomaly).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::mail {

inline constexpr size_t kMaxParts = 512;
inline constexpr int kMaxDepth = 16;
inline constexpr size_t kLateTextParts = 4;
inline constexpr size_t kMaxTextBytes = size_t{8} << 20;
inline constexpr size_t kMaxHtmlBytes = size_t{4} << 20;
inline constexpr size_t kLateTextBytes = size_t{256} << 10;
inline constexpr size_t kMaxImageBytes = size_t{8} << 20;
inline constexpr size_t kMaxImages = 16;

// Anomalies that say a bound of the parser (or of the input, as
// "truncated-input") was reached, and something past it may be unread or
// read only in part: "too-many-parts", "nesting-too-deep", "nesting-overflow",
// "too-many-headers", "header-too-long", "text-too-long", "text-padding",
// "too-many-images", "truncated-input".
bool IsLimitAnomaly(std::string_view anomaly);

struct Address {
  std::string name;   // display name, decoded
  std::string email;  // addr-spec, lowercased domain
};

struct Header {
  std::string name;
  std::string value;  // raw (unfolded) value, RFC 2047 words still encoded
};

struct MimeNode {
  int depth = 0;
  std::string content_type;  // "text/plain", lowercase
  std::string charset;       // declared charset parameter, as written
  std::string encoding;      // content-transfer-encoding, lowercase
  std::string filename;      // RFC 2231 / RFC 2047 decoded
  std::string disposition;   // "inline", "attachment" or empty
  size_t decoded_size = 0;
};

struct TextBody {
  std::string text;  // UTF-8
  bool html = false;
  bool in_alternative = false;  // a child of multipart/alternative
  int alternative_group = -1;   // index of the alternative group it belongs to
  std::string charset_used;
  int depth = 0;
};

struct ImageAttachment {
  std::string content_type;
  std::string filename;
  std::string content_id;
  std::string data;  // decoded bytes, at most kMaxImageBytes
};

struct ParsedMessage {
  std::vector<Header> headers;  // in order, top to bottom
  std::string message_id;       // without angle brackets
  std::string date_iso;         // RFC 3339 with the sender's offset, or empty
  int64_t date_unix = 0;        // seconds since the epoch, 0 if no valid date
  int date_offset_minutes = 0;  // the Date header's zone (0 if none)
  std::string subject;          // decoded UTF-8
  std::vector<Address> from;
  std::vector<Address> to;
  std::vector<Address> reply_to;
  std::string return_path;
  std::vector<MimeNode> tree;  // pre-order
  std::vector<TextBody> bodies;
  std::vector<ImageAttachment> images;
  std::vector<std::string> anomalies;  // "missing-boundary", "undecodable-part", ...
  // Bodies at the end of `bodies` kept from the last kLateTextBytes of the
  // text budget (the readers' bookkeeping; see Bounds above).
  size_t late_bodies = 0;

  // All values of a header (case-insensitive name), in order.
  std::vector<std::string_view> HeaderValues(std::string_view name) const;
  // First value of a header, or empty.
  std::string_view HeaderValue(std::string_view name) const;
};

ParsedMessage ParseMessage(std::string_view raw);

// Decodes an unstructured header value (RFC 2047 encoded words, leniently:
// words inside other words, missing spaces, unknown charsets) to UTF-8.
// Raw 8-bit bytes that are not UTF-8 are converted with charset detection.
std::string DecodeHeaderText(std::string_view value);

}  // namespace extortrace::mail
