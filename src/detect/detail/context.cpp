#include "detect/detail/context.h"

#include <algorithm>

namespace extortrace::detect::detail {
namespace {

constexpr size_t kMinLetter = 200;     // a footer never comes first
constexpr size_t kMarkerWindow = 800;  // a list marker this close to a separator

constexpr std::string_view kListMarkers[] = {
    "mailing list",
    "listinfo",
    "unsubscribe",
    "you received this message because",
    "list archive",
    "list-archive",
    "mailman",
    "you are subscribed",
    "google groups",
    "subscription",
    "list info",
    "abmelden",
    "desinscri",
    "desabonner",
    "cancellare l'iscrizione",
    "配信停止",
    "退订",
};

constexpr std::string_view kQuoteMarkers[] = {
    "forwarded message",
    "begin forwarded message",
    "original message",
    "weitergeleitete nachricht",
    "message transfere",
    "messaggio inoltrato",
    "urspr\xc3\xbcngliche nachricht",
    "ursprungliche nachricht",
};

bool IsSeparatorLine(std::string_view line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  if (line == "--") return true;  // "-- " signature separator
  size_t n = 0;
  for (char c : line) {
    if (c == '_' || c == '-' || c == '=' || c == '*' || c == '~')
      ++n;
    else if (c != ' ')
      return false;
  }
  return n >= 5;
}

bool HasListMarker(std::string_view s) {
  for (std::string_view m : kListMarkers) {
    if (s.find(m) != std::string_view::npos) return true;
  }
  return false;
}

bool IsQuoteMarkerLine(std::string_view line) {
  if (line.size() > 200) return false;
  for (std::string_view m : kQuoteMarkers) {
    if (line.find(m) != std::string_view::npos) return true;
  }
  // "on mon, 3 jun 2024, someone <a@b> wrote:"
  while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
  return line.size() > 10 && line.starts_with("on ") && line.ends_with("wrote:");
}

}  // namespace

uint32_t LetterEnd(std::string_view folded) {
  size_t pos = 0;
  while (pos < folded.size()) {
    size_t eol = folded.find('\n', pos);
    if (eol == std::string_view::npos) eol = folded.size();
    std::string_view line = folded.substr(pos, eol - pos);
    if (pos >= kMinLetter) {
      if (IsQuoteMarkerLine(line)) return static_cast<uint32_t>(pos);
      if (IsSeparatorLine(line) &&
          HasListMarker(folded.substr(eol, std::min(kMarkerWindow, folded.size() - eol)))) {
        return static_cast<uint32_t>(pos);
      }
    }
    pos = eol + 1;
  }
  return static_cast<uint32_t>(folded.size());
}

bool InQuotedLine(std::string_view folded, uint32_t offset) {
  if (offset >= folded.size()) return false;
  // The line holding `offset` (a newline at `offset` ends that line).
  size_t start = offset == 0 ? std::string_view::npos : folded.rfind('\n', offset - 1);
  start = start == std::string_view::npos ? 0 : start + 1;
  while (start < offset && folded[start] == ' ') ++start;
  return start < folded.size() && folded[start] == '>';
}

}  // namespace extortrace::detect::detail
