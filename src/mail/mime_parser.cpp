// ParseMessage on top of GMime 3. GMime does the MIME grammar (RFC 2045-2049),
// RFC 2047 encoded words and RFC 2231 parameters; this file walks the tree,
// decodes bodies to UTF-8 and turns GMime's parser warnings into anomalies.
#include <gmime/gmime.h>

#include <algorithm>
#include <cctype>

#include "core/ascii.h"
#include "core/utf8.h"
#include "mail/detail/gmime_glue.h"
#include "mail/detail/header_repair.h"
#include "mail/detail/iconv_keep.h"
#include "mail/detail/mime_bounds.h"
#include "mail/detail/mime_fields.h"
#include "mail/detail/mime_readers.h"
#include "mail/message.h"
#include "text/charset.h"

namespace extortrace::mail {
namespace {

using detail::AddAnomaly;

std::string Unfold(const char* raw) { return raw ? detail::UnfoldValue(raw) : std::string(); }

std::string DecodeContent(GMimePart* part, size_t limit) {
  GMimeDataWrapper* wrapper = g_mime_part_get_content(part);
  if (wrapper == nullptr) return {};
  GMimeStream* stream = g_mime_stream_mem_new();
  g_mime_data_wrapper_write_to_stream(wrapper, stream);
  GByteArray* bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(stream));
  std::string out(reinterpret_cast<const char*>(bytes->data), std::min<size_t>(bytes->len, limit));
  g_object_unref(stream);
  return out;
}

class Walker {
 public:
  explicit Walker(ParsedMessage* m) : m_(m) {}

  void Walk(GMimeObject* obj, int depth, int alt_group) {
    if (obj == nullptr) return;
    if (m_->tree.size() >= kMaxParts || depth > kMaxDepth) {
      AddAnomaly(&m_->anomalies,
                 m_->tree.size() >= kMaxParts ? "too-many-parts" : "nesting-too-deep");
      Past(obj, depth, alt_group);
      return;
    }
    MimeNode node = detail::NodeOf(depth, g_mime_object_get_content_type(obj),
                                   g_mime_object_get_disposition(obj));

    if (GMIME_IS_MULTIPART(obj)) {
      m_->tree.push_back(node);
      GMimeMultipart* mp = GMIME_MULTIPART(obj);
      int n = g_mime_multipart_get_count(mp);
      int group = alt_group;
      if (node.content_type == "multipart/alternative") group = next_group_++;
      if (n == 0) AddAnomaly(&m_->anomalies, "empty-multipart");
      for (int i = 0; i < n; ++i) Walk(g_mime_multipart_get_part(mp, i), depth + 1, group);
      return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {
      m_->tree.push_back(node);
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
      if (inner) Walk(g_mime_message_get_mime_part(inner), depth + 1, -1);
      return;
    }
    if (!GMIME_IS_PART(obj)) {
      m_->tree.push_back(node);
      return;
    }
    GMimePart* part = GMIME_PART(obj);
    PartFields(part, &node);
    const char* cid = g_mime_object_get_content_id(obj);
    detail::AddLeaf(
        std::move(node), alt_group, cid ? cid : "",
        [part](size_t limit) { return DecodeContent(part, limit); }, m_);
  }

  // The text parts met past the part or depth limit that are read all the
  // same, once the walk is over: the last kLateTextParts of them and the
  // deepest (an attacker hides the letter after the padding or below it),
  // and the last kLateImages images. They become bodies and images, not
  // tree nodes.
  void AddLate() {
    if (deepest_.part != nullptr && std::none_of(late_.begin(), late_.end(), [&](const Late& l) {
          return l.part == deepest_.part;
        })) {
      late_.insert(late_.begin(), deepest_);
    }
    for (const Late& l : late_) {
      MimeNode node = detail::NodeOf(l.depth, g_mime_object_get_content_type(GMIME_OBJECT(l.part)),
                                     g_mime_object_get_disposition(GMIME_OBJECT(l.part)));
      PartFields(l.part, &node);
      detail::AddTextLeaf(&node, l.alt_group, DecodeContent(l.part, std::string::npos), m_);
    }
    if (!overflow_text_.empty()) {
      MimeNode node = detail::NodeOf(overflow_depth_, nullptr, nullptr, nullptr, nullptr);
      detail::AddTextLeaf(&node, -1, std::move(overflow_text_), m_);
    }
    for (const Late& l : late_images_) {
      MimeNode node = detail::NodeOf(l.depth, g_mime_object_get_content_type(GMIME_OBJECT(l.part)),
                                     g_mime_object_get_disposition(GMIME_OBJECT(l.part)));
      PartFields(l.part, &node);
      const char* cid = g_mime_object_get_content_id(GMIME_OBJECT(l.part));
      detail::AddImageLeaf(&node, cid ? cid : "", DecodeContent(l.part, kMaxImageBytes + 1), m_);
    }
  }

 private:
  struct Late {
    GMimePart* part = nullptr;
    int depth = 0;
    int alt_group = -1;
  };

  static void PartFields(GMimePart* part, MimeNode* node) {
    const char* fname = g_mime_part_get_filename(part);
    if (fname) node->filename = SanitizeUtf8(fname);
    GMimeContentEncoding enc = g_mime_part_get_content_encoding(part);
    const char* enc_name = g_mime_content_encoding_to_string(enc);
    node->encoding = enc_name ? enc_name : "7bit";
  }

  // Past a limit: no tree nodes, only the text parts remembered. GMime's
  // own nesting limit bounds the recursion, mime_bounds.h the parts.
  void Past(GMimeObject* obj, int depth, int alt_group) {
    if (obj == nullptr) return;
    if (GMIME_IS_MULTIPART(obj)) {
      GMimeMultipart* mp = GMIME_MULTIPART(obj);
      GMimeContentType* ct = g_mime_object_get_content_type(obj);
      int group = alt_group;
      if (ct && g_mime_content_type_is_type(ct, "multipart", "alternative")) group = next_group_++;
      int n = g_mime_multipart_get_count(mp);
      for (int i = 0; i < n; ++i) Past(g_mime_multipart_get_part(mp, i), depth + 1, group);
      // Past GMime's own nesting limit (1,024 levels, "nesting-overflow") a
      // multipart has no parts: the rest of the message is its prologue,
      // read as plain text.
      const char* prologue = n == 0 ? g_mime_multipart_get_prologue(mp) : nullptr;
      if (prologue != nullptr && *prologue != '\0' && depth >= overflow_depth_) {
        overflow_depth_ = depth;
        overflow_text_ = prologue;
      }
      return;
    }
    if (GMIME_IS_MESSAGE_PART(obj)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(obj));
      if (inner) Past(g_mime_message_get_mime_part(inner), depth + 1, -1);
      return;
    }
    if (!GMIME_IS_PART(obj)) return;
    GMimeContentType* ct = g_mime_object_get_content_type(obj);
    if (ct && (g_mime_content_type_is_type(ct, "image", "*") ||
               g_mime_content_type_is_type(ct, "application", "octet-stream"))) {
      // The last images too (a QR-code wallet after padding parts).
      late_images_.push_back({GMIME_PART(obj), depth, -1});
      if (late_images_.size() > kLateImages) late_images_.erase(late_images_.begin());
      return;
    }
    if (ct && !g_mime_content_type_is_type(ct, "text", "*")) return;
    Late l{GMIME_PART(obj), depth, alt_group};
    if (depth > kMaxDepth && depth >= deepest_.depth) deepest_ = l;
    late_.push_back(l);
    if (late_.size() > kLateTextParts) late_.erase(late_.begin());
  }

