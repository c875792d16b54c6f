// The fast MIME reader (mime_readers.h): header fields and multipart
// boundaries are found in the raw bytes with memchr and compared in place;
// only the small structured values (Content-Type and Content-Disposition
// parameters, address lists, dates, message ids) go through GMime's own
// parsing functions, so that they come out exactly as in the GMime reader.
// Anything unusual makes ParseFast decline and the GMime reader take over.
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "mail/detail/gmime_glue.h"
#include "mail/detail/mime_readers.h"

namespace extortrace::mail::detail {
namespace {

thread_local const char* tl_decline = "";

bool Decline(const char* why) {
  tl_decline = why;
  return false;
}

struct Field {
  std::string_view name;
  std::string_view raw;  // after the colon, folding included, final line break excluded
  bool mixed_endings;    // folded with both CR LF and bare LF line ends
};

char AsciiLower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

bool IEquals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (AsciiLower(a[i]) != AsciiLower(b[i])) return false;
  }
  return true;
}

// A line of `s` starting at `pos`: its text without the line break, and the
// offset just past the break (npos when the line has none).
struct Line {
  std::string_view text;
  size_t next;
};

Line LineAt(std::string_view s, size_t pos) {
  const void* nl = std::memchr(s.data() + pos, '\n', s.size() - pos);
  size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - s.data()) : s.size();
  std::string_view text = s.substr(pos, end - pos);
  if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
  return {text, nl ? end + 1 : std::string_view::npos};
}

// No control bytes but TAB (8-bit bytes are allowed: see Has8BitValue).
bool PlainHeaderLine(std::string_view line) {
  for (char c : line) {
    unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != '\t') || u == 0x7F) return false;
  }
  return true;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// A folded value as GMime's parser hands it on: line breaks removed, the
// blanks that started each continuation line kept.
std::string JoinLines(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (char c : raw) {
    if (c != '\r' && c != '\n') out.push_back(c);
  }
  return out;
}

std::string_view BeforeParams(std::string_view value) { return value.substr(0, value.find(';')); }

bool HasEncodedWord(std::string_view s) { return s.find("=?") != std::string_view::npos; }

bool IsBlank(std::string_view s) {
  for (char c : s) {
    if (c != ' ' && c != '\t') return false;
  }
  return true;
}

// Reads the header block at the start of `s`. False when it has control
// bytes, a line that is neither a field nor a continuation, or does not end
// in a blank line.
bool ReadHeader(std::string_view s, std::vector<Field>* fields, size_t* body_offset) {
  size_t pos = 0;
  bool field_crlf = false;  // how the current field's first line ends
  while (true) {
    Line line = LineAt(s, pos);
    if (line.next == std::string_view::npos) return Decline("header-without-end");
    const bool crlf = line.next >= 2 && s[line.next - 2] == '\r';
    if (line.text.empty()) {
      *body_offset = line.next;
      return true;
    }
    if (!PlainHeaderLine(line.text)) return Decline("8bit-or-control-in-header");
    if (line.text[0] == ' ' || line.text[0] == '\t') {
      if (fields->empty() || IsBlank(line.text)) return Decline("bad-continuation");
      if (crlf != field_crlf) fields->back().mixed_endings = true;
      Field& f = fields->back();
      f.raw = std::string_view(f.raw.data(), line.text.data() + line.text.size() - f.raw.data());
    } else {
      size_t colon = line.text.find(':');
      if (colon == 0 || colon == std::string_view::npos) return Decline("line-without-colon");
      for (size_t i = 0; i < colon; ++i) {
        unsigned char c = static_cast<unsigned char>(line.text[i]);
        if (c <= ' ' || c > '~') return Decline("bad-field-name");
      }
      fields->push_back({line.text.substr(0, colon), line.text.substr(colon + 1), false});
      field_crlf = crlf;
    }
    pos = line.next;
  }
}

// The single field called `name`; false if it occurs more than once.
bool FindUnique(const std::vector<Field>& fields, std::string_view name, const Field** out) {
  *out = nullptr;
  for (const Field& f : fields) {
    if (!IEquals(f.name, name)) continue;
    if (*out) return Decline("duplicate-field");
    *out = &f;
  }
  return true;
}

// GMime's check_header_conflict: a field whose name was seen before with a
// different raw value is a conflicting header. `only` limits the check to
// names it accepts.
template <typename Pred>
bool HasConflict(const std::vector<Field>& fields, Pred only) {
  for (size_t i = 1; i < fields.size(); ++i) {
    if (!only(fields[i].name)) continue;
    for (size_t j = 0; j < i; ++j) {
      if (IEquals(fields[j].name, fields[i].name)) {
        if (fields[j].raw != fields[i].raw) return true;
        break;
      }
    }
  }
  return false;
}

