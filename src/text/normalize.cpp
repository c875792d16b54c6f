// Normalize: decode -> drop default-ignorables -> NFKC per normalization
// segment (so every output code point keeps the input offset of its
// segment) -> fold look-alikes word by word -> collapse whitespace while
// building the `folded` view. Pure-ASCII input skips ICU entirely.
#include "text/normalize.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uscript.h>
#include <unicode/utf8.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "text/detail/junk.h"
#include "text/detail/words.h"

namespace extortrace::text {
namespace {

using detail::Cp;

enum class Ws { kNone, kSpace, kNewline, kDrop, kCr };

inline Ws Classify(char32_t cp) {
  if (cp < 0x80) {
    if (cp == ' ' || cp == '\t') return Ws::kSpace;
    if (cp == '\n' || cp == '\v' || cp == '\f') return Ws::kNewline;
    if (cp == '\r') return Ws::kCr;
    if (cp < 0x20 || cp == 0x7F) return Ws::kDrop;
    return Ws::kNone;
  }
  if (cp == 0x85 || cp == 0x2028 || cp == 0x2029) return Ws::kNewline;
  if (u_isUWhiteSpace(static_cast<UChar32>(cp))) return Ws::kSpace;
  if (cp < 0xA0) return Ws::kDrop;  // C1 controls
  return Ws::kNone;
}

// Hiragana, katakana and CJK ideographs (U+3041..U+9FFF without the
// ideographic space, which NFKC has already made ' ').
inline bool IsKanaOrHan(char32_t cp) { return cp >= 0x3041 && cp <= 0x9FFF; }

// Appends to a string or vector through a cursor into pre-sized storage
// (no capacity check per element); Finish() trims to what was written.
template <typename C>
class Buf {
 public:
  using T = typename C::value_type;
  Buf(C* c, size_t expect) : c_(c) {
    c_->resize(expect < 16 ? 16 : expect);
    p_ = c_->data();
    end_ = p_ + c_->size();
  }
  void Put(T v) {
    if (p_ == end_) Grow();
    *p_++ = v;
  }
  size_t size() const { return static_cast<size_t>(p_ - c_->data()); }
  void Finish() { c_->resize(size()); }

 private:
  void Grow() {
    const size_t n = size();
    c_->resize(2 * c_->size());
    p_ = c_->data() + n;
    end_ = c_->data() + c_->size();
  }
  C* c_;
  T* p_;
  T* end_;
};

// Utf8Append into a Buf, each byte mapped to input offset `off`.
void PutUtf8(char32_t cp, uint32_t off, Buf<std::string>* s, Buf<std::vector<uint32_t>>* o) {
  char b[4];
  const size_t n = Utf8Encode(cp, b);
  for (size_t i = 0; i < n; ++i) {
    s->Put(b[i]);
    o->Put(off);
  }
}

// Appends code points to text/folded, collapsing whitespace: runs of blanks
// become one ' ', blanks next to '\n' vanish, at most two '\n' in a row,
// nothing leading or trailing. The four outputs of `n` are complete after
// Finish().
class Collapser {
 public:
  Collapser(NormalizedText* n, size_t expect)
      : text_(&n->text, expect),
        offsets_(&n->offsets, expect),
        folded_(&n->folded, expect),
        folded_offsets_(&n->folded_offsets, expect) {}

  void Ascii(char c, uint32_t off) {
    Ws w = Classify(static_cast<unsigned char>(c));
    if (w != Ws::kNone) return Space(w, off);
    Flush();
    text_.Put(c);
    offsets_.Put(off);
    folded_.Put(c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c);
    folded_offsets_.Put(off);
  }

  void Push(char32_t cp, uint32_t off, bool latin_base_before) {
    if (cp < 0x80) return Ascii(static_cast<char>(cp), off);
    if (IsKanaOrHan(cp)) {  // no case, no diacritics to strip, not blank
      Flush();
      PutUtf8(cp, off, &text_, &offsets_);
      PutUtf8(cp, off, &folded_, &folded_offsets_);
      return;
    }
    Ws w = Classify(cp);
    if (w != Ws::kNone) return Space(w, off);
    Flush();
    PutUtf8(cp, off, &text_, &offsets_);
    Fold(cp, off, latin_base_before);
  }

