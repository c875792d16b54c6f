// What both HTML walkers share (internal): the gumbo reference
// (html_text.cpp) and the fast extractor (html_fast.cpp) feed the same
// HtmlSink with the same element events, so hiding rules, colour
// inheritance, block breaks and whitespace collapsing are written once.
#pragma once

#include <gumbo.h>

#include <optional>
#include <string>
#include <string_view>

#include "text/detail/css.h"
#include "text/html_text.h"

namespace extortrace::text::detail {

// Inherited rendering state of an element.
struct HtmlContext {
  unsigned hide = 0;  // HtmlTrick bits of hiding ancestors; non-zero = hidden
  std::optional<Rgb> color;
  std::optional<Rgb> background;
  bool pre = false;
};

struct AttrValue {
  std::string_view value;
  bool present = false;
};

// The attributes the walkers read; values are decoded (character references).
struct ElementAttrs {
  AttrValue hidden, style, cls, id, bgcolor, color, text, src, href;
};

bool IsBlockTag(GumboTag t);
// Elements whose whole subtree is never rendered (head, script, object ...).
bool IsSkippedTag(GumboTag t);

class HtmlSink {
 public:
  // `classes` (from <style> blocks) and `out` must outlive the sink.
  HtmlSink(const HiddenClassMap& classes, HtmlText* out) : classes_(classes), out_(out) {}

  // The element's own effect on its parent's context (pure).
  HtmlContext Derive(GumboTag tag, const ElementAttrs& a, const HtmlContext& parent);
  // Derive(tag, a, {}) without the call for elements with none of the
  // attributes Derive reads (most of them): only <pre>/<textarea> count.
  HtmlContext Own(GumboTag tag, const ElementAttrs& a) {
    if (a.hidden.present || a.style.present || a.cls.present || a.id.present || a.bgcolor.present ||
        a.color.present || a.text.present) {
      return Derive(tag, a, {});
    }
    HtmlContext own;
    own.pre = tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA;
    return own;
  }
  // Derive(tag, a, parent) == Compose(parent, Derive(tag, a, {})): an
  // element's own effect can be kept and re-applied to a new parent.
  static HtmlContext Compose(const HtmlContext& parent, const HtmlContext& own) {
    HtmlContext ctx = parent;
    ctx.hide |= own.hide;
    if (own.color) ctx.color = own.color;
    if (own.background) ctx.background = own.background;
    ctx.pre = ctx.pre || own.pre;
    return ctx;
  }
  // A walked (not skipped) element starts: table-cell space, <img src> and
  // <a href> collection, block break. Returns the element's context.
  HtmlContext Open(GumboTag tag, const ElementAttrs& a, const HtmlContext& parent) {
    return Start(tag, Derive(tag, a, {}), parent, a.src, a.href);
  }
  // Open with the element's own effect already derived.
  HtmlContext Start(GumboTag tag, const HtmlContext& own, const HtmlContext& parent,
                    const AttrValue& src, const AttrValue& href);
  // The element opened with context `ctx` ends.
  void Close(GumboTag tag, const HtmlContext& ctx) {
    if (IsBlockTag(tag) && ctx.hide == 0) Break(false);
  }
  void LineBreak(const HtmlContext& ctx) {  // <br>
    if (ctx.hide == 0) Break(true);
  }
  // `blank_prefix`: s[0, blank_prefix) is known to be whitespace.
  void Text(std::string_view s, const HtmlContext& ctx, size_t blank_prefix = 0);
  void Comment() { comment_pending_ = true; }
  // Trailing blanks, kComments and kCharacterReferences (`html` = raw input).
  void Finish(std::string_view html);

 private:
  void Break(bool hard);

  const HiddenClassMap& classes_;
  HtmlText* out_;
  std::string key_;  // class/id lookup buffer
  bool pending_space_ = false;
  bool comment_pending_ = false;
  size_t comment_splits_ = 0;
};

}  // namespace extortrace::text::detail
