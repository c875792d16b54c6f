#include "mail/detail/mime_bounds.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>

#include "core/ascii.h"
#include "mail/detail/gmime_glue.h"
#include "mail/detail/mime_fields.h"
#include "mail/message.h"

namespace extortrace::mail::detail {
namespace {

using fields::Find;
using fields::Line;
using fields::LineAt;

constexpr size_t kMaxContentFieldsOver = 8;  // per block, once the budget is spent
constexpr size_t kMaxContentFieldBytesOver = 1024;

struct Budget {
  size_t fields = 0, bytes = 0;
  bool over() const { return fields >= kMaxHeaderFields || bytes >= kMaxHeaderBytes; }
};

// Byte ranges of `raw` to leave out, in order, merged when they touch.
class Drops {
 public:
  void Add(size_t from, size_t to) {
    if (from >= to) return;
    if (!ranges_.empty() && ranges_.back().second >= from) {
      ranges_.back().second = std::max(ranges_.back().second, to);
      return;
    }
    ranges_.emplace_back(from, to);
  }
  bool empty() const { return ranges_.empty(); }
  std::string Apply(std::string_view raw) const {
    size_t dropped = 0;
    for (const auto& [from, to] : ranges_) dropped += to - from;
    std::string out;
    out.reserve(raw.size() - dropped);
    size_t at = 0;
    for (const auto& [from, to] : ranges_) {
      out.append(raw.substr(at, from - at));
      at = to;
    }
    out.append(raw.substr(at));
    return out;
  }

 private:
  std::vector<std::pair<size_t, size_t>> ranges_;
};

bool StartsBoundaryLike(std::string_view raw, size_t pos) {
  return pos + 1 < raw.size() && raw[pos] == '-' && raw[pos + 1] == '-';
}

// The next line at or after `from` that starts with "--" (its offset), or npos.
size_t NextBoundaryLike(std::string_view raw, size_t from) {
  if (from == 0 && StartsBoundaryLike(raw, 0)) return 0;
  size_t nl = Find(raw, "\n--", from == 0 ? 0 : from - 1);
  return nl == std::string_view::npos ? nl : nl + 1;
}

bool IsMessageType(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || !AsciiIEquals(line.substr(0, colon), "Content-Type")) {
    return false;
  }
  size_t v = line.find_first_not_of(" \t", colon + 1);
  return v != std::string_view::npos && AsciiIEquals(line.substr(v, 8), "message/");
}

// Reads the header block at `pos` (up to its blank line, a boundary-like
// line, or `end`) and drops what is over the bounds. Returns where the
// block's reading stopped: past its blank line, or at the boundary-like line.
size_t ScanBlock(std::string_view raw, size_t pos, size_t end, Budget* budget, Drops* drops,
                 std::vector<std::string>* anomalies, bool* message_next) {
  *message_next = false;
  bool keep = true;
  size_t field_bytes = 0, field_cap = kMaxFieldBytes, content_over = 0;
  while (pos < end) {
    if (StartsBoundaryLike(raw, pos)) return pos;
    Line line = LineAt(raw.substr(0, end), pos);
    const size_t next = line.next == std::string_view::npos ? end : line.next;
    if (line.text.empty()) return next;
    if (line.text[0] != ' ' && line.text[0] != '\t') {
      field_bytes = 0;
      field_cap = kMaxFieldBytes;
      keep = !budget->over();
      if (!keep) {
        if (AsciiIEquals(line.text.substr(0, 8), "Content-") &&
            content_over < kMaxContentFieldsOver) {
          keep = true;
          field_cap = kMaxContentFieldBytesOver;
          ++content_over;
        }
        AddAnomaly(anomalies, "too-many-headers");
      }
      if (keep) {
        ++budget->fields;
        if (IsMessageType(line.text)) *message_next = true;
      }
    }
    const size_t len = next - pos;
    if (keep && field_bytes + len > field_cap) {
      keep = false;  // the rest of this field
      AddAnomaly(anomalies, field_cap == kMaxFieldBytes ? "header-too-long" : "too-many-headers");
    }
    if (keep) {
      field_bytes += len;
      budget->bytes += len;
    } else {
      drops->Add(pos, next);
    }
    pos = next;
  }
  return end;
}

// Reads the header blocks from `pos`: the block there, and the header of a
// message/* part that it declares, and so on.
void ScanBlocks(std::string_view raw, size_t pos, size_t end, Budget* budget, Drops* drops,
                std::vector<std::string>* anomalies) {
  bool message_next = true;
  while (message_next && pos < end && !StartsBoundaryLike(raw, pos)) {
    pos = ScanBlock(raw, pos, end, budget, drops, anomalies, &message_next);
  }
}

}  // namespace

std::optional<std::string> BoundStructure(std::string_view raw,
                                          std::vector<std::string>* anomalies) {
  // The boundary-like lines: how many, where the (K+1)-th starts, and the
  // last kTailBoundaryLines.
  size_t count = 0, cut_from = std::string_view::npos;
  std::array<size_t, kTailBoundaryLines> last{};
  for (size_t p = NextBoundaryLike(raw, 0); p != std::string_view::npos;
       p = NextBoundaryLike(raw, p + 2)) {
    if (count == kMaxBoundaryLines) cut_from = p;
    last[count % kTailBoundaryLines] = p;
    ++count;
  }
  Drops drops;
  size_t cut_to = cut_from;
  if (count > kMaxBoundaryLines + kTailBoundaryLines) {
    cut_to = last[count % kTailBoundaryLines];  // the oldest of the last ones
    AddAnomaly(anomalies, "too-many-parts");
  } else {
    cut_from = cut_to = std::string_view::npos;
  }

  Budget budget;
  const size_t end = raw.size();
  ScanBlocks(raw, 0, end, &budget, &drops, anomalies);
  for (size_t p = NextBoundaryLike(raw, 0); p != std::string_view::npos;
       p = NextBoundaryLike(raw, p + 2)) {
    if (p == cut_from) {
      drops.Add(cut_from, cut_to);
      p = cut_to;
    }
    Line line = LineAt(raw, p);
    if (line.next == std::string_view::npos) break;
    ScanBlocks(raw, line.next, end, &budget, &drops, anomalies);
  }
  if (drops.empty()) return std::nullopt;
  return drops.Apply(raw);
}

}  // namespace extortrace::mail::detail

namespace extortrace::mail {

bool IsLimitAnomaly(std::string_view anomaly) {
  static constexpr std::string_view kLimits[] = {
      "too-many-parts",   "nesting-too-deep", "nesting-overflow",
      "too-many-headers", "header-too-long",  "text-too-long",
      "text-padding",     "too-many-images",  "truncated-input"};
  return std::find(std::begin(kLimits), std::end(kLimits), anomaly) != std::end(kLimits);
}

}  // namespace extortrace::mail
