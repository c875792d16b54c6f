// Visible text of an HTML document (gumbo), as a recipient would read it.
//
// Drops <script>, <style>, <head> content and comments, and text hidden by
// inline CSS: display:none, visibility:hidden, font-size:0, zero
// width/height with overflow hidden, opacity:0, and text colour equal to its
// background colour (also the <font color> / bgcolor attributes). Block
// elements (p, div, br, li, tr, h1-h6 ...) become line breaks; character
// references are decoded by gumbo. Hidden text is kept separately, because
// junk hidden from the reader is itself evidence.
//
// Input must be UTF-8 (convert with text/charset.h first). Memory is linear
// in the input; gumbo's parse is bounded by the caller's input limit.
// Thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace extortrace::text {

enum class HtmlTrick : unsigned {
  kNone = 0,
  kDisplayNone = 1u << 0,
  kVisibilityHidden = 1u << 1,
  kZeroFontSize = 1u << 2,
  kZeroSize = 1u << 3,
  kSameColour = 1u << 4,
  kOpacityZero = 1u << 5,
  kCharacterReferences = 1u << 6,  // much of the text written as &#...; / &name;
  kComments = 1u << 7,             // comments inside words or many comments
};

struct HtmlText {
  std::string visible;          // UTF-8, one space between inline runs, '\n' for blocks
  std::string hidden;           // text that was present but hidden from the reader
  unsigned tricks = 0;          // bitwise OR of HtmlTrick
  std::vector<std::string> image_sources;  // <img src> values, in order (cid: kept)
  std::vector<std::string> links;          // <a href> values, in order
};

HtmlText HtmlToText(std::string_view utf8_html);

// Names of the tricks set in `tricks`, for the scan record ("hidden-html",
// "html-entities"): every hiding trick maps to "hidden-html".
std::vector<std::string> HtmlTrickNames(unsigned tricks);

}  // namespace extortrace::text