  ParsedMessage* m_;
  int next_group_ = 0;
  static constexpr size_t kLateImages = 4;
  std::vector<Late> late_, late_images_;
  Late deepest_;
  std::string overflow_text_;  // the deepest prologue past GMime's nesting limit
  int overflow_depth_ = 0;
};

}  // namespace

namespace detail {

void ParseWithGMime(std::string_view raw, ParsedMessage* m) {
  InitGMime();
  GMimeParserOptions* opts = NewParserOptions(&m->anomalies);

  GMimeStream* stream = g_mime_stream_mem_new_with_buffer(raw.data(), raw.size());
  GMimeParser* parser = g_mime_parser_new_with_stream(stream);
  g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
  GMimeMessage* msg = g_mime_parser_construct_message(parser, opts);
  g_object_unref(parser);
  g_object_unref(stream);
  if (msg == nullptr) {
    AddAnomaly(&m->anomalies, "unparseable");
    g_mime_parser_options_free(opts);
    return;
  }

  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(msg));
  int count = g_mime_header_list_get_count(headers);
  for (int i = 0; i < count && i < 1000; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    m->headers.push_back({name ? name : "", Unfold(g_mime_header_get_raw_value(h))});
  }
  if (const char* id = g_mime_message_get_message_id(msg)) m->message_id = SanitizeUtf8(id);
  for (int i = 0; i < count; ++i) {
    GMimeHeader* h = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(h);
    if (name != nullptr && g_ascii_strcasecmp(name, "Subject") == 0) {
      m->subject = DecodeHeaderText(Unfold(g_mime_header_get_raw_value(h)));
      break;
    }
  }
  SetDate(g_mime_message_get_date(msg), m);
  CollectAddresses(g_mime_message_get_from(msg), &m->from);
  CollectAddresses(g_mime_message_get_to(msg), &m->to);
  CollectAddresses(g_mime_message_get_reply_to(msg), &m->reply_to);

