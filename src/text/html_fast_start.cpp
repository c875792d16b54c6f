// HtmlBuilder: start tags, per insertion mode (derived from the stack).
#include <algorithm>

#include "text/detail/html_builder.h"
#include "text/detail/html_entities.h"
#include "text/detail/html_tags.h"

namespace extortrace::text::detail {

void HtmlBuilder::StartTag(const HtmlToken& t) {
  if (failed_ || !Spend(1)) return;
  GumboTag tag = t.tag == GUMBO_TAG_IMAGE ? GUMBO_TAG_IMG : t.tag;
  skip_lf_ = false;
  after_html_ = false;
  if (Top().foreign && Top().tag != GUMBO_TAG_FOREIGNOBJECT && Top().tag != GUMBO_TAG_DESC &&
      Top().tag != GUMBO_TAG_TITLE) {
    bool breakout = tag != GUMBO_TAG_UNKNOWN && tag != GUMBO_TAG_SVG && tag != GUMBO_TAG_MATH &&
                    (IsSpecialTag(tag) || IsFormattingTag(tag) || tag == GUMBO_TAG_SPAN ||
                     tag == GUMBO_TAG_SUB || tag == GUMBO_TAG_SUP || tag == GUMBO_TAG_VAR ||
                     tag == GUMBO_TAG_RUBY) &&
                    tag != GUMBO_TAG_TITLE && tag != GUMBO_TAG_STYLE && tag != GUMBO_TAG_SCRIPT &&
                    tag != GUMBO_TAG_A;
    if (!breakout) {
      Push(t, tag, false);
      if (t.self_closing) Pop();
      return;
    }
    while (stack_.size() > 2 && Top().foreign) Pop();
  }
  if (tag == GUMBO_TAG_HTML) return MergeRoot(0, t);
  if (tag == GUMBO_TAG_BODY) {
    body_started_ = true;
    return MergeRoot(1, t);
  }
  started_ = true;
  if (tag == GUMBO_TAG_FRAMESET && !body_started_) {
    frameset_ = true;
    return;
  }
  switch (tag) {  // <head> rules apply in every mode
    case GUMBO_TAG_SCRIPT:
    case GUMBO_TAG_STYLE:
    case GUMBO_TAG_TITLE:
      return RawElement(t, tag, false, false);
    case GUMBO_TAG_NOFRAMES:  // in the head (skipped) until the body starts
      return RawElement(t, tag, body_started_ || frameset_, false);
    case GUMBO_TAG_BASE:
    case GUMBO_TAG_BASEFONT:
    case GUMBO_TAG_BGSOUND:
    case GUMBO_TAG_LINK:
    case GUMBO_TAG_META:
    case GUMBO_TAG_HEAD:
      return;
    case GUMBO_TAG_TEMPLATE:
      return Push(t, tag, true);
    default:
      break;
  }
  if (frameset_) return;
  if (tag != GUMBO_TAG_NOSCRIPT) body_started_ = true;
  Mode mode = Top().mode;
  switch (mode) {
    case Mode::kCell:
      switch (tag) {
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_COL:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR:
          if (InScope(GUMBO_TAG_TD, 3) || InScope(GUMBO_TAG_TH, 3)) {
            CloseCell();
            StartTag(t);
          }
          return;
        default:
          break;
      }
      break;
    case Mode::kCaption:
      switch (tag) {
        case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_COL:
        case GUMBO_TAG_COLGROUP:
        case GUMBO_TAG_TBODY:
        case GUMBO_TAG_TD:
        case GUMBO_TAG_TFOOT:
        case GUMBO_TAG_TH:
        case GUMBO_TAG_THEAD:
        case GUMBO_TAG_TR:
          if (InScope(GUMBO_TAG_CAPTION, 3)) {
            GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
            PopUntil(GUMBO_TAG_CAPTION);
            StartTag(t);
          }
          return;
        default:
          break;
      }
      break;
    case Mode::kColgroup:
      if (tag == GUMBO_TAG_COL) return;
      if (Top().tag == GUMBO_TAG_COLGROUP) {
        Pop();
        StartTag(t);
      }
      return;
    case Mode::kTable:
    case Mode::kTableBody:
    case Mode::kRow:
      if (TableStart(t, tag, mode)) return;
      break;
    case Mode::kSelect:
      return SelectStart(t, tag);
    case Mode::kBody:
      break;
  }
  BodyStart(t, tag);
}

bool HtmlBuilder::TableStart(const HtmlToken& t, GumboTag tag, Mode mode) {
  if (mode == Mode::kRow) {
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      ClearToContext(IsRowContext);
      Push(t, tag, false);
      return true;
    }
    if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
        IsTableSection(tag) || tag == GUMBO_TAG_TR) {
      if (InScope(GUMBO_TAG_TR, 3)) {
        ClearToContext(IsRowContext);
        Pop();
        StartTag(t);
      }
      return true;
    }
  } else if (mode == Mode::kTableBody) {
    if (tag == GUMBO_TAG_TR) {
      ClearToContext(IsSectionContext);
      Push(t, tag, false);
      return true;
    }
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
      ClearToContext(IsSectionContext);
      PushPlain(GUMBO_TAG_TR);
      StartTag(t);
      return true;
    }
    if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_COL || tag == GUMBO_TAG_COLGROUP ||
        IsTableSection(tag)) {
      if (InScope(GUMBO_TAG_TBODY, 3) || InScope(GUMBO_TAG_THEAD, 3) ||
          InScope(GUMBO_TAG_TFOOT, 3)) {
        ClearToContext(IsSectionContext);
        Pop();
        StartTag(t);
      }
      return true;
    }
  }
  switch (tag) {
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_THEAD:
      ClearToContext(IsTableContext);
      Push(t, tag, false);
      return true;
    case GUMBO_TAG_COL:
      ClearToContext(IsTableContext);
      PushPlain(GUMBO_TAG_COLGROUP);
      StartTag(t);
      return true;
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_TR:
      ClearToContext(IsTableContext);
      PushPlain(GUMBO_TAG_TBODY);
      StartTag(t);
      return true;
    case GUMBO_TAG_TABLE:
      if (InScope(GUMBO_TAG_TABLE, 3)) {
        PopUntil(GUMBO_TAG_TABLE);
        StartTag(t);
      }
      return true;
    case GUMBO_TAG_INPUT:
      return t.type.present && NameEq(t.type.value, "hidden");
    case GUMBO_TAG_FORM:
      return true;
    default:
      return false;  // foster-parented by BodyStart
  }
}

