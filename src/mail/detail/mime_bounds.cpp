#include "mail/detail/mime_bounds.h"

#include <algorithm>
#include <array>
#include <deque>
#include <iterator>
#include <queue>
#include <unordered_set>
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

constexpr size_t kLargestParts = 8;          // kept from between the first and the last
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

// The boundaries the header blocks declare, to tell a boundary line from a
// content line that starts with "--" (a signature, a diff). When a
// declaration cannot be read for sure (an RFC 2231 "boundary*" parameter, a
// backslash or no end in a quoted one, a Content-Type over its size bound,
// more than kMaxDeclared boundaries, multipart/digest, whose parts' headers
// are not read here), every line that starts with "--" counts.
class Boundaries {
 public:
  void Declare(std::string_view value) {
    if (all_) return;
    std::string lower = AsciiLowerCopy(value);
    if (lower.find("digest") != std::string::npos) all_ = true;
    for (size_t at = lower.find("boundary"); at != std::string::npos && !all_;
         at = lower.find("boundary", at + 8)) {
      size_t p = lower.find_first_not_of(" \t", at + 8);
      if (p == std::string::npos) break;
      if (lower[p] == '*') all_ = true;
      if (lower[p] != '=') continue;
      p = lower.find_first_not_of(" \t", p + 1);
      if (p == std::string::npos) break;
      std::string_view b;
      if (value[p] == '"') {
        size_t close = value.find('"', p + 1);
        if (close == std::string_view::npos ||
            value.substr(p, close - p).find('\\') != std::string_view::npos) {
          all_ = true;
          break;
        }
        b = value.substr(p + 1, close - p - 1);
      } else {
        size_t stop = value.find_first_of("; \t\r\n", p);
        b = value.substr(p, stop == std::string_view::npos ? value.size() - p : stop - p);
      }
      if (b.empty() || set_.count(b) != 0) continue;
      if (set_.size() == kMaxDeclared) {
        all_ = true;
        break;
      }
      set_.insert(owned_.emplace_back(b));
    }
  }
  void DeclareUnsure() { all_ = true; }

  // `text`: a line without its line break, starting with "--".
  bool IsBoundaryLine(std::string_view text) const {
    if (all_) return true;
    std::string_view rest = text.substr(2);
    while (!rest.empty() && (rest.back() == ' ' || rest.back() == '\t' || rest.back() == '\r')) {
      rest.remove_suffix(1);
    }
    if (set_.count(rest) != 0) return true;
    return rest.size() >= 2 && rest.substr(rest.size() - 2) == "--" &&
           set_.count(rest.substr(0, rest.size() - 2)) != 0;
  }

 private:
  static constexpr size_t kMaxDeclared = 1024;
  std::deque<std::string> owned_;
  std::unordered_set<std::string_view> set_;
  bool all_ = false;
};

// Reads header blocks: the first pass declares the boundaries they name,
// the second (with a budget) drops what is over the bounds.
class BlockReader {
 public:
  BlockReader(std::string_view raw, Boundaries* boundaries, Budget* budget, Drops* drops,
              std::vector<std::string>* anomalies)
      : raw_(raw), boundaries_(boundaries), budget_(budget), drops_(drops), anomalies_(anomalies) {}

  bool BoundaryAt(size_t pos) const {
    return StartsBoundaryLike(raw_, pos) && boundaries_->IsBoundaryLine(LineAt(raw_, pos).text);
  }

  // The header block at `pos`, and the header of the message/* part it
  // declares, and so on.
  void Blocks(size_t pos) {
    bool message_next = true;
    while (message_next && pos < raw_.size() && !BoundaryAt(pos)) pos = Block(pos, &message_next);
  }

