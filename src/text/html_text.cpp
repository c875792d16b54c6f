// HtmlToText: a gumbo parse, then one iterative walk that tracks, per
// element, whether its text is hidden and which colours apply. The walk is
// iterative (explicit stack) because spam nests elements thousands deep.
#include "text/html_text.h"

#include <gumbo.h>

#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "text/detail/css.h"
#include "text/detail/html_scan.h"

namespace extortrace::text {
namespace {

using detail::Rgb;

constexpr size_t kMaxInput = size_t{4} << 20;
constexpr Rgb kDefaultText = 0x000000;
constexpr Rgb kDefaultBackground = 0xFFFFFF;  // mail clients render on white

struct Context {
  unsigned hide = 0;  // HtmlTrick bits of hiding ancestors; non-zero = hidden
  std::optional<Rgb> color;
  std::optional<Rgb> background;
  bool pre = false;
};

bool IsBlock(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_CENTER: case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS: case GUMBO_TAG_DIR: case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1:
    case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_HEADER: case GUMBO_TAG_HR: case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV: case GUMBO_TAG_OL:
    case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION: case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_THEAD: case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR: case GUMBO_TAG_UL: case GUMBO_TAG_CAPTION: case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML: case GUMBO_TAG_LISTING: case GUMBO_TAG_PLAINTEXT: case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsSkipped(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_HEAD: case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_OBJECT: case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_META: case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

const char* Attr(const GumboElement& e, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
  return a ? a->value : nullptr;
}

bool IsWordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }

class Walker {
 public:
  explicit Walker(detail::HiddenClassMap hidden_classes)
      : hidden_classes_(std::move(hidden_classes)) {}

  void Run(const GumboNode* root, HtmlText* out);

 private:
  Context Enter(const GumboElement& e, const Context& parent, HtmlText* out);
  void EmitText(std::string_view s, const Context& ctx, HtmlText* out);
  void Break(std::string* s, bool hard);

  detail::HiddenClassMap hidden_classes_;
  bool pending_space_ = false;
  bool comment_pending_ = false;
  size_t comment_splits_ = 0;
};

void Walker::Break(std::string* s, bool hard) {
  while (!s->empty() && s->back() == ' ') s->pop_back();
  pending_space_ = false;
  if (s->empty()) return;
  size_t n = s->size();
  size_t newlines = 0;
  while (newlines < n && (*s)[n - 1 - newlines] == '\n') ++newlines;
  if (newlines == 0 || (hard && newlines < 2)) s->push_back('\n');
}

Context Walker::Enter(const GumboElement& e, const Context& parent, HtmlText* out) {
  Context ctx = parent;
  if (e.tag == GUMBO_TAG_PRE || e.tag == GUMBO_TAG_TEXTAREA) ctx.pre = true;
  if (gumbo_get_attribute(&e.attributes, "hidden")) {
    ctx.hide |= static_cast<unsigned>(HtmlTrick::kDisplayNone);
  }
  if (const char* style = Attr(e, "style")) {
    detail::StyleInfo s = detail::ParseStyle(style);
    ctx.hide |= s.hide;
    if (s.color) ctx.color = s.color;
    if (s.background) ctx.background = s.background;
  }
  if (const char* cls = Attr(e, "class"); cls && !hidden_classes_.empty()) {
    std::string_view v(cls);
    size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && std::isspace(static_cast<unsigned char>(v[i]))) ++i;
      size_t j = i;
      while (j < v.size() && !std::isspace(static_cast<unsigned char>(v[j]))) ++j;
      std::string name;
      for (size_t k = i; k < j; ++k) {
        name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(v[k]))));
      }
      if (auto it = hidden_classes_.find(name); it != hidden_classes_.end()) {
        ctx.hide |= it->second;
      }
      i = j;
    }
  }
  if (const char* id = Attr(e, "id"); id && !hidden_classes_.empty()) {
    std::string key = "#";
    for (const char* p = id; *p && key.size() < 256; ++p) {
      key.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(*p))));
    }
    if (auto it = hidden_classes_.find(key); it != hidden_classes_.end()) ctx.hide |= it->second;
  }
  if (const char* c = Attr(e, "bgcolor")) {
    if (auto rgb = detail::ParseColour(c)) ctx.background = rgb;
  }
  if (e.tag == GUMBO_TAG_FONT) {
    if (const char* c = Attr(e, "color")) {
      if (auto rgb = detail::ParseColour(c)) ctx.color = rgb;
    }
  }
  if (e.tag == GUMBO_TAG_BODY) {
    if (const char* c = Attr(e, "text")) {
      if (auto rgb = detail::ParseColour(c)) ctx.color = rgb;
    }
  }
  if (e.tag == GUMBO_TAG_IMG) {
    if (const char* src = Attr(e, "src")) out->image_sources.emplace_back(src);
  } else if (e.tag == GUMBO_TAG_A || e.tag == GUMBO_TAG_AREA) {
    if (const char* href = Attr(e, "href")) out->links.emplace_back(href);
  }
  return ctx;
}