  Walker walker(m);
  walker.Walk(g_mime_message_get_mime_part(msg), 0, -1);
  walker.AddLate();
  detail::FinishMessage(m);

  g_object_unref(msg);
  g_mime_parser_options_free(opts);
}

}  // namespace detail

std::vector<std::string_view> ParsedMessage::HeaderValues(std::string_view name) const {
  std::vector<std::string_view> out;
  for (const Header& h : headers) {
    if (AsciiIEquals(h.name, name)) out.push_back(h.value);
  }
  return out;
}

std::string_view ParsedMessage::HeaderValue(std::string_view name) const {
  auto all = HeaderValues(name);
  return all.empty() ? std::string_view() : all.front();
}

namespace {

// Loose RFC 2047 options without a warning callback, made once per thread
// (GMime only reads them).
GMimeParserOptions* LooseDecodeOptions() {
  struct Holder {
    GMimeParserOptions* opts = g_mime_parser_options_new();
    Holder() {
      g_mime_parser_options_set_rfc2047_compliance_mode(opts, GMIME_RFC_COMPLIANCE_LOOSE);
    }
    ~Holder() { g_mime_parser_options_free(opts); }
  };
  thread_local Holder holder;
  return holder.opts;
}

char* GMimeDecode(const std::string& text) {
  return g_mime_utils_header_decode_text(LooseDecodeOptions(), text.c_str());
}

// GMime merges adjacent encoded words of one charset before converting, which
// loses text for the stateful ISO-2022-JP (each word ends in ESC ( B). RFC 2047
// §6.2 says each word is decoded on its own, so for ISO-2022-* words we do
// exactly that and drop the whitespace between adjacent words.
std::string DecodeWordsSeparately(const std::string& text) {
  std::string out;
  size_t pos = 0;
  bool prev_word = false;
  while (pos < text.size()) {
    size_t start = text.find("=?", pos);
    size_t q1 = start == std::string::npos ? std::string::npos : text.find('?', start + 2);
    size_t q2 = q1 == std::string::npos ? std::string::npos : text.find('?', q1 + 1);
    size_t end = q2 == std::string::npos ? std::string::npos : text.find("?=", q2 + 1);
    if (end == std::string::npos) {
      out.append(text, pos);
      break;
    }
    std::string between = text.substr(pos, start - pos);
    bool blank = between.find_first_not_of(" \t") == std::string::npos;
    if (!(prev_word && blank)) {
      char* d = GMimeDecode(between);
      if (d) out.append(d);
      g_free(d);
    }
    char* d = GMimeDecode(text.substr(start, end + 2 - start));
    if (d) out.append(d);
    g_free(d);
    prev_word = true;
    pos = end + 2;
  }
  return out;
}

}  // namespace

std::string DecodeHeaderText(std::string_view value) {
  detail::InitGMime();
  std::string input(value.substr(0, 64 * 1024));
  if (!IsValidUtf8(input)) {
    // Unencoded 8-bit header (common in Japanese and Chinese spam): convert
    // the raw bytes first, keeping any encoded words for GMime.
    input = text::ConvertToUtf8(input, "").text;
  }
  detail::KeepEncodedWordCharsetsLoaded(input);
  bool stateful = false;
  for (size_t p = 0; (p = input.find("=?", p)) != std::string::npos; p += 2) {
    if (AsciiIEquals(std::string_view(input).substr(p + 2, 9), "iso-2022-")) stateful = true;
  }
  std::string out;
  if (stateful) {
    out = DecodeWordsSeparately(input);
  } else {
    char* decoded = GMimeDecode(input);
    if (decoded) out = decoded;
    g_free(decoded);
  }
  return SanitizeUtf8(out);
}

ParsedMessage ParseMessage(std::string_view raw) {
  detail::InitGMime();
  std::optional<std::string> repaired = detail::RepairSplitHeader(raw);
  std::string_view input = repaired ? std::string_view(*repaired) : raw;
  // Bounded before either reader builds anything (mime_bounds.h).
  std::vector<std::string> bounds;
  std::optional<std::string> bounded = detail::BoundStructure(input, &bounds);
  if (bounded) input = *bounded;
  auto fresh = [&repaired, &bounds] {
    ParsedMessage m;
    if (repaired) m.anomalies.push_back("blank-lines-in-header");
    for (const std::string& b : bounds) m.anomalies.push_back(b);
    return m;
  };
  ParsedMessage m = fresh();
  if (detail::ParseFast(input, &m)) return m;
  m = fresh();
  detail::ParseWithGMime(input, &m);
  return m;
}

}  // namespace extortrace::mail