 private:
  // One block (up to its blank line, a boundary line or the end). Returns
  // where its reading stopped: past its blank line, or at the boundary line.
  size_t Block(size_t pos, bool* message_next) {
    *message_next = false;
    bool keep = true, in_type = false;
    size_t field_bytes = 0, field_cap = kMaxFieldBytes, content_over = 0;
    std::string type;  // the value of a Content-Type field being read
    auto end_type = [&] {
      if (!in_type) return;
      in_type = false;
      if (budget_ == nullptr) boundaries_->Declare(type);
      size_t v = type.find_first_not_of(" \t");
      if (v != std::string::npos && AsciiIEquals(std::string_view(type).substr(v, 8), "message/")) {
        *message_next = true;
      }
    };
    const size_t end = raw_.size();
    while (pos < end) {
      if (BoundaryAt(pos)) break;
      Line line = LineAt(raw_, pos);
      const size_t next = line.next == std::string_view::npos ? end : line.next;
      if (line.text.empty()) {
        pos = next;
        break;
      }
      const bool continuation = line.text[0] == ' ' || line.text[0] == '\t';
      if (!continuation) {
        end_type();
        const size_t colon = line.text.find(':');
        if (colon != std::string_view::npos &&
            AsciiIEquals(Trim(line.text.substr(0, colon)), "Content-Type")) {
          in_type = true;
          type.assign(line.text.substr(colon + 1));
        }
        field_bytes = 0;
        field_cap = kMaxFieldBytes;
        keep = budget_ == nullptr || !budget_->over();
        if (!keep) {
          if (AsciiIEquals(line.text.substr(0, 8), "Content-") &&
              content_over < kMaxContentFieldsOver) {
            keep = true;
            field_cap = kMaxContentFieldBytesOver;
            ++content_over;
          }
          AddAnomaly(anomalies_, "too-many-headers");
        }
        if (keep && budget_ != nullptr) ++budget_->fields;
      } else if (in_type) {
        if (type.size() + line.text.size() > kMaxFieldBytes) {
          boundaries_->DeclareUnsure();
        } else {
          type.append(line.text);
        }
      }
      const size_t len = next - pos;
      if (budget_ != nullptr) {
        if (keep && field_bytes + len > field_cap) {
          keep = false;  // the rest of this field
          AddAnomaly(anomalies_,
                     field_cap == kMaxFieldBytes ? "header-too-long" : "too-many-headers");
        }
        if (keep) {
          field_bytes += len;
          budget_->bytes += len;
        } else {
          drops_->Add(pos, next);
        }
      }
      pos = next;
    }
    end_type();
    return pos;
  }

  static std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
  }

  std::string_view raw_;
  Boundaries* boundaries_;
  Budget* budget_;
  Drops* drops_;
  std::vector<std::string>* anomalies_;
};

}  // namespace

std::optional<std::string> BoundStructure(std::string_view raw,
                                          std::vector<std::string>* anomalies) {
  // First pass: the boundaries declared, and the boundary lines: how many,
  // where the (K+1)-th starts, the last kTailBoundaryLines, and the largest
  // parts after the K-th ([start, end) of each, smallest on top).
  Boundaries boundaries;
  BlockReader declare(raw, &boundaries, nullptr, nullptr, anomalies);
  size_t count = 0, cut_from = std::string_view::npos, prev = 0;
  std::array<size_t, kTailBoundaryLines> last{};
  using Segment = std::pair<size_t, size_t>;
  auto smaller = [](const Segment& a, const Segment& b) {
    return a.second - a.first > b.second - b.first;
  };
  std::priority_queue<Segment, std::vector<Segment>, decltype(smaller)> largest(smaller);
  declare.Blocks(0);
  for (size_t p = NextBoundaryLike(raw, 0); p != std::string_view::npos;
       p = NextBoundaryLike(raw, p + 2)) {
    if (!declare.BoundaryAt(p)) continue;
    if (count == kMaxBoundaryLines) cut_from = p;
    if (count > kMaxBoundaryLines) {
      largest.emplace(prev, p);
      if (largest.size() > kLargestParts + kTailBoundaryLines) largest.pop();
    }
    last[count % kTailBoundaryLines] = p;
    prev = p;
    ++count;
    Line line = LineAt(raw, p);
    if (line.next != std::string_view::npos) declare.Blocks(line.next);
  }
  // What is dropped: from the (K+1)-th boundary line to the last ones, but
  // the kLargestParts largest parts between (a letter among empty parts).
  std::vector<Segment> dropped;
  if (count > kMaxBoundaryLines + kTailBoundaryLines) {
    const size_t cut_to = last[count % kTailBoundaryLines];  // the oldest of the last ones
    AddAnomaly(anomalies, "too-many-parts");
    std::vector<Segment> kept;
    for (; !largest.empty(); largest.pop()) {
      if (largest.top().second <= cut_to) kept.push_back(largest.top());
    }
    // The heap gave them smallest first: keep the largest.
    if (kept.size() > kLargestParts) kept.erase(kept.begin(), kept.end() - kLargestParts);
    std::sort(kept.begin(), kept.end());
    size_t at = cut_from;
    for (const Segment& k : kept) {
      if (k.first > at) dropped.emplace_back(at, k.first);
      at = k.second;
    }
    if (cut_to > at) dropped.emplace_back(at, cut_to);
  }

  // Second pass, with every boundary known: the header budget.
  Drops drops;
  Budget budget;
  BlockReader bound(raw, &boundaries, &budget, &drops, anomalies);
  bound.Blocks(0);
  size_t next_drop = 0;
  for (size_t p = NextBoundaryLike(raw, 0); p != std::string_view::npos;
       p = NextBoundaryLike(raw, p + 2)) {
    if (next_drop < dropped.size() && p == dropped[next_drop].first) {
      drops.Add(dropped[next_drop].first, dropped[next_drop].second);
      p = dropped[next_drop++].second;  // a boundary line of a kept part
    } else if (!bound.BoundaryAt(p)) {
      continue;
    }
    Line line = LineAt(raw, p);
    if (line.next == std::string_view::npos) break;
    bound.Blocks(line.next);
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
