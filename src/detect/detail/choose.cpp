#include "detect/detail/choose.h"

#include <algorithm>
#include <cstdlib>
#include <limits>

namespace extortrace::detect::detail {
namespace {

uint32_t Distance(uint32_t from, uint32_t to, uint32_t anchor) {
  if (anchor < from) return from - anchor;
  if (anchor > to) return anchor - to;
  return 0;
}

uint32_t NearestAnchor(uint32_t from, uint32_t to, const std::vector<uint32_t>& anchors) {
  uint32_t best = std::numeric_limits<uint32_t>::max();
  for (uint32_t a : anchors) best = std::min(best, Distance(from, to, a));
  return best;
}

}  // namespace

std::optional<Money> ChooseDemand(const std::vector<Money>& amounts,
                                  const std::vector<uint32_t>& anchors, uint32_t max_distance) {
  const Money* best = nullptr;
  uint32_t best_d = std::numeric_limits<uint32_t>::max();
  for (const Money& m : amounts) {
    uint32_t d = NearestAnchor(m.from, m.to, anchors);
    if (d <= max_distance && d < best_d) best = &m, best_d = d;
  }
  if (!best) return std::nullopt;
  if (best->crypto) {
    for (const Money& m : amounts) {
      if (m.crypto) continue;
      uint32_t gap =
          m.to <= best->from ? best->from - m.to : (m.from >= best->to ? m.from - best->to : 0);
      if (gap <= 80) return m;
    }
  }
  return *best;
}

std::optional<Duration> ChooseDeadline(const std::vector<Duration>& durations,
                                       const std::vector<std::pair<uint32_t, uint32_t>>& phrases,
                                       const std::vector<uint32_t>& cues,
                                       const std::vector<uint32_t>& anchors) {
  for (const Duration& d : durations) {
    if (d.past_or_periodic) continue;
    for (const auto& [from, to] : phrases) {
      if (d.from < to && d.to > from) return d;
    }
  }
  const Duration* best = nullptr;
  uint32_t best_d = std::numeric_limits<uint32_t>::max();
  for (const Duration& d : durations) {
    if (d.past_or_periodic) continue;
    uint32_t dc = NearestAnchor(d.from, d.to, cues);
    uint32_t da = NearestAnchor(d.from, d.to, anchors);
    uint32_t score = std::min(dc <= 150 ? dc : std::numeric_limits<uint32_t>::max(),
                              da <= 400 ? da + 50 : std::numeric_limits<uint32_t>::max());
    if (score < best_d) best = &d, best_d = score;
  }
  if (!best) return std::nullopt;
  // "50 hours (more than 2 days)", "2 days (or 48 hours)": the first of two
  // durations written side by side is the one meant.
  for (const Duration& d : durations) {
    if (d.past_or_periodic || d.from >= best->from) continue;
    if (best->from - d.to <= 24) return d;
  }
  return *best;
}

uint32_t MapOffset(std::span<const uint32_t> from_map, std::span<const uint32_t> to_map,
                   uint32_t offset) {
  if (from_map.empty() || to_map.empty()) return offset;
  uint32_t input = from_map[std::min<size_t>(offset, from_map.size() - 1)];
  auto it = std::lower_bound(to_map.begin(), to_map.end(), input);
  if (it == to_map.end()) return static_cast<uint32_t>(to_map.size() - 1);
  return static_cast<uint32_t>(it - to_map.begin());
}

}  // namespace extortrace::detect::detail
