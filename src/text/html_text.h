// Visible text of an HTML document, as a recipient would read it.
//
// Drops <script>, <style>, <head> content and comments, and text hidden by
// inline CSS: display:none, visibility:hidden, font-size:0 (or <= 1px),
// zero width/height/max-height, off-screen positioning, opacity:0, and text
// colour equal to its background colour (also the <font color> / bgcolor /
// <body text> attributes; the page background defaults to white). Simple
// <style> rules (".cls{display:none}", "#id{font-size:0}") applied through
// class=/id= count too; no other CSS selectors are evaluated. Block
// elements (p, div, br, li, tr, h1-h6 ...) become line breaks; character
// references are decoded (full WHATWG table); text nodes separated only by a comment
// are joined without a space ("bit<!-- -->coin" -> "bitcoin"). Hidden text is kept separately,
// because junk hidden from the reader is itself evidence.
//
// Input must be UTF-8 (convert with text/charset.h first). Memory is linear
// in the input; gumbo's parse is bounded by the caller's input limit.
// Thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::text {

enum class HtmlTrick : unsigned {
  kNone = 0,
  kDisplayNone = 1u << 0,
  kVisibilityHidden = 1u << 1,
  kZeroFontSize = 1u << 2,
  kZeroSize = 1u << 3,  // also moved off-screen (text-indent/left <= -500px)
  kSameColour = 1u << 4,
  kOpacityZero = 1u << 5,
  kCharacterReferences = 1u << 6,  // much of the text written as &#...; / &name;
  kComments = 1u << 7,             // a comment splits a word ("bit<!-- -->coin")
};

struct HtmlText {
  std::string visible;                     // UTF-8, one space between inline runs, '\n' for blocks
  std::string hidden;                      // text that was present but hidden from the reader
  unsigned tricks = 0;                     // bitwise OR of HtmlTrick
  std::vector<std::string> image_sources;  // <img src> values, in order (cid: kept)
  std::vector<std::string> links;          // <a href> values, in order
};

// What HtmlToText reads of a document; the mail parser keeps HTML bodies
// within it (mail/message.h).
inline constexpr size_t kMaxHtmlInput = size_t{4} << 20;

// Inputs over kMaxHtmlInput are cut there (on a UTF-8 boundary) before
// parsing. Documents nested deeper than ~2000 elements are not parsed with gumbo and
// come back as StripTagsFallback text with no tricks detected.
//
// Implemented by a hand-written single-pass extractor (lenient tokenizer and
// a simplified HTML tree-construction model, no DOM): ~15x faster than gumbo,
// and validated against HtmlToTextReference on every HTML part of the shared
// mail corpus (decision 0006). Where the fast path cannot reproduce gumbo's
// result (see html_fast.h) it falls back to HtmlToTextReference.
HtmlText HtmlToText(std::string_view utf8_html);

// The reference implementation: a gumbo (spec-compliant HTML5) parse and a
// walk of its tree, with the same rules. Same contract as HtmlToText, ~8
// MB/s. Used by tests and the differential checks, and as the fallback.
HtmlText HtmlToTextReference(std::string_view utf8_html);

// Cheap tag stripper for text/plain parts that contain HTML-ish tags
// ("Hello</br>pay now"): removes anything that looks like a tag (<x...>,
// </x>, <!...>) within 2 KB, turns br/p/div/li/tr/h1-h3/table/hr tags into
// '\n', decodes numeric references and &amp; &lt; &gt; &quot; &apos; &nbsp;.
// A '<' not followed by a letter, '/' or '!' is kept. Linear time.
std::string StripTagsFallback(std::string_view text);

// Character references used as a disguise in a text/plain part
// ("&#x59;&#x6f;&#x75;...", "b&#105;tc&#111;in"): mail clients show them
// literally, so a reader sees noise while the sender hopes filters do too.
// True when `text` has at least 4 numeric references to ASCII letters or
// digits (nobody writes "B" as "&#66;" in plain text), or at least 10
// references of any kind that make up 30% or more of the decoded non-blank
// characters; `*decoded` is then `text` with every reference decoded (HTML
// text rules, as HtmlToText). Otherwise false and `*decoded` is untouched, so
// plain text that mentions "&amp;" or "&lt;" now and then is left alone.
// Linear time.
bool DecodeDisguisedReferences(std::string_view text, std::string* decoded);

// Names of the tricks set in `tricks`, for the scan record ("hidden-html",
// "html-entities", "html-comments"): every hiding trick maps to
// "hidden-html"; each name appears at most once.
std::vector<std::string> HtmlTrickNames(unsigned tricks);

}  // namespace extortrace::text