// GMime warns of a field whose raw value is not UTF-8 (8-bit text in a
// legacy charset, not RFC 2047 encoded).
void Check8Bit(const std::vector<Field>& fields, std::vector<std::string>* anomalies) {
  for (const Field& f : fields) {
    if (!IsValidUtf8(f.raw)) {
      AddAnomaly(anomalies, "unencoded-8bit-header");
      return;
    }
  }
}

bool IsContentField(std::string_view name) { return IEquals(name.substr(0, 8), "Content-"); }

// RFC 5322 §3.6 fields that may occur once (GMime's rfc5322_single_hdr).
bool IsSingleField(std::string_view name) {
  for (std::string_view s : {"bcc", "cc", "date", "from", "in-reply-to", "message-id",
                             "references", "reply-to", "sender", "subject", "to"}) {
    if (IEquals(name, s)) return true;
  }
  return false;
}

std::string RTrim(std::string s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

template <typename T>
struct GObjectPtr {
  T* p = nullptr;
  ~GObjectPtr() {
    if (p) g_object_unref(p);
  }
};

// Cuts a multipart body at its boundary lines. False when the boundary is
// missing, unterminated, or appears as the prefix of another line. `body`
// lies inside `message` (a nested multipart ends where its parent's boundary
// starts, but its last boundary line goes on in the message).
bool SplitMultipart(std::string_view message, std::string_view body, std::string_view boundary,
                    std::vector<std::string_view>* parts) {
  const std::string marker = "--" + std::string(boundary);
  size_t part_start = std::string_view::npos;
  // Only lines that start with "--boundary" matter: jump from one to the next.
  for (size_t pos = body.find(marker); pos != std::string_view::npos;
       pos = body.find(marker, pos + 1)) {
    if (pos > 0 && body[pos - 1] != '\n') continue;
    Line line = LineAt(body, pos);
    std::string_view rest = line.text.substr(marker.size());
    bool end = false;
    if (!IsBlank(rest)) {
      if (rest.size() < 2 || rest[0] != '-' || rest[1] != '-' || !IsBlank(rest.substr(2))) {
        return Decline("boundary-prefix-line");
      }
      end = true;
    }
    if (part_start != std::string_view::npos) {
      // GMime gives the line break before a boundary to the boundary: two
      // bytes when the boundary line itself ends in CR LF, else one.
      const char* start = body.data() + pos;
      const char* stop = message.data() + message.size();
      const void* nl = std::memchr(start, '\n', static_cast<size_t>(stop - start));
      const char* end_of_text = nl ? static_cast<const char*>(nl) : stop;
      size_t strip = end_of_text > start && end_of_text[-1] == '\r' ? 2 : 1;
      size_t len = pos - part_start;
      if (len > 0 && len < strip) return Decline("short-part");
      parts->push_back(body.substr(part_start, len == 0 ? 0 : len - strip));
    }
    if (end) return parts->empty() ? Decline("empty-multipart") : true;
    if (line.next == std::string_view::npos) return Decline("boundary-at-eof");
    part_start = line.next;
  }
  return Decline("no-end-boundary");
}

class FastReader {
 public:
  FastReader(ParsedMessage* m, GMimeParserOptions* opts) : m_(m), opts_(opts) {}

  bool Message(std::string_view raw) {
    raw_ = raw;
    std::vector<Field> fields;
    size_t body = 0;
    if (!ReadHeader(raw, &fields, &body)) return false;
    Check8Bit(fields, &m_->anomalies);
    // GMime keeps the Content-* fields with the top MIME part, not the message.
    for (size_t i = 0; i < fields.size() && m_->headers.size() < 1000; ++i) {
      if (IsContentField(fields[i].name)) continue;
      m_->headers.push_back({std::string(fields[i].name), UnfoldValue(fields[i].raw)});
    }
    const Field *id, *date;
    if (!FindUnique(fields, "Message-Id", &id) || !FindUnique(fields, "Date", &date)) {
      return Decline("duplicate-id-or-date");
    }
    if (!AddressFields(fields, true)) return false;
    // GMime converts 8-bit values of these to UTF-8 and decodes encoded
    // words in them before reading them.
    if ((id && (!IsAscii(id->raw) || HasEncodedWord(id->raw))) ||
        (date && (!IsAscii(date->raw) || HasEncodedWord(date->raw)))) {
      return Decline("8bit-or-encoded-id-or-date");
    }
    if (id) {
      char* decoded = g_mime_utils_decode_message_id(JoinLines(id->raw).c_str());
      if (decoded) m_->message_id = SanitizeUtf8(decoded);
      g_free(decoded);
    }
    for (const Field& f : fields) {
      if (!IEquals(f.name, "Subject")) continue;
      m_->subject = DecodeHeaderText(UnfoldValue(f.raw));
      break;
    }
    DecodeForWarnings(fields);
    if (date) {
      GDateTime* d = g_mime_utils_header_decode_date(JoinLines(date->raw).c_str());
      SetDate(d, m_);
      if (d) g_date_time_unref(d);
    }
    if (HasConflict(fields, IsSingleField)) AddAnomaly(&m_->anomalies, "conflicting-header");
    m_->return_path = std::string(m_->HeaderValue("Return-Path"));
    if (!Part(fields, raw.substr(body), 0, -1, true)) return false;
    if (m_->bodies.empty()) AddAnomaly(&m_->anomalies, "no-text-body");
    return true;
  }

 private:
  // GMime decodes the encoded words of every field as it parses; a broken
  // one is an anomaly.
  void DecodeForWarnings(const std::vector<Field>& fields) {
    for (const Field& f : fields) {
      if (HasEncodedWord(f.raw)) {
        g_free(g_mime_utils_header_decode_text(opts_, JoinLines(f.raw).c_str()));
      }
    }
  }

  // Every address field GMime parses (their warnings are anomalies);
  // From, To and Reply-To are kept when `keep`. False if one occurs twice.
  bool AddressFields(const std::vector<Field>& fields, bool keep) {
    static constexpr std::string_view kNames[] = {"From", "To", "Reply-To", "Sender", "Cc", "Bcc"};
    std::vector<Address>* kept[] = {&m_->from, &m_->to, &m_->reply_to};
    for (size_t i = 0; i < std::size(kNames); ++i) {
      const Field* f;
      if (!FindUnique(fields, kNames[i], &f)) return Decline("duplicate-address-field");
      // Legacy 8-bit bytes mixed with encoded words: GMime's parser reads
      // such a value differently from its public address parser.
      if (f && HasEncodedWord(f->raw) && !IsValidUtf8(f->raw)) {
        return Decline("8bit-and-encoded-address");
      }
      // GMime reads CR LF and bare LF differently inside a folded address list.
      if (f && f->mixed_endings) return Decline("mixed-line-endings");
      std::vector<Address> discard;
      Addresses(f, keep && i < std::size(kept) ? kept[i] : &discard);
    }
    return true;
  }

  void Addresses(const Field* f, std::vector<Address>* out) {
    if (f == nullptr) return;
    GObjectPtr<InternetAddressList> list{
        internet_address_list_parse(opts_, std::string(f->raw).c_str())};
    CollectAddresses(list.p, out);
  }

  // `toplevel`: the fields are a message's, of which only Content-* belong
  // to the part.
  bool Part(const std::vector<Field>& fields, std::string_view body, int depth, int alt_group,
            bool toplevel) {
    if (m_->tree.size() >= kMaxParts || depth > kMaxDepth) return Decline("limits");
    if (toplevel ? HasConflict(fields, IsContentField)
                 : HasConflict(fields, [](std::string_view) { return true; })) {
      AddAnomaly(&m_->anomalies, "conflicting-header");
    }
    const Field *ct_field, *cte_field, *cd_field, *cid_field;
    if (!FindUnique(fields, "Content-Type", &ct_field) ||
        !FindUnique(fields, "Content-Transfer-Encoding", &cte_field) ||
        !FindUnique(fields, "Content-Disposition", &cd_field) ||
        !FindUnique(fields, "Content-Id", &cid_field)) {
      return Decline("duplicate-content-field");
    }
    // GMime's parser converts an 8-bit type/subtype to UTF-8; the public
    // g_mime_content_type_parse keeps the raw bytes.
    if ((ct_field && !IsAscii(ct_field->raw)) || (cte_field && !IsAscii(cte_field->raw)) ||
        (cid_field && !IsAscii(cid_field->raw)) || (cd_field && !IsValidUtf8(cd_field->raw))) {
      return Decline("8bit-content-field");
    }
    // GMime's parser decodes an encoded word standing for the type or the
    // disposition itself; the public parse functions do not.
    if ((ct_field && HasEncodedWord(BeforeParams(ct_field->raw))) ||
        (cd_field && HasEncodedWord(BeforeParams(cd_field->raw))) ||
        (cid_field && HasEncodedWord(cid_field->raw))) {
      return Decline("encoded-word-in-content-field");
    }
    GObjectPtr<GMimeContentType> ct{
        ct_field ? g_mime_content_type_parse(opts_, JoinLines(ct_field->raw).c_str())
                 : g_mime_content_type_new("text", "plain")};
    if (ct.p == nullptr) return Decline("no-content-type");
    GObjectPtr<GMimeContentDisposition> cd{
        cd_field ? g_mime_content_disposition_parse(opts_, JoinLines(cd_field->raw).c_str())
                 : nullptr};

    MimeNode node;
    node.depth = depth;
    const char* type = g_mime_content_type_get_media_type(ct.p);
    const char* sub = g_mime_content_type_get_media_subtype(ct.p);
    node.content_type = Lower(std::string(type ? type : "text") + "/" + (sub ? sub : "plain"));
    if (const char* cs = g_mime_content_type_get_parameter(ct.p, "charset")) node.charset = cs;
    if (cd.p) {
      if (const char* d = g_mime_content_disposition_get_disposition(cd.p)) {
        node.disposition = Lower(d);
      }
    }
    GMimeContentEncoding enc = GMIME_CONTENT_ENCODING_DEFAULT;
    if (cte_field) enc = g_mime_content_encoding_from_string(RTrim(UnfoldValue(cte_field->raw)).c_str());

    if (node.content_type.rfind("multipart/", 0) == 0) {
      const char* boundary = g_mime_content_type_get_parameter(ct.p, "boundary");
      if (!boundary || !*boundary || node.content_type == "multipart/digest") return Decline("no-boundary-or-digest");
      std::vector<std::string_view> parts;
      if (!SplitMultipart(raw_, body, boundary, &parts)) return false;
      int group = node.content_type == "multipart/alternative" ? next_group_++ : alt_group;
      m_->tree.push_back(std::move(node));
      for (std::string_view p : parts) {
        std::vector<Field> sub_fields;
        size_t offset = 0;
        if (!ReadHeader(p, &sub_fields, &offset)) return false;
        Check8Bit(sub_fields, &m_->anomalies);
        DecodeForWarnings(sub_fields);
        if (!Part(sub_fields, p.substr(offset), depth + 1, group, false)) return false;
      }
      return true;
    }
    // GMime reads these four as an attached message; other message/* types
    // (delivery-status, partial, disposition-notification) are leaves.
    if (node.content_type == "message/rfc822" || node.content_type == "message/rfc2822" ||
        node.content_type == "message/news" || node.content_type == "message/global") {
      if (enc != GMIME_CONTENT_ENCODING_DEFAULT && enc != GMIME_CONTENT_ENCODING_7BIT &&
          enc != GMIME_CONTENT_ENCODING_8BIT && enc != GMIME_CONTENT_ENCODING_BINARY) {
        return Decline("encoded-message");
      }
      m_->tree.push_back(std::move(node));
      std::vector<Field> inner;
      size_t offset = 0;
      if (!ReadHeader(body, &inner, &offset)) return false;
      Check8Bit(inner, &m_->anomalies);
      DecodeForWarnings(inner);
      if (HasConflict(inner, IsSingleField)) AddAnomaly(&m_->anomalies, "conflicting-header");
      return AddressFields(inner, false) && Part(inner, body.substr(offset), depth + 1, -1, true);
    }
    if (enc == GMIME_CONTENT_ENCODING_UUENCODE || body.empty()) return Decline("uuencode-or-empty-part");
    const char* fname = cd.p ? g_mime_content_disposition_get_parameter(cd.p, "filename") : nullptr;
    if (!fname) fname = g_mime_content_type_get_parameter(ct.p, "name");
    if (fname) node.filename = SanitizeUtf8(fname);
    const char* enc_name = g_mime_content_encoding_to_string(enc);
    node.encoding = enc_name ? enc_name : "7bit";
    std::string cid;
    if (cid_field) {
      char* decoded = g_mime_utils_decode_message_id(JoinLines(cid_field->raw).c_str());
      if (decoded) cid = decoded;
      g_free(decoded);
    }
    AddLeaf(std::move(node), alt_group, cid,
            [body, enc](size_t limit) { return DecodeTransfer(body, enc, limit); }, m_);
    return true;
  }

  ParsedMessage* m_;
  GMimeParserOptions* opts_;
  std::string_view raw_;
  int next_group_ = 0;
};

}  // namespace

const char* LastDeclineReason() { return tl_decline; }

bool ParseFast(std::string_view raw, ParsedMessage* m) {
  tl_decline = "";
  InitGMime();
  GMimeParserOptions* opts = NewParserOptions(&m->anomalies);
  bool ok = FastReader(m, opts).Message(raw);
  g_mime_parser_options_free(opts);
  return ok;
}

}  // namespace extortrace::mail::detail
