#include "text/detail/css.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <string>

#include "text/html_text.h"

namespace extortrace::text::detail {
namespace {

// ASCII versions of std::tolower/std::isspace in the "C" locale (no locale
// lookup per character: this runs for every style attribute).
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c | 0x20) : c; }
bool Space(char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

std::string_view Trim(std::string_view s) {
  while (!s.empty() && Space(s.front())) s.remove_prefix(1);
  while (!s.empty() && Space(s.back())) s.remove_suffix(1);
  return s;
}

// `s` lowercased with all blanks removed, without allocating for the short
// values style attributes hold.
class LowerNoSpace {
 public:
  explicit LowerNoSpace(std::string_view s) {
    char* out = small_;
    if (s.size() > sizeof(small_)) {
      big_.resize(s.size());
      out = big_.data();
    }
    size_t n = 0;
    for (char c : s) {
      if (!Space(c)) out[n++] = Lower(c);
    }
    view_ = std::string_view(out, n);
  }
  LowerNoSpace(const LowerNoSpace&) = delete;
  LowerNoSpace& operator=(const LowerNoSpace&) = delete;
  std::string_view view() const { return view_; }

 private:
  char small_[128];
  std::string big_;
  std::string_view view_;
};

// Cuts `v` at its first '!' ("none!important").
std::string_view BeforeBang(std::string_view v) {
  if (auto bang = v.find('!'); bang != std::string_view::npos) v = v.substr(0, bang);
  return v;
}

// Leading number of a CSS length; nullopt if `v` does not start with one.
std::optional<double> LeadingNumber(std::string_view v, std::string_view* unit) {
  char buf[33];
  const size_t len = std::min<size_t>(v.size(), 32);
  std::memcpy(buf, v.data(), len);
  buf[len] = '\0';
  char* end = nullptr;
  double d = std::strtod(buf, &end);
  if (end == buf) return std::nullopt;
  if (unit) *unit = v.substr(static_cast<size_t>(end - buf));
  return d;
}

bool TinyFont(std::string_view v) {
  std::string_view unit;
  auto n = LeadingNumber(v, &unit);
  if (!n) return false;
  if (*n <= 0) return true;
  if (unit.starts_with("px") || unit.starts_with("pt")) return *n <= 1.0;
  if (unit.starts_with("em") || unit.starts_with("rem")) return *n <= 0.1;
  if (unit.starts_with("%")) return *n <= 10.0;
  return false;
}

bool ZeroLength(std::string_view v) {
  std::string_view unit;
  auto n = LeadingNumber(v, &unit);
  return n && *n <= 0.0 &&
         (unit.empty() || std::isalpha(static_cast<unsigned char>(unit[0])) || unit[0] == '%' ||
          unit[0] == '!');
}

bool FarOffScreen(std::string_view v) {
  auto n = LeadingNumber(v, nullptr);
  return n && *n <= -500.0;
}

struct Named {
  std::string_view name;
  Rgb rgb;
};
constexpr Named kNamed[] = {
    {"white", 0xFFFFFF},      {"black", 0x000000},     {"red", 0xFF0000},
    {"green", 0x008000},      {"blue", 0x0000FF},      {"yellow", 0xFFFF00},
    {"gray", 0x808080},       {"grey", 0x808080},      {"silver", 0xC0C0C0},
    {"lime", 0x00FF00},       {"navy", 0x000080},      {"maroon", 0x800000},
    {"purple", 0x800080},     {"teal", 0x008080},      {"olive", 0x808000},
    {"aqua", 0x00FFFF},       {"fuchsia", 0xFF00FF},   {"orange", 0xFFA500},
    {"snow", 0xFFFAFA},       {"ivory", 0xFFFFF0},     {"whitesmoke", 0xF5F5F5},
    {"ghostwhite", 0xF8F8FF}, {"lightgray", 0xD3D3D3}, {"lightgrey", 0xD3D3D3},
    {"darkgray", 0xA9A9A9},   {"darkgrey", 0xA9A9A9},
};

int HexVal(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

std::optional<Rgb> ParseHex(std::string_view h) {
  for (char c : h) {
    if (HexVal(c) < 0) return std::nullopt;
  }
  if (h.size() == 3) {
    Rgb r = 0;
    for (char c : h) r = (r << 8) | static_cast<Rgb>(HexVal(c) * 17);
    return r;
  }
  if (h.size() == 6) {
    Rgb r = 0;
    for (char c : h) r = (r << 4) | static_cast<Rgb>(HexVal(c));
    return r;
  }
  return std::nullopt;
}

// "rgb(255, 255, 255)", "rgba(0,0,0,0)", "rgb(100%,100%,100%)".
std::optional<Rgb> ParseRgbFunction(std::string_view args, bool* transparent) {
  double v[4] = {0, 0, 0, 1};
  int n = 0;
  size_t i = 0;
  while (n < 4 && i < args.size()) {
    while (i < args.size() && (args[i] == ',' || args[i] == '/' || Space(args[i]))) ++i;
    std::string_view unit;
    auto num = LeadingNumber(args.substr(i), &unit);
    if (!num) break;
    double x = *num;
    if (!unit.empty() && unit[0] == '%') x = n < 3 ? x * 2.55 : x / 100.0;
    v[n++] = x;
    size_t consumed = args.substr(i).size() - unit.size();
    i += consumed + (!unit.empty() && unit[0] == '%' ? 1 : 0);
  }
  if (n < 3) return std::nullopt;
  if (n == 4 && v[3] <= 0.05) {
    if (transparent) *transparent = true;
    return std::nullopt;
  }
  Rgb r = 0;
  for (int k = 0; k < 3; ++k) {
    double c = v[k] < 0 ? 0 : (v[k] > 255 ? 255 : v[k]);
    r = (r << 8) | static_cast<Rgb>(c + 0.5);
  }
  return r;
}

}  // namespace

std::optional<Rgb> ParseColour(std::string_view value, bool* transparent) {
  LowerNoSpace lowered(value);
  std::string_view v = BeforeBang(lowered.view());
  if (v.empty()) return std::nullopt;
  if (v == "transparent") {
    if (transparent) *transparent = true;
    return std::nullopt;
  }
  if (v[0] == '#') return ParseHex(v.substr(1));
  if (v.starts_with("rgb")) {
    auto open = v.find('(');
    auto close = v.find(')');
    if (open == std::string_view::npos) return std::nullopt;
    std::string_view args = v.substr(
        open + 1, close == std::string_view::npos ? std::string_view::npos : close - open - 1);
    return ParseRgbFunction(args, transparent);
  }
  for (const Named& n : kNamed) {
    if (v == n.name) return n.rgb;
  }
  return ParseHex(v);  // legacy attribute values without '#'
}

bool SameColour(Rgb a, Rgb b) {
  for (int shift = 0; shift < 24; shift += 8) {
    int ca = static_cast<int>((a >> shift) & 0xFF);
    int cb = static_cast<int>((b >> shift) & 0xFF);
    if (std::abs(ca - cb) > 12) return false;
  }
  return true;
}

namespace {

// The properties ParseStyle reads.
enum class Prop {
  kOther,
  kDisplay,
  kMsoHide,
  kVisibility,
  kFontSize,
  kFont,
  kZeroSize,
  kLineHeight,
  kOffScreen,
  kOpacity,
  kColor,
  kBackgroundColor,
  kBackground
};

// The property named by `name` (lowercased, blanks removed, as LowerNoSpace
// makes it).
Prop PropOf(std::string_view p) {
  switch (p.size()) {
    case 3:
      if (p == "top") return Prop::kOffScreen;
      break;
    case 4:
      if (p == "font") return Prop::kFont;
      if (p == "left") return Prop::kOffScreen;
      break;
    case 5:
      if (p == "color") return Prop::kColor;
      if (p == "width") return Prop::kZeroSize;
      break;
    case 6:
      if (p == "height") return Prop::kZeroSize;
      break;
    case 7:
      if (p == "display") return Prop::kDisplay;
      if (p == "opacity") return Prop::kOpacity;
      break;
    case 8:
      if (p == "mso-hide") return Prop::kMsoHide;
      break;
    case 9:
      if (p == "font-size") return Prop::kFontSize;
      if (p == "max-width") return Prop::kZeroSize;
      break;
    case 10:
      if (p == "visibility") return Prop::kVisibility;
      if (p == "max-height") return Prop::kZeroSize;
      if (p == "background") return Prop::kBackground;
      if (p == "margin-top") return Prop::kOffScreen;
      break;
    case 11:
      if (p == "line-height") return Prop::kLineHeight;
      if (p == "text-indent") return Prop::kOffScreen;
      if (p == "margin-left") return Prop::kOffScreen;
      break;
    case 16:
      if (p == "background-color") return Prop::kBackgroundColor;
      break;
    default:
      break;
  }
  return Prop::kOther;
}

}  // namespace

StyleInfo ParseStyle(std::string_view style) {
  StyleInfo info;
  size_t pos = 0;
  while (pos < style.size()) {
    size_t end = style.find(';', pos);
    if (end == std::string_view::npos) end = style.size();
    std::string_view decl = style.substr(pos, end - pos);
    pos = end + 1;
    size_t colon = decl.find(':');
    if (colon == std::string_view::npos) continue;
    // The property, lowercased without blanks; none of interest is longer
    // than 16 characters.
    char prop_buf[17];
    size_t prop_len = 0;
    for (char c : decl.substr(0, colon)) {
      if (Space(c)) continue;
      if (prop_len == sizeof(prop_buf)) break;
      prop_buf[prop_len++] = Lower(c);
    }
    const Prop prop = PropOf(std::string_view(prop_buf, prop_len));
    if (prop == Prop::kOther) continue;
    std::string_view raw_value = Trim(decl.substr(colon + 1));
    if (prop == Prop::kBackground) {
      // Shorthand: take the first token that is a colour.
      size_t i = 0;
      while (i < raw_value.size()) {
        while (i < raw_value.size() && Space(raw_value[i])) ++i;
        size_t j = i;
        int depth = 0;
        while (j < raw_value.size() && (depth > 0 || !Space(raw_value[j]))) {
          depth += raw_value[j] == '(' ? 1 : (raw_value[j] == ')' ? -1 : 0);
          ++j;
        }
        if (auto c = ParseColour(raw_value.substr(i, j - i))) {
          info.background = c;
          break;
        }
        i = j;
      }
      continue;
    }
    LowerNoSpace lowered(raw_value);
    const std::string_view value = BeforeBang(lowered.view());
    switch (prop) {
      case Prop::kDisplay:
        if (value == "none") info.hide |= static_cast<unsigned>(HtmlTrick::kDisplayNone);
        break;
      case Prop::kMsoHide:
        if (value == "all") info.hide |= static_cast<unsigned>(HtmlTrick::kDisplayNone);
        break;
      case Prop::kVisibility:
        if (value == "hidden" || value == "collapse") {
          info.hide |= static_cast<unsigned>(HtmlTrick::kVisibilityHidden);
        }
        break;
      case Prop::kFontSize:
      case Prop::kFont:
        if (TinyFont(value)) info.hide |= static_cast<unsigned>(HtmlTrick::kZeroFontSize);
        break;
      case Prop::kZeroSize:
        if (ZeroLength(value)) info.hide |= static_cast<unsigned>(HtmlTrick::kZeroSize);
        break;
      case Prop::kOffScreen:
        if (FarOffScreen(value)) {
          info.hide |= static_cast<unsigned>(HtmlTrick::kZeroSize);  // moved off-screen
        }
        break;
      case Prop::kOpacity: {
        auto n = LeadingNumber(value, nullptr);
        if (n && *n <= 0.05) info.hide |= static_cast<unsigned>(HtmlTrick::kOpacityZero);
        break;
      }
      case Prop::kColor: {
        bool transparent = false;
        info.color = ParseColour(value, &transparent);
        if (transparent) info.hide |= static_cast<unsigned>(HtmlTrick::kOpacityZero);
        break;
      }
      case Prop::kBackgroundColor:
        if (auto c = ParseColour(value)) info.background = c;
        break;
      case Prop::kLineHeight:
      case Prop::kBackground:
      case Prop::kOther:
        break;  // line-height 0 alone hides nothing
    }
  }
  return info;
}

void CollectHiddenClasses(std::string_view css, HiddenClassMap* out) {
  size_t pos = 0;
  while (pos < css.size() && out->size() < 4096) {
    size_t open = css.find('{', pos);
    if (open == std::string_view::npos) return;
    size_t close = css.find('}', open);
    if (close == std::string_view::npos) close = css.size();
    std::string_view selectors = css.substr(pos, open - pos);
    std::string_view body = css.substr(open + 1, close - open - 1);
    pos = close + 1;
    // "@media ... {" opens a nested block: its first rule follows directly.
    if (selectors.find('@') != std::string_view::npos) {
      pos = open + 1;
      continue;
    }
    if (auto brace = selectors.find_last_of("};"); brace != std::string_view::npos) {
      selectors.remove_prefix(brace + 1);
    }
    const unsigned hide = ParseStyle(body).hide;
    if (hide == 0) continue;
    size_t s = 0;
    while (s < selectors.size()) {
      size_t comma = selectors.find(',', s);
      if (comma == std::string_view::npos) comma = selectors.size();
      std::string_view sel = Trim(selectors.substr(s, comma - s));
      s = comma + 1;
      // Accept ".cls", "tag.cls" and "#id" / "tag#id"; anything with
      // combinators, attributes or pseudo-classes is skipped. Ids are
      // stored as "#id", classes as the bare name.
      size_t mark = sel.find_first_of(".#");
      if (mark == std::string_view::npos || sel.find_first_of(" >+~:[") != std::string_view::npos)
        continue;
      std::string_view name = sel.substr(mark + 1);
      if (name.empty() || name.find_first_of(".#") != std::string_view::npos) continue;
      std::string key = sel[mark] == '#' ? "#" : "";
      for (char c : name) key.push_back(Lower(c));
      (*out)[std::move(key)] |= hide;
    }
  }
}

}  // namespace extortrace::text::detail
