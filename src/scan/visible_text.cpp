#include "scan/visible_text.h"

#include <algorithm>
#include <map>

#include "text/charset.h"
#include "text/html_text.h"

namespace extortrace::scan {
namespace {

// Text/plain bodies sometimes carry stray tags ("</br>"): strip them when the
// body has several.
bool LooksTagged(std::string_view s) {
  size_t tags = 0;
  for (size_t pos = 0; (pos = s.find('<', pos)) != std::string_view::npos && tags < 3; ++pos) {
    if (pos + 1 < s.size() &&
        (std::isalpha(static_cast<unsigned char>(s[pos + 1])) || s[pos + 1] == '/')) {
      ++tags;
    }
  }
  return tags >= 3;
}

struct Rendered {
  std::string text;
  std::string hidden;
  unsigned tricks = 0;
};

Rendered Render(const mail::TextBody& b) {
  Rendered r;
  if (b.html) {
    text::HtmlText h = text::HtmlToText(b.text);
    r.text = std::move(h.visible);
    r.hidden = std::move(h.hidden);
    r.tricks = h.tricks;
    return r;
  }
  // Plain text written as character references is decoded (and flagged) as
  // an HTML part would be; StripTagsFallback decodes the common references
  // of tagged text itself, so there the references only raise the flag.
  std::string decoded;
  const bool disguised = text::DecodeDisguisedReferences(b.text, &decoded);
  if (disguised) r.tricks |= static_cast<unsigned>(text::HtmlTrick::kCharacterReferences);
  if (LooksTagged(b.text)) {
    r.text = text::StripTagsFallback(b.text);
  } else if (disguised) {
    r.text = std::move(decoded);
  } else {
    r.text = b.text;
  }
  return r;
}

}  // namespace

VisibleText BuildVisibleText(const mail::ParsedMessage& m) {
  VisibleText out;
  out.text = m.subject;
  out.text.append("\n\n");
  unsigned tricks = 0;

  // Group alternatives; keep document order of first appearance.
  std::map<int, std::vector<size_t>> groups;
  for (size_t i = 0; i < m.bodies.size(); ++i) {
    if (m.bodies[i].alternative_group >= 0) groups[m.bodies[i].alternative_group].push_back(i);
  }
  std::vector<bool> chosen(m.bodies.size(), true);
  for (const auto& [group, members] : groups) {
    if (members.size() < 2) continue;
    size_t best_html = members.size(), best_plain = members.size();
    for (size_t k = 0; k < members.size(); ++k) {
      if (m.bodies[members[k]].html) {
        if (best_html == members.size()) best_html = k;
      } else if (best_plain == members.size()) {
        best_plain = k;
      }
    }
    if (best_html == members.size() || best_plain == members.size()) continue;
    for (size_t k : members) chosen[k] = false;
    // Decided below once rendered.
    chosen[members[best_html]] = true;
    chosen[members[best_plain]] = true;
  }

  std::vector<Rendered> rendered(m.bodies.size());
  for (size_t i = 0; i < m.bodies.size(); ++i) {
    if (chosen[i]) rendered[i] = Render(m.bodies[i]);
  }
  for (const auto& [group, members] : groups) {
    size_t html = m.bodies.size(), plain = m.bodies.size();
    for (size_t k : members) {
      if (!chosen[k]) continue;
      if (m.bodies[k].html)
        html = k;
      else
        plain = k;
    }
    if (html == m.bodies.size() || plain == m.bodies.size()) continue;
    // Prefer HTML (hidden-text tricks live there) unless it is a stub.
    if (rendered[html].text.size() * 2 < rendered[plain].text.size()) {
      chosen[html] = false;
    } else {
      chosen[plain] = false;
    }
  }
  for (size_t i = 0; i < m.bodies.size(); ++i) {
    if (!chosen[i]) continue;
    out.text.append(rendered[i].text);
    out.text.append("\n\n");
    if (!rendered[i].hidden.empty()) {
      out.hidden.append(rendered[i].hidden);
      out.hidden.push_back('\n');
    }
    tricks |= rendered[i].tricks;
  }
  out.obfuscation = text::HtmlTrickNames(tricks);
  return out;
}

std::string SanitizeUtf8Text(std::string_view bytes) { return text::ConvertToUtf8(bytes, "").text; }

}  // namespace extortrace::scan
