// Deterministic identifiers and timestamps for the exports.
//
// STIX and MISP objects get name-based UUIDs (RFC 9562 version 5, SHA-1), so
// that exporting the same store twice gives the same ids and a consumer
// updates its objects instead of duplicating them.
//
// Pure and thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/time.h"

namespace extortrace::report {

// The namespace of extortrace's own object ids (an arbitrary fixed UUID).
inline constexpr std::string_view kExtortraceNamespace = "6f1e2b3c-4d5a-4e6f-9a8b-7c6d5e4f3a2b";
// STIX 2.1 §2.9: the namespace for deterministic cyber-observable ids.
inline constexpr std::string_view kStixScoNamespace = "00abedb4-aa42-466c-9c01-fed23315a9b7";

// Version 5 UUID of `name` in `namespace_uuid` (canonical 8-4-4-4-12 form,
// lowercase). An unparsable namespace is treated as the nil UUID.
std::string UuidV5(std::string_view namespace_uuid, std::string_view name);

// Dates are parsed and day numbers computed by core/time.h (ParseRfc3339,
// DayNumber, DayString), which this header includes.

// "2024-03-14T01:00:00.000Z" (STIX timestamps: UTC, millisecond precision).
std::string StixTimestamp(int64_t unix_seconds);
// "2024-03-14" in UTC.
std::string UtcDate(int64_t unix_seconds);

}  // namespace extortrace::report
