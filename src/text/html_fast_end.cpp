// HtmlBuilder: end tags, per insertion mode (derived from the stack).
#include <algorithm>
#include <initializer_list>

#include "text/detail/html_builder.h"
#include "text/detail/html_entities.h"
#include "text/detail/html_tags.h"

namespace extortrace::text::detail {

// The adoption agency algorithm, without its inner loop (formatting
// elements between the formatting element and the furthest block keep their
// place): up to 8 rounds, each moving the formatting element below the next
// special element (a clone, which a tree walk meets again: its href counts).
void HtmlBuilder::Adoption(GumboTag tag, std::string_view name) {
  if (!Spend(stack_.size() + afl_.size())) return;
  if (Top().tag == tag) {
    bool in_afl = false;
    for (size_t i = afl_.size(); i-- > 0 && !afl_[i].marker;) {
      if (afl_[i].serial == Top().serial) in_afl = true;
    }
    if (!in_afl) {
      Pop();
      return;
    }
  }
  for (int round = 0; round < 8; ++round) {
    size_t e = afl_.size();
    for (size_t i = afl_.size(); i-- > 0 && !afl_[i].marker;) {
      if (afl_[i].tag == tag) {
        e = i;
        break;
      }
    }
    if (e == afl_.size()) {
      if (round == 0) AnyOtherEnd(tag, name);
      return;
    }
    if (!afl_[e].on_stack) {
      afl_.erase(afl_.begin() + static_cast<std::ptrdiff_t>(e));
      return;
    }
    size_t k = stack_.size();
    for (size_t i = stack_.size(); i-- > 0;) {
      if (stack_[i].serial == afl_[e].serial) {
        k = i;
        break;
      }
    }
    if (k == stack_.size() || k < 2) return;
    for (size_t i = stack_.size(); i-- > k + 1;) {
      if (IsScopeBoundary(stack_[i].tag)) return;  // not in scope
    }
    size_t furthest = 0;
    for (size_t i = k + 1; i < stack_.size(); ++i) {
      if (IsSpecialTag(stack_[i].tag)) {
        furthest = i;
        break;
      }
    }
    if (furthest == 0) {
      while (stack_.size() > k) Pop();
      for (size_t i = afl_.size(); i-- > 0;) {
        if (!afl_[i].marker && afl_[i].tag == tag && !afl_[i].on_stack) {
          afl_.erase(afl_.begin() + static_cast<std::ptrdiff_t>(i));
          break;
        }
      }
      return;
    }
    if (!Spend(stack_.size())) return;
    // The furthest block leaves the formatting element; a clone of it takes
    // the block's children (the open elements above the block).
    ActiveFormatting& a = afl_[e];
    stack_.erase(stack_.begin() + static_cast<std::ptrdiff_t>(k));  // a formatting element
    --furthest;
    Frame clone{};
    clone.tag = tag;
    clone.name = name;
    clone.serial = next_serial_++;
    clone.mode = stack_[furthest].mode;
    clone.skip = stack_[furthest].skip;
    clone.own = a.own;
    stack_.insert(stack_.begin() + static_cast<std::ptrdiff_t>(furthest + 1), clone);
    a.serial = clone.serial;
    Recompute(k);
    if (!clone.skip) {
      AttrValue src, href;
      if (a.has_href) href = {a.href, true};
      HtmlContext base = stack_[furthest].ctx;
      stack_[furthest + 1].ctx = sink_.Start(tag, a.own, base, src, href);
      Recompute(furthest + 2);
    }
  }
}

void HtmlBuilder::AnyOtherEnd(GumboTag tag, std::string_view name) {
  for (size_t i = stack_.size(); i-- > 1;) {
    ++work_;
    const Frame& f = stack_[i];
    bool match = f.tag == tag && (tag != GUMBO_TAG_UNKNOWN || NameEq(f.name, name));
    if (match) {
      GenerateImpliedEnd(tag);
      while (stack_.size() > i) Pop();
      return;
    }
    if (IsSpecialTag(f.tag) && !f.foreign) return;
  }
}

void HtmlBuilder::EndTag(const HtmlToken& t) {
  if (failed_ || !Spend(1)) return;
  GumboTag tag = t.tag;
  skip_lf_ = false;
  if (tag == GUMBO_TAG_HTML) {
    after_html_ = true;
    return;
  }
  if (tag == GUMBO_TAG_BODY || frameset_) return;
  if (Top().foreign) {
    for (size_t i = stack_.size(); i-- > 2;) {
      if (!stack_[i].foreign) break;
      if (NameEq(stack_[i].name, t.name)) {
        while (stack_.size() > i) Pop();
        return;
      }
    }
  }
  Mode mode = Top().mode;
  if (mode != Mode::kBody && TableEnd(t, tag, mode)) return;
  BodyEnd(tag, t.name);
}

bool HtmlBuilder::TableEnd(const HtmlToken& t, GumboTag tag, Mode mode) {
  auto ignored = [&](std::initializer_list<GumboTag> tags) {
    return std::find(tags.begin(), tags.end(), tag) != tags.end();
  };
  switch (mode) {
    case Mode::kCell:
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) {
        if (InScope(tag, 3)) {
          GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
          PopUntil(tag);
        }
        return true;
      }
      if (ignored({GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP})) return true;
      if (tag == GUMBO_TAG_TABLE || IsTableSection(tag) || tag == GUMBO_TAG_TR) {
        if (InScope(tag, 3)) {
          CloseCell();
          EndTag(t);
        }
        return true;
      }
      return false;
    case Mode::kCaption:
      if (tag == GUMBO_TAG_CAPTION || tag == GUMBO_TAG_TABLE) {
        if (InScope(GUMBO_TAG_CAPTION, 3)) {
          GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
          PopUntil(GUMBO_TAG_CAPTION);
          if (tag == GUMBO_TAG_TABLE) EndTag(t);
        }
        return true;
      }
      return ignored({GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY, GUMBO_TAG_TD,
                      GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TR});
    case Mode::kColgroup:
      if (tag == GUMBO_TAG_COL) return true;
      if (Top().tag == GUMBO_TAG_COLGROUP) {
        Pop();
        if (tag != GUMBO_TAG_COLGROUP) EndTag(t);
      }
      return true;
    case Mode::kSelect:
      if (tag == GUMBO_TAG_OPTION && Top().tag == GUMBO_TAG_OPTION) Pop();
      if (tag == GUMBO_TAG_OPTGROUP) {
        if (Top().tag == GUMBO_TAG_OPTION && stack_.size() > 3 &&
            stack_[stack_.size() - 2].tag == GUMBO_TAG_OPTGROUP) {
          Pop();
        }
        if (Top().tag == GUMBO_TAG_OPTGROUP) Pop();
      }
      if (tag == GUMBO_TAG_SELECT) PopUntil(GUMBO_TAG_SELECT);
      return true;
    case Mode::kRow:
      if (tag == GUMBO_TAG_TR || tag == GUMBO_TAG_TABLE || IsTableSection(tag)) {
        if (InScope(tag == GUMBO_TAG_TABLE ? GUMBO_TAG_TR : tag, 3) && InScope(GUMBO_TAG_TR, 3)) {
          ClearToContext(IsRowContext);
          Pop();
          if (tag != GUMBO_TAG_TR) EndTag(t);
        }
        return true;
      }
      if (ignored(
              {GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TD, GUMBO_TAG_TH})) {
        return true;
      }
      break;
    case Mode::kTableBody:
      if (IsTableSection(tag) || tag == GUMBO_TAG_TABLE) {
        bool any = tag == GUMBO_TAG_TABLE
                       ? (InScope(GUMBO_TAG_TBODY, 3) || InScope(GUMBO_TAG_THEAD, 3) ||
                          InScope(GUMBO_TAG_TFOOT, 3))
                       : InScope(tag, 3);
        if (any) {
          ClearToContext(IsSectionContext);
          Pop();
          if (tag == GUMBO_TAG_TABLE) EndTag(t);
        }
        return true;
      }
      if (ignored({GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TD, GUMBO_TAG_TH,
                   GUMBO_TAG_TR})) {
        return true;
      }
      break;
    default:
      break;
  }
  // "in table"
  if (tag == GUMBO_TAG_TABLE) {
    if (InScope(GUMBO_TAG_TABLE, 3)) PopUntil(GUMBO_TAG_TABLE);
    return true;
  }
  return ignored({GUMBO_TAG_CAPTION, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY,
                  GUMBO_TAG_TD, GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TR});
}

