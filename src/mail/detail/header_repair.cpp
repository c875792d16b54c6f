#include "mail/detail/header_repair.h"

#include <array>
#include <cctype>
#include <vector>

#include "core/ascii.h"

namespace extortrace::mail::detail {
namespace {

constexpr std::array<std::string_view, 6> kCore = {"from",         "subject",      "date",
                                                   "content-type", "mime-version", "message-id"};

// Returns the lowercased field name if `line` is "Name: value", else empty.
std::string FieldName(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos || colon > 76) return {};
  std::string name;
  for (size_t i = 0; i < colon; ++i) {
    unsigned char c = static_cast<unsigned char>(line[i]);
    if (c <= 32 || c >= 127) return {};
    name.push_back(AsciiLower(static_cast<char>(c)));
  }
  return name;
}

// FieldName(line) == name, for a lowercase `name`, without a copy.
bool IsField(std::string_view line, std::string_view name) {
  return line.size() > name.size() && line[name.size()] == ':' &&
         AsciiIEquals(line.substr(0, name.size()), name);
}

struct Line {
  size_t begin, end;  // end excludes the line break
  size_t next;        // start of the following line
};

std::vector<Line> SplitLines(std::string_view s, size_t limit) {
  std::vector<Line> lines;
  size_t pos = 0;
  while (pos < s.size() && lines.size() < limit) {
    size_t nl = s.find('\n', pos);
    size_t next = nl == std::string_view::npos ? s.size() : nl + 1;
    size_t end = nl == std::string_view::npos ? s.size() : nl;
    if (end > pos && s[end - 1] == '\r') --end;
    lines.push_back({pos, end, next});
    pos = next;
  }
  return lines;
}

// From and Subject both in the first header block: nothing to repair (the
// common case, decided without splitting the rest of the message).
bool HeaderHasFromAndSubject(std::string_view raw) {
  bool from = false, subject = false;
  size_t pos = 0;
  while (pos < raw.size() && !(from && subject)) {
    size_t nl = raw.find('\n', pos);
    size_t end = nl == std::string_view::npos ? raw.size() : nl;
    std::string_view l = raw.substr(pos, end - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    if (l.empty()) break;
    if (l[0] != ' ' && l[0] != '\t') {
      from = from || IsField(l, "from");
      subject = subject || IsField(l, "subject");
    }
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return from && subject;
}

}  // namespace

std::optional<std::string> RepairSplitHeader(std::string_view raw) {
  if (HeaderHasFromAndSubject(raw)) return std::nullopt;
  std::vector<Line> lines = SplitLines(raw, 2000);
  bool have[kCore.size()] = {};
  auto note = [&](const std::string& name) {
    for (size_t k = 0; k < kCore.size(); ++k) {
      if (name == kCore[k]) have[k] = true;
    }
  };
  size_t i = 0;
  for (; i < lines.size() && lines[i].end > lines[i].begin; ++i) {
    std::string_view l = raw.substr(lines[i].begin, lines[i].end - lines[i].begin);
    if (l[0] != ' ' && l[0] != '\t') note(FieldName(l));
  }
  if (have[0] && have[1]) return std::nullopt;  // From and Subject present: header is fine

  std::vector<size_t> drop;  // blank lines to remove
  bool supplied = false;
  while (i < lines.size()) {
    size_t blanks_start = i;
    while (i < lines.size() && lines[i].end == lines[i].begin) ++i;
    if (i == lines.size()) break;
    // The paragraph must be header fields only.
    size_t j = i;
    bool all_fields = true;
    bool adds_core = false;
    for (; j < lines.size() && lines[j].end > lines[j].begin; ++j) {
      std::string_view l = raw.substr(lines[j].begin, lines[j].end - lines[j].begin);
      if (l[0] == ' ' || l[0] == '\t') continue;
      std::string name = FieldName(l);
      if (name.empty()) {
        all_fields = false;
        break;
      }
      for (size_t k = 0; k < kCore.size(); ++k) {
        if (name == kCore[k] && !have[k]) adds_core = true;
      }
    }
    if (!all_fields) break;
    for (size_t b = blanks_start; b < i; ++b) drop.push_back(b);
    for (size_t k = i; k < j; ++k) {
      std::string_view l = raw.substr(lines[k].begin, lines[k].end - lines[k].begin);
      if (l[0] != ' ' && l[0] != '\t') note(FieldName(l));
    }
    supplied = supplied || adds_core;
    i = j;
  }
  if (!supplied || drop.empty()) return std::nullopt;
  std::string out;
  out.reserve(raw.size());
  size_t d = 0;
  for (size_t k = 0; k < lines.size(); ++k) {
    if (d < drop.size() && drop[d] == k) {
      ++d;
      continue;
    }
    out.append(raw.substr(lines[k].begin, lines[k].next - lines[k].begin));
  }
  if (!lines.empty()) out.append(raw.substr(lines.back().next));
  return out;
}

}  // namespace extortrace::mail::detail
