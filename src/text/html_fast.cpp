// The fast extractor: HtmlTokenizer + a model of HTML tree construction that
// keeps only the stack of open elements (with each element's rendering
// context) and the list of active formatting elements, and reports element
// starts/ends and text to the shared HtmlSink in document order. See
// detail/html_fast.h and decision 0006 for what is modelled and what is not.
// This file: the stack and formatting-list machinery, text, the main loop.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "core/utf8.h"
#include "text/detail/html_builder.h"
#include "text/detail/html_entities.h"
#include "text/detail/html_fast.h"
#include "text/detail/html_scan.h"
#include "text/detail/html_tags.h"

namespace extortrace::text::detail {
namespace {

thread_local const char* t_reason = "";

}  // namespace

// True for a doctype that leaves the document in no-quirks or limited-quirks
// mode (only then does <table> close an open <p>).
bool StandardsDoctype(std::string_view d) {
  std::string low;
  for (char c : d.substr(0, 200))
    low.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c | 0x20 : c));
  size_t i = low.find_first_not_of(" \t\n\r\f");
  if (i == std::string::npos || low.compare(i, 4, "html") != 0) return false;
  if (low.find("public") == std::string::npos && low.find("system") == std::string::npos)
    return true;  // <!DOCTYPE html>
  bool system_id = low.find("http://www.w3.org/tr/") != std::string::npos ||
                   low.find(".dtd") != std::string::npos;
  if (low.find("xhtml") != std::string::npos) return true;
  if (low.find("html 4.01") != std::string::npos || low.find("html 4.0") != std::string::npos) {
    if (low.find("strict") != std::string::npos) return true;
    return system_id;  // transitional/frameset: limited-quirks only with a system id
  }
  return false;
}

const HtmlContext& HtmlBuilder::InsertionParentCtx(bool* fostered) const {
  *fostered = false;
  if (!IsFosterTarget(Top().tag)) return Top().ctx;
  *fostered = true;
  for (size_t i = stack_.size(); i-- > 1;) {
    if (stack_[i].tag == GUMBO_TAG_TABLE) return stack_[i - 1].ctx;
  }
  return Top().ctx;
}

void HtmlBuilder::Push(const HtmlToken& t, GumboTag tag, bool allow_foster) {
  Frame f;
  f.tag = tag;
  f.name = t.name;
  f.serial = next_serial_++;
  const Frame& parent = Top();
  f.mode = OwnMode(tag, parent.mode);
  f.foreign = (parent.foreign && parent.tag != GUMBO_TAG_FOREIGNOBJECT &&
               parent.tag != GUMBO_TAG_DESC && parent.tag != GUMBO_TAG_TITLE) ||
              tag == GUMBO_TAG_SVG || tag == GUMBO_TAG_MATH;
  bool fostered = false;
  const HtmlContext& base = allow_foster ? InsertionParentCtx(&fostered) : parent.ctx;
  f.fostered = fostered;
  f.skip = parent.skip || IsSkippedTag(tag);
  if (tag == GUMBO_TAG_TEMPLATE) ++template_depth_;
  if (tag == GUMBO_TAG_P) ++open_p_;
  if (!f.skip) {
    f.own = sink_.Own(tag, t.attrs);
    f.ctx = sink_.Start(tag, f.own, base, t.attrs.src, t.attrs.href);
    content_ = true;
    if (t.attrs.cls.present || t.attrs.id.present) class_or_id_seen_ = true;
  } else {
    f.ctx = base;
  }
  stack_.push_back(f);
  if (IsFormattingTag(tag)) {
    // Noah's Ark: at most three identical entries after the last marker.
    size_t same = 0, earliest = afl_.size();
    for (size_t i = afl_.size(); i-- > 0 && !afl_[i].marker;) {
      ++work_;
      const ActiveFormatting& e = afl_[i];
      if (e.tag == tag && e.own.hide == f.own.hide && e.own.color == f.own.color &&
          e.own.background == f.own.background && e.has_href == t.attrs.href.present &&
          (!e.has_href || e.href == t.attrs.href.value)) {
        ++same;
        earliest = i;
      }
    }
    if (same >= 3) afl_.erase(afl_.begin() + static_cast<std::ptrdiff_t>(earliest));
    ActiveFormatting a;
    a.tag = tag;
    a.serial = f.serial;
    a.on_stack = true;
    a.own = f.own;
    a.has_href = t.attrs.href.present && !f.skip;
    if (a.has_href) a.href = t.attrs.href.value;
    afl_.push_back(std::move(a));
  } else if (PushesMarker(tag)) {
    ActiveFormatting m;
    m.marker = true;
    afl_.push_back(std::move(m));
  }
}