void Walker::EmitText(std::string_view s, const Context& ctx, HtmlText* out) {
  bool has_text = false;
  for (char c : s) {
    if (!std::isspace(static_cast<unsigned char>(c))) {
      has_text = true;
      break;
    }
  }
  unsigned hide = ctx.hide;
  if (has_text && hide == 0 && (ctx.color || ctx.background) &&
      detail::SameColour(ctx.color.value_or(kDefaultText),
                         ctx.background.value_or(kDefaultBackground))) {
    hide = static_cast<unsigned>(HtmlTrick::kSameColour);
  }
  if (hide != 0) {
    if (has_text) {
      out->tricks |= hide;
      if (!out->hidden.empty() && out->hidden.back() != ' ') out->hidden.push_back(' ');
      detail::AppendCollapsed(s, &out->hidden);
    }
    return;
  }
  std::string& v = out->visible;
  if (comment_pending_ && !pending_space_ && !s.empty() && !v.empty() &&
      IsWordChar(static_cast<unsigned char>(v.back())) &&
      IsWordChar(static_cast<unsigned char>(s.front()))) {
    ++comment_splits_;
  }
  comment_pending_ = false;
  for (char c : s) {
    if (ctx.pre && (c == '\n' || c == '\r')) {
      if (c == '\n') Break(&v, true);
      continue;
    }
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space_ = true;
      continue;
    }
    if (pending_space_ && !v.empty() && v.back() != '\n') v.push_back(' ');
    pending_space_ = false;
    v.push_back(c);
  }
}

void Walker::Run(const GumboNode* root, HtmlText* out) {
  struct Frame {
    const GumboNode* node;
    unsigned next_child;
    Context ctx;
  };
  std::vector<Frame> stack;
  stack.push_back({root, 0, Enter(root->v.element, Context{}, out)});
  while (!stack.empty()) {
    Frame& f = stack.back();
    const GumboVector& children = f.node->v.element.children;
    if (f.next_child >= children.length) {
      GumboTag tag = f.node->v.element.tag;
      if (IsBlock(tag) && f.ctx.hide == 0) Break(&out->visible, false);
      stack.pop_back();
      continue;
    }
    const auto* child = static_cast<const GumboNode*>(children.data[f.next_child++]);
    Context ctx = f.ctx;  // copy: push_back below may move `f`
    switch (child->type) {
      case GUMBO_NODE_TEXT: case GUMBO_NODE_CDATA: case GUMBO_NODE_WHITESPACE:
        EmitText(child->v.text.text, ctx, out);
        break;
      case GUMBO_NODE_COMMENT:
        comment_pending_ = true;
        break;
      case GUMBO_NODE_ELEMENT: case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = child->v.element;
        if (IsSkipped(e.tag)) break;
        if (e.tag == GUMBO_TAG_BR) {
          if (ctx.hide == 0) Break(&out->visible, true);
          break;
        }
        if ((e.tag == GUMBO_TAG_TD || e.tag == GUMBO_TAG_TH) && ctx.hide == 0) {
          pending_space_ = true;
        }
        Context inner = Enter(e, ctx, out);
        if (IsBlock(e.tag) && inner.hide == 0) Break(&out->visible, false);
        stack.push_back({child, 0, inner});
        break;
      }
      default:
        break;
    }
  }
  while (!out->visible.empty() &&
         (out->visible.back() == ' ' || out->visible.back() == '\n')) {
    out->visible.pop_back();
  }
  if (comment_splits_ > 0) out->tricks |= static_cast<unsigned>(HtmlTrick::kComments);
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

HtmlText HtmlToText(std::string_view utf8_html) {
  std::string_view html = detail::TruncateUtf8(utf8_html, kMaxInput);
  HtmlText out;
  // gumbo frees its tree recursively; a tree thousands deep would overflow
  // the stack, so such documents get the tag-stripping fallback instead.
  if (detail::EstimateNestingDepth(html) > detail::kMaxNestingDepth) {
    out.visible = StripTagsFallback(html);
    return out;
  }
  GumboOptions options = kGumboDefaultOptions;
  options.max_errors = 0;  // we never read parse errors; don't store them
  GumboOutput* parsed = gumbo_parse_with_options(&options, html.data(), html.size());
  if (!parsed) {
    out.visible = StripTagsFallback(html);
    return out;
  }
  Walker walker(HiddenClasses(parsed->root));
  walker.Run(parsed->root, &out);
  gumbo_destroy_output(&options, parsed);

  size_t refs = detail::CountCharacterReferences(html);
  size_t visible_chars = 0;
  for (char c : out.visible) {
    visible_chars += !std::isspace(static_cast<unsigned char>(c)) &&
                     (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  if (refs > 20 && refs * 10 > visible_chars * 3) {
    out.tricks |= static_cast<unsigned>(HtmlTrick::kCharacterReferences);
  }
  return out;
}

std::vector<std::string> HtmlTrickNames(unsigned tricks) {
  std::vector<std::string> names;
  constexpr unsigned kHiding =
      static_cast<unsigned>(HtmlTrick::kDisplayNone) |
      static_cast<unsigned>(HtmlTrick::kVisibilityHidden) |
      static_cast<unsigned>(HtmlTrick::kZeroFontSize) | static_cast<unsigned>(HtmlTrick::kZeroSize) |
      static_cast<unsigned>(HtmlTrick::kSameColour) | static_cast<unsigned>(HtmlTrick::kOpacityZero);
  if (tricks & kHiding) names.emplace_back("hidden-html");
  if (tricks & static_cast<unsigned>(HtmlTrick::kCharacterReferences)) {
    names.emplace_back("html-entities");
  }
  if (tricks & static_cast<unsigned>(HtmlTrick::kComments)) names.emplace_back("html-comments");
  return names;
}

}  // namespace extortrace::text