  // A letter whose folded reading is decided by the caller (a stroke letter
  // in disguised text): `text` keeps it, `folded` gets `ascii`.
  void PushRead(char32_t cp, uint32_t off, char ascii) {
    Flush();
    PutUtf8(cp, off, &text_, &offsets_);
    folded_.Put(ascii);
    folded_offsets_.Put(off);
  }

  void Finish() {
    text_.Finish();
    offsets_.Finish();
    folded_.Finish();
    folded_offsets_.Finish();
  }

 private:
  void Space(Ws w, uint32_t off) {
    if (w == Ws::kDrop) return;
    if (w == Ws::kCr) {
      w = Ws::kNewline;
      last_cr_ = true;
    } else if (w == Ws::kNewline && last_cr_) {
      last_cr_ = false;
      return;  // "\r\n" is one line break
    } else {
      last_cr_ = false;
    }
    if (w == Ws::kNewline) {
      if (pending_ != Ws::kNewline) {
        pending_ = Ws::kNewline;
        pending_newlines_ = 0;
      }
      if (pending_newlines_ < 2) ++pending_newlines_;
    } else if (pending_ == Ws::kNone) {
      pending_ = Ws::kSpace;
    }
    pending_off_ = off;
  }

  void Flush() {
    last_cr_ = false;
    if (pending_ == Ws::kNone) return;
    if (text_.size() != 0) {
      int count = pending_ == Ws::kNewline ? pending_newlines_ : 1;
      char c = pending_ == Ws::kNewline ? '\n' : ' ';
      for (int i = 0; i < count; ++i) {
        text_.Put(c);
        offsets_.Put(pending_off_);
        folded_.Put(c);
        folded_offsets_.Put(pending_off_);
      }
    }
    pending_ = Ws::kNone;
  }

  // Lowercase (simple case folding); Latin letters lose their diacritics.
  void Fold(char32_t cp, uint32_t off, bool latin_base_before) {
    const UChar32 c = static_cast<UChar32>(cp);
    int8_t gc = static_cast<int8_t>(u_charType(c));
    if (gc == U_NON_SPACING_MARK && latin_base_before) return;
    UErrorCode status = U_ZERO_ERROR;
    if (uscript_getScript(c, &status) == USCRIPT_LATIN) {
      static const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
      icu::UnicodeString d;
      if (nfd && U_SUCCESS(status) && nfd->getDecomposition(c, d)) {
        for (int32_t i = 0; i < d.length();) {
          UChar32 x = d.char32At(i);
          i += U16_LENGTH(x);
          if (u_charType(x) == U_NON_SPACING_MARK) continue;
          AppendFolded(u_foldCase(x, U_FOLD_CASE_DEFAULT), off);
        }
        return;
      }
    }
    AppendFolded(u_foldCase(c, U_FOLD_CASE_DEFAULT), off);
  }

  void AppendFolded(UChar32 c, uint32_t off) {
    PutUtf8(static_cast<char32_t>(c), off, &folded_, &folded_offsets_);
  }

