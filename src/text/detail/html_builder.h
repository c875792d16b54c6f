// The fast extractor's tree-construction model (internal; see html_fast.h
// and decision 0006). Split over html_fast.cpp (stack, active formatting
// list, text, entry point), html_fast_start.cpp (start tags) and
// html_fast_end.cpp (end tags). Not thread-safe; one per document.
#pragma once

#include <gumbo.h>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "text/detail/css.h"
#include "text/detail/html_emit.h"
#include "text/detail/html_tokenizer.h"
#include "text/html_text.h"

namespace extortrace::text::detail {

enum class Mode : uint8_t { kBody, kTable, kTableBody, kRow, kCell, kCaption, kColgroup, kSelect };

struct Frame {
  GumboTag tag;
  std::string_view name;  // as written (compared for unknown tags)
  HtmlContext ctx;
  HtmlContext own;
  uint32_t serial;
  Mode mode;
  bool skip;      // inside a subtree that is never rendered
  bool foreign;   // inside <svg>/<math>
  bool fostered;  // inserted before a table rather than into it
};

struct ActiveFormatting {
  bool marker = false;
  bool on_stack = false;
  GumboTag tag = GUMBO_TAG_UNKNOWN;
  uint32_t serial = 0;
  HtmlContext own;
  bool has_href = false;
  std::string href;
};

inline bool NameEq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x = static_cast<char>(x | 0x20);
    if (y >= 'A' && y <= 'Z') y = static_cast<char>(y | 0x20);
    if (x != y) return false;
  }
  return true;
}

inline Mode OwnMode(GumboTag t, Mode parent) {
  switch (t) {
    case GUMBO_TAG_TABLE:
      return Mode::kTable;
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TFOOT:
      return Mode::kTableBody;
    case GUMBO_TAG_TR:
      return Mode::kRow;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
      return Mode::kCell;
    case GUMBO_TAG_CAPTION:
      return Mode::kCaption;
    case GUMBO_TAG_COLGROUP:
      return Mode::kColgroup;
    case GUMBO_TAG_SELECT:
      return Mode::kSelect;
    default:
      return parent;
  }
}

// Attributes of <html> (0) and <body> (1), merged over repeated tags
// (the first value of each attribute wins), owned.
struct RootAttrs {
  std::array<std::array<std::string, 9>, 2> value;
  std::array<std::array<bool, 9>, 2> present{};
  ElementAttrs View(int i) const {
    ElementAttrs a;
    AttrValue* slots[9] = {&a.hidden, &a.style, &a.cls, &a.id,  &a.bgcolor,
                           &a.color,  &a.text,  &a.src, &a.href};
    for (int k = 0; k < 9; ++k) {
      if (present[i][k]) *slots[k] = {value[i][k], true};
    }
    return a;
  }
  // Adds the attributes of `a` not present yet; true if any was added.
  bool Merge(int i, const ElementAttrs& a) {
    const AttrValue* slots[9] = {&a.hidden, &a.style, &a.cls, &a.id,  &a.bgcolor,
                                 &a.color,  &a.text,  &a.src, &a.href};
    bool added = false;
    for (int k = 0; k < 9; ++k) {
      if (slots[k]->present && !present[i][k]) {
        present[i][k] = true;
        value[i][k] = slots[k]->value;
        added = true;
      }
    }
    return added;
  }
};

class HtmlBuilder {
 public:
  // Pass 1 (`collect_styles`): <style> rules and root attributes are
  // gathered as they come. Pass 2: `classes` and `roots` are complete.
  HtmlBuilder(std::string_view html, HiddenClassMap* classes, RootAttrs* roots, bool collect_styles,
              HtmlText* out)
      : html_(html),
        tok_(html),
        classes_(classes),
        roots_(roots),
        collect_(collect_styles),
        out_(out),
        sink_(*classes, out),
        budget_(64 * html.size() + 100000) {
    stack_.reserve(64);
  }

  // False if the document needs a second pass (a style rule or <body>
  // attribute arrived after content it applies to) or the reference.
  bool Run();
  const char* reason() const { return reason_; }
  bool needs_second_pass() const { return second_pass_; }

 private:
  const Frame& Top() const { return stack_.back(); }
  // The context of the element content would be inserted into (valid
  // until the stack changes).
  const HtmlContext& InsertionParentCtx(bool* fostered) const;
  void Push(const HtmlToken& t, GumboTag tag, bool allow_foster);
  void PushPlain(GumboTag tag) {
    HtmlToken t;
    t.name = {};
    Push(t, tag, false);
  }
  void Pop();
  void PopUntil(GumboTag tag);
  void PopUntilHeading();
  bool InScope(GumboTag tag, int extra) const;  // 0 plain, 1 button, 2 list item, 3 table
  void GenerateImpliedEnd(GumboTag except);
  void CloseP();
  void ClosePIfInButtonScope() {
    if (InScope(GUMBO_TAG_P, 1)) CloseP();
  }
  void ClearToContext(bool (*keep)(GumboTag));
  void ClearAfterMarker();
  void Reconstruct();
  void Adoption(GumboTag tag, std::string_view name);
  void AnyOtherEnd(GumboTag tag, std::string_view name);
  void RemoveFrame(size_t k, bool recompute);
  void Text(std::string_view raw, bool decode, bool reconstruct);
  void StartTag(const HtmlToken& t);
  void BodyStart(const HtmlToken& t, GumboTag tag);
  void EndTag(const HtmlToken& t);
  void BodyEnd(GumboTag tag, std::string_view name);
  void RawElement(const HtmlToken& t, GumboTag tag, bool emit, bool decode);
  void MergeRoot(int index, const HtmlToken& t);

  bool Spend(size_t n) {
    if (work_ + n > budget_) {
      reason_ = "work budget (pathological nesting)";
      failed_ = true;
    }
    work_ += n;
    return !failed_;
  }
  void CloseCell();
  void LineBreak();
  bool TableStart(const HtmlToken& t, GumboTag tag, Mode mode);
  bool TableEnd(const HtmlToken& t, GumboTag tag, Mode mode);
  void SelectStart(const HtmlToken& t, GumboTag tag);
  void Recompute(size_t from);

  std::string_view html_;
  HtmlTokenizer tok_;
  HiddenClassMap* classes_;
  RootAttrs* roots_;
  bool collect_;
  HtmlText* out_;
  HtmlSink sink_;
  std::vector<Frame> stack_;
  std::vector<ActiveFormatting> afl_;
  std::string text_buf_;
  uint32_t next_serial_ = 1;
  bool quirks_ = true;
  bool started_ = false;       // an element or non-blank text was seen
  bool body_started_ = false;  // past the <head> phase (body content seen)
  bool frameset_ = false;      // a <frameset> document: only <noframes> renders
  bool class_or_id_seen_ = false;
  bool content_ = false;  // something was rendered or collected
  bool skip_lf_ = false;
  bool after_html_ = false;
  bool second_pass_ = false;
  const char* reason_ = "";
  int template_depth_ = 0;
  size_t open_p_ = 0;  // <p> elements on the stack: most InScope(p) calls need no scan
  size_t budget_;
  mutable size_t work_ = 0;
  bool failed_ = false;
};

bool StandardsDoctype(std::string_view doctype);

}  // namespace extortrace::text::detail