void HtmlBuilder::Pop() {
  if (stack_.size() <= 2) return;  // html and body stay
  const Frame& f = stack_.back();
  if (!f.skip) sink_.Close(f.tag, f.ctx);
  if (f.tag == GUMBO_TAG_TEMPLATE) --template_depth_;
  if (f.tag == GUMBO_TAG_P) --open_p_;
  if (IsFormattingTag(f.tag)) {
    for (size_t i = afl_.size(); i-- > 0;) {
      ++work_;
      if (afl_[i].serial == f.serial) {
        afl_[i].on_stack = false;
        break;
      }
    }
  }
  bool marker = PushesMarker(f.tag);
  stack_.pop_back();
  if (marker) ClearAfterMarker();
}

void HtmlBuilder::PopUntil(GumboTag tag) {
  while (stack_.size() > 2) {
    bool done = Top().tag == tag;
    Pop();
    if (done) return;
  }
}

void HtmlBuilder::PopUntilHeading() {
  while (stack_.size() > 2) {
    bool done = IsHeading(Top().tag);
    Pop();
    if (done) return;
  }
}

bool HtmlBuilder::InScope(GumboTag tag, int extra) const {
  if (tag == GUMBO_TAG_P && open_p_ == 0) return false;
  for (size_t i = stack_.size(); i-- > 0;) {
    ++work_;
    GumboTag t = stack_[i].tag;
    if (t == tag) return true;
    if (extra == 3) {
      if (t == GUMBO_TAG_HTML || t == GUMBO_TAG_TABLE || t == GUMBO_TAG_TEMPLATE) return false;
      continue;
    }
    if (IsScopeBoundary(t)) return false;
    if (extra == 1 && t == GUMBO_TAG_BUTTON) return false;
    if (extra == 2 && (t == GUMBO_TAG_OL || t == GUMBO_TAG_UL)) return false;
  }
  return false;
}

void HtmlBuilder::GenerateImpliedEnd(GumboTag except) {
  while (stack_.size() > 2 && HasImpliedEnd(Top().tag) && Top().tag != except) Pop();
}

void HtmlBuilder::CloseP() {
  GenerateImpliedEnd(GUMBO_TAG_P);
  PopUntil(GUMBO_TAG_P);
}

void HtmlBuilder::ClearToContext(bool (*keep)(GumboTag)) {
  while (stack_.size() > 2 && !keep(Top().tag) && Top().tag != GUMBO_TAG_TEMPLATE) Pop();
}

void HtmlBuilder::ClearAfterMarker() {
  while (!afl_.empty()) {
    bool marker = afl_.back().marker;
    afl_.pop_back();
    if (marker) return;
  }
}

void HtmlBuilder::Reconstruct() {
  if (afl_.empty() || afl_.back().marker || afl_.back().on_stack) return;
  if (!Spend(afl_.size())) return;
  size_t k = afl_.size() - 1;
  while (k > 0 && !afl_[k - 1].marker && !afl_[k - 1].on_stack) --k;
  for (; k < afl_.size(); ++k) {
    ActiveFormatting& a = afl_[k];
    Frame f;
    f.tag = a.tag;
    f.serial = next_serial_++;
    f.mode = Top().mode;
    f.foreign = false;
    bool fostered = false;
    HtmlContext base = InsertionParentCtx(&fostered);
    f.fostered = fostered;
    f.skip = Top().skip;
    f.own = a.own;
    AttrValue src, href;
    if (a.has_href) href = {a.href, true};
    f.ctx = f.skip ? base : sink_.Start(a.tag, a.own, base, src, href);
    stack_.push_back(f);
    a.serial = f.serial;
    a.on_stack = true;
  }
}

