// Lenient single-pass HTML tokenizer for the fast extractor (internal).
// Follows the HTML tokenizer states that matter for visible text (tags with
// quoted/unquoted attributes, comments including "<!-->" and "--!>",
// bogus comments "<?..>" / "</ x>", doctype, end-of-file inside a tag drops
// the tag) over the raw bytes, without copying: names and text are views
// into the input. Only the attributes the text extractor reads are kept;
// their values are decoded into buffers owned by the tokenizer, valid until
// the next call to Next(). No allocation per token once buffers are warm.
#pragma once

#include <gumbo.h>

#include <array>
#include <string>
#include <string_view>

#include "text/detail/html_emit.h"

namespace extortrace::text::detail {

struct HtmlToken {
  enum Kind { kText, kStartTag, kEndTag, kComment, kDoctype, kEof };
  Kind kind = kEof;
  std::string_view text;  // kText: raw (references not decoded); kDoctype: the body
  std::string_view name;  // tag name as written
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  bool self_closing = false;
  ElementAttrs attrs;      // start tags only
  AttrValue type;          // <input type>
  bool has_attrs = false;  // some of attrs/type is present (the tokenizer's own bookkeeping)
};

// gumbo_tagn_enum(name) through a table of gumbo's tag names (the same
// answer, without the call and its case-insensitive compare).
GumboTag LookupTag(std::string_view name);
// LookupTag(string_view(p, len)) where 16 bytes from `p` may be read.
GumboTag LookupTagPadded(const char* p, size_t len);

class HtmlTokenizer {
 public:
  explicit HtmlTokenizer(std::string_view html) : s_(html) {}

  // Next token; kEof at the end (and forever after).
  void Next(HtmlToken* t);

  // After the start tag of a raw-text/RCDATA element: the text up to the
  // matching end tag (case-insensitive "</name" + [\t\n\f\r />]), which is
  // consumed; to the end of the input if there is none.
  std::string_view RawText(std::string_view name);

  // Everything left (<plaintext>).
  std::string_view Rest();

 private:
  void Tag(HtmlToken* t, bool end);
  void Comment(HtmlToken* t);
  void BogusComment(HtmlToken* t, size_t from);

  std::string_view s_;
  size_t pos_ = 0;
  std::array<std::string, 10> decoded_;  // attribute values with references
};

}  // namespace extortrace::text::detail
