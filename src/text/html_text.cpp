// HtmlToTextReference: a gumbo parse, then one iterative walk that feeds the
// shared HtmlSink (detail/html_emit.h). The walk is iterative (explicit
// stack) because spam nests elements thousands deep. HtmlToText runs the
// fast extractor (html_fast.cpp) and falls back to this walk only where
// the fast path declares itself unsure.
#include "text/html_text.h"

#include <gumbo.h>

#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/detail/css.h"
#include "text/detail/html_emit.h"
#include "text/detail/html_entities.h"
#include "text/detail/html_fast.h"
#include "text/detail/html_scan.h"

namespace extortrace::text {
namespace {

using detail::HtmlContext;

detail::ElementAttrs Attrs(const GumboElement& e) {
  detail::ElementAttrs a;
  for (unsigned i = 0; i < e.attributes.length; ++i) {
    const auto* attr = static_cast<const GumboAttribute*>(e.attributes.data[i]);
    detail::AttrValue* slot = nullptr;
    const char* n = attr->name;
    if (!std::strcmp(n, "hidden"))
      slot = &a.hidden;
    else if (!std::strcmp(n, "style"))
      slot = &a.style;
    else if (!std::strcmp(n, "class"))
      slot = &a.cls;
    else if (!std::strcmp(n, "id"))
      slot = &a.id;
    else if (!std::strcmp(n, "bgcolor"))
      slot = &a.bgcolor;
    else if (!std::strcmp(n, "color"))
      slot = &a.color;
    else if (!std::strcmp(n, "text"))
      slot = &a.text;
    else if (!std::strcmp(n, "src"))
      slot = &a.src;
    else if (!std::strcmp(n, "href"))
      slot = &a.href;
    if (slot && !slot->present) *slot = {attr->value, true};
  }
  return a;
}

void Walk(const GumboNode* root, detail::HtmlSink* sink) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    HtmlContext ctx;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0, sink->Derive(root->v.element.tag, Attrs(root->v.element), {})});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next_child >= children.length) {
      sink->Close(f.node->v.element.tag, f.ctx);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
    HtmlContext ctx = f.ctx;  // copy: push_back below may move `f`
    switch (child->type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        sink->Text(child->v.text.text, ctx);
        break;
      case GUMBO_NODE_COMMENT:
        sink->Comment();
        break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = child->v.element;
        if (detail::IsSkippedTag(e.tag)) break;
        if (e.tag == GUMBO_TAG_BR) {
          sink->LineBreak(ctx);
          break;
        }
        stack.push_back({child, 0, sink->Open(e.tag, Attrs(e), ctx)});
        break;
      }
      default:
        break;
    }
  }
}

// Texts of all <style> elements, for class rules.
detail::HiddenClassMap HiddenClasses(const GumboNode* root) {
  detail::HiddenClassMap classes;
  std::vector<const GumboNode*> stack{root};
  while (!stack.empty()) {
    const GumboNode* n = stack.back();
    stack.pop_back();
    if (n->type != GUMBO_NODE_ELEMENT) continue;
    const GumboVector& ch = n->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) {
      const auto* c = static_cast<const GumboNode*>(ch.data[i]);
      if (n->v.element.tag == GUMBO_TAG_STYLE && c->type == GUMBO_NODE_TEXT) {
        detail::CollectHiddenClasses(c->v.text.text, &classes);
      } else {
        stack.push_back(c);
      }
    }
  }
  return classes;
}

}  // namespace

HtmlText HtmlToTextReference(std::string_view utf8_html) {
  std::string_view html = detail::TruncateUtf8(utf8_html, kMaxHtmlInput);
  HtmlText out;
  // gumbo frees its tree recursively; a tree thousands deep would overflow
  // the stack, so such documents get the tag-stripping fallback instead.
  if (detail::EstimateNestingDepth(html) > detail::kMaxNestingDepth) {
    // (gumbo would have replaced ill-formed UTF-8; keep the output valid.)
    out.visible = StripTagsFallback(IsValidUtf8(html) ? std::string(html) : SanitizeUtf8(html));
    return out;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; don't store them
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!parsed) {
    out.visible = StripTagsFallback(html);
    return out;
  }
  detail::HiddenClassMap classes = HiddenClasses(parsed->root);
  detail::HtmlSink sink(classes, &out);
  Walk(parsed->root, &sink);
  gumbo_destroy_output(&options, parsed);
  sink.Finish(html);
  // gumbo 0.10 lets an overflowing numeric reference ("&#xaaaaaaaaaa;") wrap
  // into an unencodable code point and emits invalid UTF-8 for it.
  for (std::string* s : {&out.visible, &out.hidden}) {
    if (!IsValidUtf8(*s)) *s = SanitizeUtf8(*s);
  }
  for (auto* v : {&out.links, &out.image_sources}) {
    for (std::string& s : *v) {
      if (!IsValidUtf8(s)) s = SanitizeUtf8(s);
    }
  }
  return out;
}

HtmlText HtmlToText(std::string_view utf8_html) {
  std::string_view html = detail::TruncateUtf8(utf8_html, kMaxHtmlInput);
  HtmlText out;
  if (detail::FastHtmlToText(html, &out)) return out;
  return HtmlToTextReference(html);
}

bool DecodeDisguisedReferences(std::string_view text, std::string* decoded) {
  if (text.find('&') == std::string_view::npos) return false;
  std::string out;
  out.reserve(text.size());
  size_t refs = 0, alnum_refs = 0;
  for (size_t i = 0; i < text.size();) {
    const size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      break;
    }
    out.append(text.substr(i, amp - i));
    const size_t before = out.size();
    const size_t used = detail::DecodeCharRef(text.substr(amp), /*in_attribute=*/false, &out);
    if (used == 0) {
      out.push_back('&');
      i = amp + 1;
      continue;
    }
    ++refs;
    if (text[amp + 1] == '#' && out.size() == before + 1) {
      const char c = out.back();
      alnum_refs += (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
    }
    i = amp + used;
  }
  bool dense = alnum_refs >= 4;
  if (!dense && refs >= 10) {
    size_t chars = 0;  // non-blank code points of the decoded text
    for (char c : out) {
      chars += c != ' ' && c != '\n' && c != '\t' && c != '\r' &&
               (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }
    dense = refs * 10 >= chars * 3;
  }
  if (!dense) return false;
  *decoded = std::move(out);
  return true;
}

std::vector<std::string> HtmlTrickNames(unsigned tricks) {
  std::vector<std::string> names;
  constexpr unsigned kHiding = static_cast<unsigned>(HtmlTrick::kDisplayNone) |
                               static_cast<unsigned>(HtmlTrick::kVisibilityHidden) |
                               static_cast<unsigned>(HtmlTrick::kZeroFontSize) |
                               static_cast<unsigned>(HtmlTrick::kZeroSize) |
                               static_cast<unsigned>(HtmlTrick::kSameColour) |
                               static_cast<unsigned>(HtmlTrick::kOpacityZero);
  if (tricks & kHiding) names.emplace_back("hidden-html");
  if (tricks & static_cast<unsigned>(HtmlTrick::kCharacterReferences)) {
    names.emplace_back("html-entities");
  }
  if (tricks & static_cast<unsigned>(HtmlTrick::kComments)) names.emplace_back("html-comments");
  return names;
}

}  // namespace extortrace::text