// Removes stack_[k] (not the top); with `recompute`, the elements above it
// are reparented (adoption agency) and lose its effect.
void HtmlBuilder::RemoveFrame(size_t k, bool recompute) {
  if (k < 2 || k >= stack_.size()) return;
  if (!Spend(stack_.size() - k)) return;
  if (stack_[k].tag == GUMBO_TAG_P) --open_p_;
  if (stack_[k].tag == GUMBO_TAG_TEMPLATE) --template_depth_;
  stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k));
  if (recompute) Recompute(k);
}

// Contexts of stack_[from..] from their parents' (after a change below).
void HtmlBuilder::Recompute(size_t from) {
  for (size_t i = std::max<size_t>(from, 1); i < stack_.size(); ++i) {
    if (stack_[i].skip) continue;
    HtmlContext base = stack_[i - 1].ctx;
    if (stack_[i].fostered) {
      for (size_t j = i; j-- > 1;) {
        if (stack_[j].tag == GUMBO_TAG_TABLE) {
          base = stack_[j - 1].ctx;
          break;
        }
      }
    }
    stack_[i].ctx = HtmlSink::Compose(base, stack_[i].own);
  }
}

// <br> (and </br>): a line break where content would be inserted.
void HtmlBuilder::LineBreak() {
  Reconstruct();
  if (Top().skip) return;
  bool fostered = false;
  sink_.LineBreak(InsertionParentCtx(&fostered));
}

void HtmlBuilder::CloseCell() {
  GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
  while (stack_.size() > 2) {
    bool done = Top().tag == GUMBO_TAG_TD || Top().tag == GUMBO_TAG_TH;
    Pop();
    if (done) return;
  }
}

void HtmlBuilder::Text(std::string_view raw, bool decode, bool reconstruct) {
  if (skip_lf_) {
    skip_lf_ = false;
    if (raw.starts_with("\r\n")) {
      raw.remove_prefix(2);
    } else if (!raw.empty() && (raw[0] == '\n' || raw[0] == '\r')) {
      raw.remove_prefix(1);
    }
  }
  if (raw.empty() || Top().skip || (frameset_ && Top().tag != GUMBO_TAG_NOFRAMES)) return;
  const size_t first = SkipBlank(raw, 0, /*vertical_tab=*/false);
  const bool blank = first == raw.size();
  if (!blank) {
    started_ = true;
    body_started_ = true;
    after_html_ = false;
  }
  std::string_view s = raw;
  if (decode && raw.find('&') != std::string_view::npos) {
    text_buf_.clear();
    AppendDecoded(raw, /*in_attribute=*/false, &text_buf_);
    s = text_buf_;
  }
  if (IsFosterTarget(Top().tag) && blank) {
    // Whitespace stays inside the table while stray content around it is
    // moved before the table: in document order it separates nothing.
    return;
  }
  if (reconstruct) Reconstruct();
  bool fostered = false;
  const HtmlContext& ctx = InsertionParentCtx(&fostered);
  sink_.Text(s, ctx, s.data() == raw.data() ? first : 0);
  if (!blank) content_ = true;
}

void HtmlBuilder::MergeRoot(int index, const HtmlToken& t) {
  if (!collect_) return;  // pass 2: roots_ is complete
  if (!roots_->Merge(index, t.attrs)) return;
  Frame& f = stack_[static_cast<size_t>(index)];
  ElementAttrs a = roots_->View(index);
  HtmlContext own = sink_.Derive(f.tag, a, {});
  if (a.cls.present || a.id.present) class_or_id_seen_ = true;
  if (own.hide == f.own.hide && own.color == f.own.color && own.background == f.own.background &&
      own.pre == f.own.pre) {
    return;
  }
  if (content_) second_pass_ = true;  // earlier content saw the old context
  f.own = own;
  Recompute(static_cast<size_t>(index));
  if (index == 0) stack_[0].ctx = own;
  Recompute(1);
}

void HtmlBuilder::RawElement(const HtmlToken& t, GumboTag tag, bool emit, bool decode) {
  if (emit) Push(t, tag, true);
  std::string_view raw = tok_.RawText(gumbo_normalized_tagname(tag));
  if (tag == GUMBO_TAG_STYLE && collect_ && template_depth_ == 0) {
    HiddenClassMap found;
    CollectHiddenClasses(raw, &found);
    if (!found.empty()) {
      if (class_or_id_seen_) second_pass_ = true;
      for (auto& [k, v] : found) (*classes_)[k] |= v;
    }
  }
  if (emit) {
    if (tag == GUMBO_TAG_TEXTAREA) skip_lf_ = true;
    Text(raw, decode, false);
    Pop();
  }
}