void HtmlBuilder::SelectStart(const HtmlToken& t, GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_OPTION:
      if (Top().tag == GUMBO_TAG_OPTION) Pop();
      return Push(t, tag, false);
    case GUMBO_TAG_OPTGROUP:
      if (Top().tag == GUMBO_TAG_OPTION) Pop();
      if (Top().tag == GUMBO_TAG_OPTGROUP) Pop();
      return Push(t, tag, false);
    case GUMBO_TAG_SELECT:
      return PopUntil(GUMBO_TAG_SELECT);
    case GUMBO_TAG_INPUT:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_TEXTAREA:
      PopUntil(GUMBO_TAG_SELECT);
      return StartTag(t);
    default:
      return;  // ignored in a select
  }
}

void HtmlBuilder::BodyStart(const HtmlToken& t, GumboTag tag) {
  if (ClosesP(tag)) {
    ClosePIfInButtonScope();
    return Push(t, tag, true);
  }
  if (IsFormattingTag(tag) && tag != GUMBO_TAG_A && tag != GUMBO_TAG_NOBR) {
    Reconstruct();
    return Push(t, tag, true);
  }
  switch (tag) {
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      ClosePIfInButtonScope();
      if (IsHeading(Top().tag)) Pop();
      return Push(t, tag, true);
    case GUMBO_TAG_PRE:
    case GUMBO_TAG_LISTING:
      ClosePIfInButtonScope();
      Push(t, tag, true);
      skip_lf_ = true;
      return;
    case GUMBO_TAG_FORM:
      for (const Frame& f : stack_) {
        if (f.tag == GUMBO_TAG_FORM) return;
      }
      ClosePIfInButtonScope();
      return Push(t, tag, true);
    case GUMBO_TAG_LI:
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      for (size_t i = stack_.size(); i-- > 2;) {
        ++work_;
        GumboTag n = stack_[i].tag;
        bool match =
            tag == GUMBO_TAG_LI ? n == GUMBO_TAG_LI : (n == GUMBO_TAG_DD || n == GUMBO_TAG_DT);
        if (match) {
          GenerateImpliedEnd(n);
          PopUntil(n);
          break;
        }
        if (IsSpecialTag(n) && n != GUMBO_TAG_ADDRESS && n != GUMBO_TAG_DIV && n != GUMBO_TAG_P)
          break;
      }
      ClosePIfInButtonScope();
      return Push(t, tag, true);
    case GUMBO_TAG_PLAINTEXT:
      ClosePIfInButtonScope();
      Push(t, tag, true);
      return Text(tok_.Rest(), false, false);
    case GUMBO_TAG_BUTTON:
      if (InScope(GUMBO_TAG_BUTTON, 0)) {
        GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
        PopUntil(GUMBO_TAG_BUTTON);
      }
      Reconstruct();
      return Push(t, tag, true);
    case GUMBO_TAG_A:
      for (size_t i = afl_.size(); i-- > 0 && !afl_[i].marker;) {
        if (afl_[i].tag != GUMBO_TAG_A) continue;
        uint32_t serial = afl_[i].serial;
        Adoption(GUMBO_TAG_A, "a");
        for (size_t j = afl_.size(); j-- > 0;) {
          if (afl_[j].serial == serial && !afl_[j].marker) {
            afl_.erase(afl_.begin() + static_cast<std::ptrdiff_t>(j));
            break;
          }
        }
        for (size_t j = stack_.size(); j-- > 2;) {
          if (stack_[j].serial == serial) {
            RemoveFrame(j, true);
            break;
          }
        }
        break;
      }
      Reconstruct();
      return Push(t, tag, true);
    case GUMBO_TAG_NOBR:
      Reconstruct();
      if (InScope(GUMBO_TAG_NOBR, 0)) {
        Adoption(GUMBO_TAG_NOBR, "nobr");
        Reconstruct();
      }
      return Push(t, tag, true);
    case GUMBO_TAG_TABLE:
      if (!quirks_) ClosePIfInButtonScope();
      return Push(t, tag, true);
    case GUMBO_TAG_BR:
      return LineBreak();
    case GUMBO_TAG_AREA:
    case GUMBO_TAG_EMBED:
    case GUMBO_TAG_IMG:
    case GUMBO_TAG_KEYGEN:
    case GUMBO_TAG_WBR:
    case GUMBO_TAG_INPUT:
      Reconstruct();
      Push(t, tag, true);
      return Pop();
    case GUMBO_TAG_PARAM:
    case GUMBO_TAG_SOURCE:
    case GUMBO_TAG_TRACK:
    case GUMBO_TAG_MENUITEM:
      Push(t, tag, true);
      return Pop();
    case GUMBO_TAG_HR:
      ClosePIfInButtonScope();
      Push(t, tag, true);
      return Pop();
    case GUMBO_TAG_TEXTAREA:
      return RawElement(t, tag, true, true);
    case GUMBO_TAG_XMP:
      ClosePIfInButtonScope();
      Reconstruct();
      return RawElement(t, tag, true, false);
    case GUMBO_TAG_IFRAME:
      return RawElement(t, tag, false, false);
    case GUMBO_TAG_NOEMBED:
      return RawElement(t, tag, true, false);
    case GUMBO_TAG_OPTGROUP:
    case GUMBO_TAG_OPTION:
      if (Top().tag == GUMBO_TAG_OPTION) Pop();
      Reconstruct();
      return Push(t, tag, true);
    case GUMBO_TAG_MATH:
    case GUMBO_TAG_SVG:
      Reconstruct();
      Push(t, tag, true);
      if (t.self_closing) Pop();
      return;
    case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_COL:
    case GUMBO_TAG_COLGROUP:
    case GUMBO_TAG_FRAME:
    case GUMBO_TAG_TBODY:
    case GUMBO_TAG_TD:
    case GUMBO_TAG_TFOOT:
    case GUMBO_TAG_TH:
    case GUMBO_TAG_THEAD:
    case GUMBO_TAG_TR:
    case GUMBO_TAG_FRAMESET:
      return;  // ignored outside tables
    default:
      Reconstruct();
      return Push(t, tag, true);
  }
}

}  // namespace extortrace::text::detail
