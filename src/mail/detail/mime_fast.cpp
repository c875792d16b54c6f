// The fast MIME reader (mime_readers.h): header fields and multipart
// boundaries are found in the raw bytes (detail/mime_fields.h) and compared in place;
// only the small structured values (Content-Type and Content-Disposition
// parameters, address lists, dates, message ids) go through GMime's own
// parsing functions, so that they come out exactly as in the GMime reader.
// Anything unusual makes ParseFast decline and the GMime reader take over.
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "mail/detail/content_fields.h"
#include "mail/detail/gmime_glue.h"
#include "mail/detail/iconv_keep.h"
#include "mail/detail/mime_fields.h"
#include "mail/detail/mime_readers.h"

namespace extortrace::mail::detail {
namespace {

using namespace fields;  // NOLINT: this file is their one user

class FastReader {
 public:
  FastReader(ParsedMessage* m, GMimeParserOptions* opts) : m_(m), opts_(opts) {}

  bool Message(std::string_view raw) {
    if (!SkipFromLine(&raw)) return false;
    raw_ = raw;
    std::vector<Field> fields;
    size_t body = 0;
    if (!ReadHeader(raw, &fields, &body)) return false;
    Check8Bit(fields, &m_->anomalies);
    // GMime keeps the Content-* fields with the top MIME part, not the message.
    const Field* first_subject = nullptr;
    size_t subject_header = 0;  // its unfolded value in m_->headers, once kept
    for (size_t i = 0; i < fields.size() && m_->headers.size() < 1000; ++i) {
      if (IsContentField(fields[i].name)) continue;
      m_->headers.push_back({std::string(fields[i].name), UnfoldValue(fields[i].raw)});
      if (first_subject == nullptr && AsciiIEquals(fields[i].name, "Subject")) {
        first_subject = &fields[i];
        subject_header = m_->headers.size() - 1;
      }
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
    if ((id && id->mixed_endings) || (date && date->mixed_endings)) {
      return Decline("mixed-line-endings");
    }
    if (id) {
      // GMime's reader hands the trimmed value on: a value it cannot parse
      // comes back as it is.
      char* decoded = g_mime_utils_decode_message_id(Trim(JoinLines(id->raw)).c_str());
      if (decoded) m_->message_id = SanitizeUtf8(decoded);
      g_free(decoded);
    }
    for (const Field& f : fields) {
      if (!AsciiIEquals(f.name, "Subject")) continue;
      m_->subject = DecodeHeaderText(&f == first_subject ? m_->headers[subject_header].value
                                                         : UnfoldValue(f.raw));
      break;
    }
    DecodeForWarnings(fields);
    if (date) {
      GDateTime* d = g_mime_utils_header_decode_date(RTrim(JoinLines(date->raw)).c_str());
      SetDate(d, m_);
      if (d) g_date_time_unref(d);
    }
    if (HasConflict(fields, IsSingleField)) AddAnomaly(&m_->anomalies, "conflicting-header");
    // GMime checks every open boundary on every line, innermost first; the
    // split here cuts the outer multipart first. The two agree unless one
    // boundary begins with another (the same one reused inside an attached
    // message, say).
    if (!DistinctBoundaries(raw)) return Decline("boundary-reused");
    if (!Part(fields, raw.substr(body), 0, -1, true)) return false;
    FinishMessage(m_);
    return true;
  }

 private:
  // GMime's reader of a message header drops a first line that begins with
  // "From " (an mbox From_ line) without a warning, with any continuation
  // lines, but reads "From  : x" (blanks before the colon) as a From field.
  // The fast reader drops the line when it is printable ASCII, not such a
  // field, and the next line starts a field or ends the header (ReadHeader
  // declines the rest).
  static bool SkipFromLine(std::string_view* raw) {
    if (raw->substr(0, 5) != "From ") return true;
    Line line = LineAt(*raw, 0);
    if (line.next == std::string_view::npos) return Decline("header-without-end");
    if (!IsAscii(line.text) || !IsPrintableLine(line.text)) return Decline("odd-from-line");
    size_t after = line.text.find_first_not_of(" \t", 4);
    if (after != std::string_view::npos && line.text[after] == ':') {
      return Decline("from-field-with-blanks");
    }
    raw->remove_prefix(line.next);
    return true;
  }

  // GMime decodes the encoded words of every field as it parses; a broken
  // one is an anomaly.
  void DecodeForWarnings(const std::vector<Field>& fields) {
    for (const Field& f : fields) {
      if (HasEncodedWord(f.raw)) {
        KeepEncodedWordCharsetsLoaded(f.raw);
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
      // GMime reads CR LF and bare LF differently inside a folded address list,
      // and a comment left open across folded lines.
      if (f && f->mixed_endings) return Decline("mixed-line-endings");
      if (f && (!BalancedComments(f->raw) || f->raw.find("\"\"\"") != std::string_view::npos)) {
        return Decline("odd-address-quoting");
      }
      std::vector<Address> discard;
      Addresses(f, keep && i < std::size(kept) ? kept[i] : &discard);
    }
    return true;
  }

  // As CollectAddresses of the parsed list into `out`: the same mailboxes
  // appended while it holds fewer than 256.
  void Addresses(const Field* f, std::vector<Address>* out) {
    if (f == nullptr) return;
    std::vector<Address> parsed = ParseAddressList(std::string(f->raw), &m_->anomalies);
    size_t room = out->size() < 256 ? 256 - out->size() : 0;
    if (parsed.size() > room) parsed.resize(room);
    out->insert(out->end(), std::make_move_iterator(parsed.begin()),
                std::make_move_iterator(parsed.end()));
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
    for (const Field* f : {ct_field, cte_field, cd_field, cid_field}) {
      if (f && f->mixed_endings) return Decline("mixed-line-endings");
    }
    // GMime's parser decodes encoded words in these before parsing them
    // (standing for the type itself, or inside malformed parameters); the
    // public parse functions do not. Rare in real mail (10 of 10,018).
    if ((ct_field && HasEncodedWord(ct_field->raw)) ||
        (cd_field && HasEncodedWord(cd_field->raw)) ||
        (cid_field && HasEncodedWord(cid_field->raw))) {
      return Decline("encoded-word-in-content-field");
    }
    std::string ct_value = ct_field ? RTrim(JoinLines(ct_field->raw)) : std::string();
    ContentType ct = ParseContentType(ct_field ? &ct_value : nullptr, &m_->anomalies);
    if (!ct.parsed) return Decline("no-content-type");
    ContentDisposition cd;
    if (cd_field) cd = ParseContentDisposition(RTrim(JoinLines(cd_field->raw)), &m_->anomalies);
    auto c_str = [](const std::optional<std::string>& s) { return s ? s->c_str() : nullptr; };

    MimeNode node =
        NodeOf(depth, c_str(ct.type), c_str(ct.subtype), c_str(ct.charset), c_str(cd.disposition));
    GMimeContentEncoding enc = GMIME_CONTENT_ENCODING_DEFAULT;
    if (cte_field)
      enc = g_mime_content_encoding_from_string(RTrim(UnfoldValue(cte_field->raw)).c_str());

    if (node.content_type.rfind("multipart/", 0) == 0) {
      if (!ct.boundary || ct.boundary->empty() || node.content_type == "multipart/digest") {
        return Decline("no-boundary-or-digest");
      }
      const std::string& boundary = *ct.boundary;
      std::vector<std::string_view> parts;
      bool truncated = false;
      if (!SplitMultipart(raw_, body, boundary, &parts, &truncated)) return false;
      if (truncated) AddAnomaly(&m_->anomalies, "truncated-message");
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
    if (enc == GMIME_CONTENT_ENCODING_UUENCODE || body.empty())
      return Decline("uuencode-or-empty-part");
    const char* fname = cd.filename ? cd.filename->c_str() : c_str(ct.name);
    if (fname) node.filename = SanitizeUtf8(fname);
    const char* enc_name = g_mime_content_encoding_to_string(enc);
    node.encoding = enc_name ? enc_name : "7bit";
    std::string cid;
    if (cid_field) {
      char* decoded = g_mime_utils_decode_message_id(Trim(JoinLines(cid_field->raw)).c_str());
      if (decoded) cid = decoded;
      g_free(decoded);
    }
    AddLeaf(
        std::move(node), alt_group, cid,
        [body, enc](size_t limit) { return DecodeTransfer(body, enc, limit); }, m_);
    return true;
  }

  ParsedMessage* m_;
  GMimeParserOptions* opts_;
  std::string_view raw_;
  int next_group_ = 0;
};

}  // namespace

bool ParseFast(std::string_view raw, ParsedMessage* m) {
  ResetDecline();
  InitGMime();
  GMimeParserOptions* opts = NewParserOptions(&m->anomalies);
  bool ok = FastReader(m, opts).Message(raw);
  g_mime_parser_options_free(opts);
  return ok;
}

}  // namespace extortrace::mail::detail