  Buf<std::string> text_;
  Buf<std::vector<uint32_t>> offsets_;
  Buf<std::string> folded_;
  Buf<std::vector<uint32_t>> folded_offsets_;
  Ws pending_ = Ws::kNone;
  int pending_newlines_ = 0;
  uint32_t pending_off_ = 0;
  bool last_cr_ = false;
};

// The ASCII fast path: the same collapsing rules as Collapser, on bytes,
// writing into pre-sized buffers (output is never longer than input).
void CollapseAscii(std::string_view in, NormalizedText* n) {
  n->text.resize(in.size());
  n->offsets.resize(in.size());
  n->folded.resize(in.size());
  char* t = n->text.data();
  char* f = n->folded.data();
  uint32_t* o = n->offsets.data();
  size_t k = 0;
  Ws pending = Ws::kNone;
  int newlines = 0;
  uint32_t pending_off = 0;
  bool last_cr = false;
  for (size_t i = 0; i < in.size(); ++i) {
    const char c = in[i];
    if (c > ' ' && c != 0x7F) {
      if (pending != Ws::kNone && k > 0) {
        const int count = pending == Ws::kNewline ? newlines : 1;
        const char w = pending == Ws::kNewline ? '\n' : ' ';
        for (int r = 0; r < count; ++r) {
          t[k] = w;
          f[k] = w;
          o[k++] = pending_off;
        }
      }
      pending = Ws::kNone;
      last_cr = false;
      t[k] = c;
      f[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
      o[k++] = static_cast<uint32_t>(i);
      continue;
    }
    Ws w = Classify(static_cast<unsigned char>(c));
    if (w == Ws::kDrop) continue;
    if (w == Ws::kCr) {
      w = Ws::kNewline;
      last_cr = true;
    } else if (w == Ws::kNewline && last_cr) {
      last_cr = false;
      continue;
    } else {
      last_cr = false;
    }
    if (w == Ws::kNewline) {
      if (pending != Ws::kNewline) newlines = 0;
      pending = Ws::kNewline;
      if (newlines < 2) ++newlines;
    } else if (pending == Ws::kNone) {
      pending = Ws::kSpace;
    }
    pending_off = static_cast<uint32_t>(i);
  }
  n->text.resize(k);
  n->offsets.resize(k);
  n->folded.resize(k);
}

constexpr auto kAsciiWord = [] {
  std::array<bool, 128> t{};
  for (int c = 0; c < 128; ++c) {
    t[static_cast<size_t>(c)] = ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
  }
  return t;
}();

bool IsWordCp(char32_t cp) {
  if (cp < 0x80) return kAsciiWord[cp];
  return u_isalnum(static_cast<UChar32>(cp)) ||
         u_charType(static_cast<UChar32>(cp)) == U_NON_SPACING_MARK;
}

// Steps 1-2: decode, drop default-ignorables, NFKC per segment.
std::vector<Cp> Decompose(std::string_view in, NormalizedText* n) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  std::vector<Cp> out;
  out.reserve(in.size());
  icu::UnicodeString seg;
  uint32_t seg_off = 0;
  // NFKC grows some characters 18-fold (U+FDFA): past an eighth more than
  // the input, segments are left as written, so that the text and its
  // offset maps stay within a bounded multiple of the input.
  const size_t max_growth = in.size() / 8 + 4096;
  size_t growth = 0;
  auto utf8_length = [](const icu::UnicodeString& u) {
    size_t bytes = 0;
    for (int32_t i = 0; i < u.length();) {
      UChar32 c = u.char32At(i);
      i += U16_LENGTH(c);
      bytes += static_cast<size_t>(U8_LENGTH(c));
    }
    return bytes;
  };
  auto flush = [&]() {
    if (seg.isEmpty()) return;
    UChar32 first = seg.char32At(0);
    icu::UnicodeString dummy;
    if (seg.length() == U16_LENGTH(first) && (!nfkc || !nfkc->getDecomposition(first, dummy))) {
      out.push_back({static_cast<char32_t>(first), seg_off});
    } else if (nfkc && nfc) {
      UErrorCode s = U_ZERO_ERROR;
      icu::UnicodeString k = nfkc->normalize(seg, s);
      if (U_FAILURE(s)) k = seg;
      const size_t from = utf8_length(seg), to = utf8_length(k);
      if (to > from && growth + (to - from) > max_growth) {
        k = seg;
      } else if (to > from) {
        growth += to - from;
      }
      if (k != nfc->normalize(seg, s)) ++n->fullwidth_folded;
      for (int32_t i = 0; i < k.length();) {
        UChar32 c = k.char32At(i);
        i += U16_LENGTH(c);
        out.push_back({static_cast<char32_t>(c), seg_off});
      }
    }
    seg.remove();
  };
  bool invisible_pending = false;  // an ignorable was dropped after a word char
  bool word_counted = false;
  bool prev_word = false;
  bool prev_joining_script = false;  // previous char is in a script that uses ZWJ/ZWNJ
  size_t pos = 0;
  while (pos < in.size()) {
    const uint32_t off = static_cast<uint32_t>(pos);
    char32_t cp = static_cast<unsigned char>(in[pos]);
    if (cp < 0x80) {
      ++pos;
    } else {
      cp = Utf8Next(in, &pos);
    }
    const UChar32 c = static_cast<UChar32>(cp);
    if (cp >= 0x80 && u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
      ++n->invisible_removed;
      // ZWNJ/ZWJ are spelling in Persian, Arabic and Indic scripts: dropped
      // for matching but not evidence of a split word.
      const bool legit_joiner = (cp == 0x200C || cp == 0x200D) && prev_joining_script;
      if (prev_word && !legit_joiner) invisible_pending = true;
      continue;
    }
    const bool word = IsWordCp(cp);
    if (cp >= 0x80) {
      UErrorCode st = U_ZERO_ERROR;
      UScriptCode sc = uscript_getScript(c, &st);
      prev_joining_script = sc != USCRIPT_LATIN && sc != USCRIPT_CYRILLIC && sc != USCRIPT_GREEK &&
                            sc != USCRIPT_COMMON && sc != USCRIPT_HAN && sc != USCRIPT_HIRAGANA &&
                            sc != USCRIPT_KATAKANA;
    } else {
      prev_joining_script = false;
    }
    if (word && invisible_pending && !word_counted) {
      ++n->words_rejoined;
      word_counted = true;
    }
    if (!word) word_counted = false;
    invisible_pending = false;
    prev_word = word;
    if (cp < 0x80) {
      flush();
      // ASCII not followed by a possible combining mark is its own NFKC.
      if (pos >= in.size() || static_cast<unsigned char>(in[pos]) < 0x80) {
        out.push_back({cp, off});
        // The rest of the ASCII run (each character followed by ASCII): of
        // the state updates above only these remain.
        while (pos + 1 < in.size() && static_cast<unsigned char>(in[pos]) < 0x80 &&
               static_cast<unsigned char>(in[pos + 1]) < 0x80) {
          const char32_t a = static_cast<unsigned char>(in[pos]);
          const bool a_word = kAsciiWord[a];
          if (!a_word) word_counted = false;
          prev_word = a_word;
          out.push_back({a, static_cast<uint32_t>(pos)});
          ++pos;
        }
        continue;
      }
    } else if (nfkc && nfkc->isInert(c)) {
      // Unaffected by NFKC and never combining with neighbours (most CJK).
      flush();
      out.push_back({cp, off});
      continue;
    } else if (!nfkc || nfkc->hasBoundaryBefore(c)) {
      flush();
    }
    if (seg.isEmpty()) seg_off = off;
    seg.append(c);
  }
  flush();
  return out;
}

}  // namespace

NormalizedText Normalize(std::string_view utf8) {
  NormalizedText n;
  n.text.reserve(utf8.size());
  n.offsets.reserve(utf8.size());
  if (IsAscii(utf8)) {
    CollapseAscii(utf8, &n);
    n.folded_offsets = n.offsets;
  } else {
    Collapser out(&n, utf8.size());
    std::vector<Cp> cps = Decompose(utf8, &n);
    detail::WordStats stats = detail::FoldWords(&cps);
    n.confusables_folded = stats.confusables_folded;
    n.diacritic_disguise = stats.diacritic_disguise;
    bool latin_base = false;
    const auto& reads = stats.folded_overrides;
    size_t next_read = 0;
    for (size_t i = 0; i < cps.size(); ++i) {
      const Cp& c = cps[i];
      if (next_read < reads.size() && reads[next_read].first == i) {
        out.PushRead(c.cp, c.off, reads[next_read++].second);
      } else {
        out.Push(c.cp, c.off, latin_base);
      }
      if (c.cp < 0x80) {
        latin_base = (c.cp | 0x20) >= 'a' && (c.cp | 0x20) <= 'z';
      } else if (IsKanaOrHan(c.cp) && c.cp != 0x3099 && c.cp != 0x309A) {
        latin_base = false;
      } else if (u_charType(static_cast<UChar32>(c.cp)) != U_NON_SPACING_MARK) {
        UErrorCode status = U_ZERO_ERROR;
        latin_base = uscript_getScript(static_cast<UChar32>(c.cp), &status) == USCRIPT_LATIN;
      }
    }
    out.Finish();
  }
  n.junk_words = detail::HasJunkBlock(n.text);
  return n;
}

std::vector<std::string> ObfuscationNames(const NormalizedText& n) {
  std::vector<std::string> names;
  if (n.invisible_removed > 0 && n.words_rejoined > 0) names.emplace_back("zero-width");
  if (n.confusables_folded > 0) names.emplace_back("confusables");
  if (n.diacritic_disguise > 0) names.emplace_back("diacritics");
  if (n.junk_words) names.emplace_back("junk-words");
  return names;
}

}  // namespace extortrace::text
