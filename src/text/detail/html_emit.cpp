#include "text/detail/html_emit.h"

#include <cctype>

#include "text/detail/html_scan.h"

namespace extortrace::text::detail {
namespace {

constexpr Rgb kDefaultText = 0x000000;
constexpr Rgb kDefaultBackground = 0xFFFFFF;  // mail clients render on white

// std::isspace in the C locale: ' ', \t \n \v \f \r.
inline bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
inline bool IsWordChar(unsigned char c) { return std::isalnum(c) || c >= 0x80; }
inline char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }

}  // namespace

bool IsBlockTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_ADDRESS:
    case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_CENTER:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DETAILS:
    case GUMBO_TAG_DIR:
    case GUMBO_TAG_DIV:
    case GUMBO_TAG_DL:
    case GUMBO_TAG_DT:
    case GUMBO_TAG_FIELDSET:
    case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_FIGURE:
    case GUMBO_TAG_FOOTER:
    case GUMBO_TAG_FORM:
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
    case GUMBO_TAG_HEADER:
    case GUMBO_TAG_HR:
    case GUMBO_TAG_LI:
    case GUMBO_TAG_MAIN:
    case GUMBO_TAG_MENU:
    case GUMBO_TAG_NAV:
    case GUMBO_TAG_OL:
    case GUMBO_TAG_P:
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_SECTION:
    case GUMBO_TAG_SUMMARY:
    case GUMBO_TAG_TABLE:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_UL:
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_BODY:
    case GUMBO_TAG_HTML:
    case GUMBO_TAG_LISTING:
    case GUMBO_TAG_PLAINTEXT:
    case GUMBO_TAG_XMP:
      return true;
    default:
      return false;
  }
}

bool IsSkippedTag(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_HEAD:
    case GUMBO_TAG_TITLE:
    case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_OBJECT:
    case GUMBO_TAG_IFRAME:
    case GUMBO_TAG_META:
    case GUMBO_TAG_LINK:
      return true;
    default:
      return false;
  }
}

HtmlContext HtmlSink::Derive(GumboTag tag, const ElementAttrs& a, const HtmlContext& parent) {
  HtmlContext ctx = parent;
  if (tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TEXTAREA) ctx.pre = true;
  if (a.hidden.present) ctx.hide |= static_cast<unsigned>(HtmlTrick::kDisplayNone);
  if (a.style.present) {
    StyleInfo s = ParseStyle(a.style.value);
    ctx.hide |= s.hide;
    if (s.color) ctx.color = s.color;
    if (s.background) ctx.background = s.background;
  }
  if (a.cls.present && !classes_.empty()) {
    std::string_view v = a.cls.value;
    size_t i = 0;
    while (i < v.size()) {
      while (i < v.size() && Space(v[i])) ++i;
      size_t j = i;
      while (j < v.size() && !Space(v[j])) ++j;
      key_.clear();
      for (size_t k = i; k < j; ++k) {
        key_.push_back(Lower(v[k]));
      }
      if (auto it = classes_.find(key_); it != classes_.end()) ctx.hide |= it->second;
      i = j;
    }
  }
  if (a.id.present && !classes_.empty()) {
    key_.clear();
    key_.push_back('#');
    for (char c : a.id.value) {
      if (c == '\0' || key_.size() >= 256) break;
      key_.push_back(Lower(c));
    }
    if (auto it = classes_.find(key_); it != classes_.end()) ctx.hide |= it->second;
  }
  if (a.bgcolor.present) {
    if (auto rgb = ParseColour(a.bgcolor.value)) ctx.background = rgb;
  }
  if (tag == GUMBO_TAG_FONT && a.color.present) {
    if (auto rgb = ParseColour(a.color.value)) ctx.color = rgb;
  }
  if (tag == GUMBO_TAG_BODY && a.text.present) {
    if (auto rgb = ParseColour(a.text.value)) ctx.color = rgb;
  }
  return ctx;
}

