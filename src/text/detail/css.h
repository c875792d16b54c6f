// Lenient inline-CSS reading for html_text.cpp (internal): only the
// properties that can hide text, and colours. Not a CSS parser: spam uses a
// handful of hiding idioms, and a lenient scan that never fails on garbage
// finds them in mangled markup where a strict parser would give up.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace extortrace::text::detail {

// 0xRRGGBB; nullopt for unknown or "transparent".
using Rgb = uint32_t;

struct StyleInfo {
  unsigned hide = 0;              // HtmlTrick bits for declarations that hide text
  std::optional<Rgb> color;       // color:
  std::optional<Rgb> background;  // background-color: / background:
};

// Parses a style attribute value ("display : NONE !important; color:#fff").
StyleInfo ParseStyle(std::string_view style);

// Parses a CSS colour or a legacy HTML colour attribute ("#fff", "ffffff",
// "white", "rgb(255, 255, 255)"). rgba()/hsla() with alpha 0 and
// "transparent" give nullopt with *transparent set.
std::optional<Rgb> ParseColour(std::string_view value, bool* transparent = nullptr);

// True if two colours are indistinguishable to a reader (each channel
// within a small distance).
bool SameColour(Rgb a, Rgb b);

// Scans a <style> block for simple class and id rules (".a, #b { display:
// none }") whose declarations hide text; maps each class name (lowercased)
// or "#id" to the HtmlTrick bits of its declarations in `out`.
using HiddenClassMap = std::unordered_map<std::string, unsigned>;
void CollectHiddenClasses(std::string_view css, HiddenClassMap* out);

}  // namespace extortrace::text::detail
