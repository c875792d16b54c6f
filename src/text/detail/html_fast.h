// The fast HTML visible-text extractor behind HtmlToText (internal; see
// decision 0006). One pass over the bytes: HtmlTokenizer, then a small
// model of HTML tree construction (element stack with the spec's scopes and
// implied end tags, <p>/<li>/<dd>/<option>/cell/row closing, table modes
// with foster parenting of stray content, the list of active formatting
// elements with reconstruction and a simplified adoption agency, raw-text
// and RCDATA elements, <head> content) that feeds detail::HtmlSink with the
// same element events a gumbo tree walk would, without building a tree.
#pragma once

#include <string_view>

#include "text/html_text.h"

namespace extortrace::text::detail {

// Fills `out` (which must be empty) from `html` (already cut to the input
// limit). Returns false, leaving `out` unspecified, where the result cannot
// be trusted to match the gumbo reference; the caller then runs
// HtmlToTextReference. Invalid UTF-8 is replaced with U+FFFD first.
bool FastHtmlToText(std::string_view html, HtmlText* out);

// Why the last FastHtmlToText call on this thread returned false (a static
// string), or "" if it returned true. For the differential tests.
const char* FastHtmlFallbackReason();

}  // namespace extortrace::text::detail