bool HtmlBuilder::Run() {
  Frame root{};
  root.tag = GUMBO_TAG_HTML;
  root.serial = next_serial_++;
  root.mode = Mode::kBody;
  root.own = sink_.Derive(GUMBO_TAG_HTML, roots_->View(0), {});
  root.ctx = root.own;
  stack_.push_back(root);
  Frame body = root;
  body.tag = GUMBO_TAG_BODY;
  body.serial = next_serial_++;
  ElementAttrs body_attrs = roots_->View(1);
  body.own = sink_.Derive(GUMBO_TAG_BODY, body_attrs, {});
  body.ctx = sink_.Start(GUMBO_TAG_BODY, body.own, root.ctx, body_attrs.src, body_attrs.href);
  stack_.push_back(body);
  HtmlToken t;
  while (!failed_) {
    tok_.Next(&t);
    if (t.kind == HtmlToken::kEof) break;
    switch (t.kind) {
      case HtmlToken::kText:
        Text(t.text, true, true);
        break;
      case HtmlToken::kComment:
        skip_lf_ = false;
        if (!after_html_ && !Top().skip && t.name.empty()) sink_.Comment();
        break;
      case HtmlToken::kDoctype:
        if (!started_) quirks_ = !StandardsDoctype(t.text);
        break;
      case HtmlToken::kStartTag:
        StartTag(t);
        break;
      case HtmlToken::kEndTag:
        EndTag(t);
        break;
      case HtmlToken::kEof:
        break;
    }
  }
  if (failed_) return false;
  while (stack_.size() > 2) Pop();
  sink_.Close(GUMBO_TAG_BODY, stack_[1].ctx);
  sink_.Close(GUMBO_TAG_HTML, stack_[0].ctx);
  sink_.Finish(html_);
  return !second_pass_;
}

namespace {

// Code points gumbo's input stream replaces with U+FFFD (C0 controls other
// than \t \n \f \r, DEL and C1 controls, U+FDD0-FDEF, U+xFFFE/xFFFF) or
// drops (NUL, ignored in text), at s[i]; returns their byte length or 0.
size_t BadCodePoint(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c < 0x20) return (c == '\t' || c == '\n' || c == '\f' || c == '\r') ? 0 : 1;
  if (c == 0x7F) return 1;
  if (c < 0xC2) return 0;
  auto at = [&](size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0; };
  if (c == 0xC2) return (at(1) >= 0x80 && at(1) <= 0x9F) ? 2 : 0;
  if (c == 0xEF) {
    if (at(1) == 0xB7 && at(2) >= 0x90 && at(2) <= 0xAF) return 3;
    if (at(1) == 0xBF && (at(2) == 0xBE || at(2) == 0xBF)) return 3;
    return 0;
  }
  if (c >= 0xF0 && c <= 0xF4 && (at(1) & 0x0F) == 0x0F && at(2) == 0xBF &&
      (at(3) == 0xBE || at(3) == 0xBF)) {
    return 4;
  }
  return 0;
}

// Printable ASCII and \t \n \f \r pass CleanInput unchanged.
constexpr auto kPlain = [] {
  std::array<bool, 256> t{};
  for (int c = 0x20; c < 0x7F; ++c) t[static_cast<size_t>(c)] = true;
  t['\t'] = t['\n'] = t['\f'] = t['\r'] = true;
  return t;
}();