HtmlContext HtmlSink::Start(GumboTag tag, const HtmlContext& own, const HtmlContext& parent,
                            const AttrValue& src, const AttrValue& href) {
  if ((tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) && parent.hide == 0) pending_space_ = true;
  HtmlContext ctx = Compose(parent, own);
  if (tag == GUMBO_TAG_IMG) {
    if (src.present) out_->image_sources.emplace_back(src.value);
  } else if (tag == GUMBO_TAG_A || tag == GUMBO_TAG_AREA) {
    if (href.present) out_->links.emplace_back(href.value);
  }
  if (IsBlockTag(tag) && ctx.hide == 0) Break(false);
  return ctx;
}

void HtmlSink::Break(bool hard) {
  std::string* s = &out_->visible;
  while (!s->empty() && s->back() == ' ') s->pop_back();
  pending_space_ = false;
  if (s->empty()) return;
  size_t n = s->size();
  size_t newlines = 0;
  while (newlines < n && (*s)[n - 1 - newlines] == '\n') ++newlines;
  if (newlines == 0 || (hard && newlines < 2)) s->push_back('\n');
}

void HtmlSink::Text(std::string_view s, const HtmlContext& ctx, size_t blank_prefix) {
  const bool has_text = SkipBlank(s, blank_prefix, /*vertical_tab=*/true) < s.size();
  unsigned hide = ctx.hide;
  if (has_text && hide == 0 && (ctx.color || ctx.background) &&
      SameColour(ctx.color.value_or(kDefaultText), ctx.background.value_or(kDefaultBackground))) {
    hide = static_cast<unsigned>(HtmlTrick::kSameColour);
  }
  if (hide != 0) {
    if (has_text) {
      out_->tricks |= hide;
      if (!out_->hidden.empty() && out_->hidden.back() != ' ') out_->hidden.push_back(' ');
      AppendCollapsed(s, &out_->hidden);
    }
    return;
  }
  std::string& v = out_->visible;
  if (comment_pending_ && !pending_space_ && !s.empty() && !v.empty() &&
      IsWordChar(static_cast<unsigned char>(v.back())) &&
      IsWordChar(static_cast<unsigned char>(s.front()))) {
    ++comment_splits_;
  }
  comment_pending_ = false;
  if (!ctx.pre && !has_text) {  // blanks only: one pending space
    if (!s.empty()) pending_space_ = true;
    return;
  }
  if (!ctx.pre) {
    // Blank runs become one space, none at the start of a line: written
    // straight into storage sized for the worst case (every byte kept, one
    // space before the first word).
    const size_t old = v.size();
    v.resize(old + s.size() + 1);
    char* const base = v.data();
    char* o = CollapseInto(s, base, base + old, &pending_space_, '\n');
    v.resize(static_cast<size_t>(o - base));
    return;
  }
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (Space(c)) {
      if (ctx.pre && (c == '\n' || c == '\r')) {
        if (c == '\n') Break(true);
      } else {
        pending_space_ = true;
      }
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < s.size() && !Space(s[j])) ++j;
    if (pending_space_ && !v.empty() && v.back() != '\n') v.push_back(' ');
    pending_space_ = false;
    v.append(s.data() + i, j - i);
    i = j;
  }
}

void HtmlSink::Finish(std::string_view html) {
  std::string& v = out_->visible;
  while (!v.empty() && (v.back() == ' ' || v.back() == '\n')) v.pop_back();
  if (comment_splits_ > 0) out_->tricks |= static_cast<unsigned>(HtmlTrick::kComments);
  size_t refs = CountCharacterReferences(html);
  if (refs <= 20) return;
  size_t visible_chars = 0;
  for (char c : v) {
    visible_chars += !Space(c) && (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  }
  if (refs * 10 > visible_chars * 3) {
    out_->tricks |= static_cast<unsigned>(HtmlTrick::kCharacterReferences);
  }
}

}  // namespace extortrace::text::detail
