// Internal: picking the demand and deadline among the candidates, and
// mapping offsets between the normalizer's views.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "detect/extract.h"

namespace extortrace::detect::detail {

// Picks the demanded amount: the candidate nearest to a payment anchor
// (payment words, crypto words, the wallet), within `max_distance` bytes.
// When the pick is a crypto amount and a fiat amount stands within 80 bytes
// (the "$2900 (0.15 BTC)" pattern) the fiat one is the demand.
std::optional<Money> ChooseDemand(const std::vector<Money>& amounts,
                                  const std::vector<uint32_t>& anchors, uint32_t max_distance);

// Picks the deadline: a duration inside a deadline phrase first, then one
// near a deadline cue or payment anchor. Past or periodic durations never.
std::optional<Duration> ChooseDeadline(const std::vector<Duration>& durations,
                                       const std::vector<std::pair<uint32_t, uint32_t>>& phrases,
                                       const std::vector<uint32_t>& cues,
                                       const std::vector<uint32_t>& anchors);

// Maps a byte offset of `from` view to the `to` view through their maps to
// the common input (both maps are non-decreasing). Returns the first `to`
// byte whose input offset is >= the input offset of `offset`.
uint32_t MapOffset(std::span<const uint32_t> from_map, std::span<const uint32_t> to_map,
                   uint32_t offset);

}  // namespace extortrace::detect::detail