void HtmlBuilder::BodyEnd(GumboTag tag, std::string_view name) {
  if (IsBlockEndTag(tag)) {
    if (InScope(tag, 0)) {
      GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
      PopUntil(tag);
    }
    return;
  }
  if (IsFormattingTag(tag)) return Adoption(tag, name);
  switch (tag) {
    case GUMBO_TAG_FORM:
      for (size_t i = stack_.size(); i-- > 2;) {
        if (stack_[i].tag == GUMBO_TAG_FORM) {
          GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
          if (Top().tag == GUMBO_TAG_FORM) {
            Pop();
          } else {
            RemoveFrame(i, false);
          }
          return;
        }
        if (IsScopeBoundary(stack_[i].tag)) return;
      }
      return;
    case GUMBO_TAG_P:
      if (!InScope(GUMBO_TAG_P, 1)) PushPlain(GUMBO_TAG_P);
      return CloseP();
    case GUMBO_TAG_LI:
      if (InScope(GUMBO_TAG_LI, 2)) {
        GenerateImpliedEnd(GUMBO_TAG_LI);
        PopUntil(GUMBO_TAG_LI);
      }
      return;
    case GUMBO_TAG_DD:
    case GUMBO_TAG_DT:
      if (InScope(tag, 0)) {
        GenerateImpliedEnd(tag);
        PopUntil(tag);
      }
      return;
    case GUMBO_TAG_H1:
    case GUMBO_TAG_H2:
    case GUMBO_TAG_H3:
    case GUMBO_TAG_H4:
    case GUMBO_TAG_H5:
    case GUMBO_TAG_H6:
      for (size_t i = stack_.size(); i-- > 0;) {
        if (IsHeading(stack_[i].tag)) {
          GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
          return PopUntilHeading();
        }
        if (IsScopeBoundary(stack_[i].tag)) return;
      }
      return;
    case GUMBO_TAG_APPLET:
    case GUMBO_TAG_MARQUEE:
    case GUMBO_TAG_OBJECT:
      if (InScope(tag, 0)) {
        GenerateImpliedEnd(GUMBO_TAG_UNKNOWN);
        PopUntil(tag);
      }
      return;
    case GUMBO_TAG_BR:
      return LineBreak();
    case GUMBO_TAG_TEMPLATE:
      for (const Frame& f : stack_) {
        if (f.tag == GUMBO_TAG_TEMPLATE) return PopUntil(GUMBO_TAG_TEMPLATE);
      }
      return;
    default:
      return AnyOtherEnd(tag, name);
  }
}

}  // namespace extortrace::text::detail