// True if `s` is not valid UTF-8 or holds a code point BadCodePoint reports.
bool NeedsCleaning(std::string_view s) {
  constexpr uint64_t kOnes = 0x0101010101010101u;
  constexpr uint64_t kHigh = 0x8080808080808080u;
  const size_t n = s.size();
  size_t i = 0;
  while (i < n) {
#if defined(__SSE2__)
    // Sixteen bytes at a time while all pass kPlain.
    while (i + 16 <= n) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s.data() + i));
      // Signed: bytes >= 0x80 are negative and count as below 0x20.
      const __m128i below_space = _mm_cmplt_epi8(v, _mm_set1_epi8(0x20));
      const __m128i allowed = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\t')),
                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'))),
                                           _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8('\f')),
                                                        _mm_cmpeq_epi8(v, _mm_set1_epi8('\r'))));
      const __m128i bad = _mm_or_si128(_mm_andnot_si128(allowed, below_space),
                                       _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
      const int mask = _mm_movemask_epi8(bad);
      if (mask != 0) {
        i += static_cast<size_t>(__builtin_ctz(static_cast<unsigned>(mask)));
        break;
      }
      i += 16;
    }
#endif
    // Eight bytes at a time while all are printable ASCII (0x20-0x7E).
    while (i + 8 <= n) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      const uint64_t below_space = (w - kOnes * 0x20) & ~w & kHigh;
      const uint64_t x = w ^ (kOnes * 0x7F);
      const uint64_t del = (x - kOnes) & ~x & kHigh;
      if (((w & kHigh) | below_space | del) != 0) break;
      i += 8;
    }
    if (i >= n) break;
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!kPlain[c]) return true;
      ++i;
      continue;
    }
    const size_t len = Utf8SequenceLength(s.substr(i));
    if (len == 0 || BadCodePoint(s, i) != 0) return true;
    i += len;
  }
  return false;
}

// Appends `src` to `out` with the code points BadCodePoint reports replaced
// (NUL dropped). False if `src` is not valid UTF-8; `out` then holds a
// partial result.
bool AppendCleaned(std::string_view src, std::string* out) {
  // One pass, appending in place. Invariant: the room left in `out` is at
  // least the input left, so only a replacement can need more.
  const size_t n = src.size();
  size_t w = out->size();
  out->resize(w + n);
  char* o = out->data();  // a local: stores through it cannot move it
  for (size_t k = 0; k < n;) {
    const unsigned char c = static_cast<unsigned char>(src[k]);
    if (kPlain[c]) {
      o[w++] = static_cast<char>(c);
      ++k;
      continue;
    }
    size_t len = 1;
    if (c >= 0x80) {
      len = Utf8SequenceLength(src.substr(k));
      if (len == 0) return false;
    }
    // A bad code point is a whole sequence: 1 byte (C0, DEL), 2 (C1), 3 or 4.
    const size_t bad = BadCodePoint(src, k);
    if (bad == 0) {
      std::memcpy(o + w, src.data() + k, len);
      w += len;
      k += len;
      continue;
    }
    k += bad;
    if (c == '\0') continue;  // dropped
    if (out->size() - w < n - k + 3) {
      out->resize(std::max(2 * out->size(), w + n - k + 3));
      o = out->data();
    }
    std::memcpy(o + w, "\xEF\xBF\xBD", 3);
    w += 3;
  }
  out->resize(w);
  return true;
}

// The input as gumbo's tokenizer sees it: valid UTF-8 with the code points
// above replaced. Returns false (and leaves `out` alone) if `s` is already so.
bool CleanInput(std::string_view s, std::string* out) {
  if (!NeedsCleaning(s)) return false;
  const size_t base = out->size();
  if (AppendCleaned(s, out)) return true;
  out->resize(base);  // ill-formed UTF-8: replace it first
  AppendCleaned(SanitizeUtf8(s), out);
  return true;
}

}  // namespace

bool FastHtmlToText(std::string_view html, HtmlText* out) {
  t_reason = "";
  std::string cleaned;
  if (CleanInput(html, &cleaned)) html = cleaned;
  HiddenClassMap classes;
  RootAttrs roots;
  {
    HtmlBuilder pass1(html, &classes, &roots, /*collect_styles=*/true, out);
    if (pass1.Run()) return true;
    if (!pass1.needs_second_pass()) {
      t_reason = pass1.reason();
      return false;
    }
  }
  *out = HtmlText{};
  HtmlBuilder pass2(html, &classes, &roots, /*collect_styles=*/false, out);
  if (pass2.Run()) return true;
  t_reason = pass2.reason();
  return false;
}

const char* FastHtmlFallbackReason() { return t_reason; }

}  // namespace extortrace::text::detail
