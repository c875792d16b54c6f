// Calendar arithmetic and RFC 3339 timestamps in UTC, without the C library's
// time zone state (no gmtime/timegm): proleptic Gregorian dates through Howard
// Hinnant's days_from_civil / civil_from_days.
//
// Pure functions, thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace extortrace {

struct CivilDate {
  int64_t year = 1970;
  unsigned month = 1, day = 1;  // 1-12, 1-31
};

// Days since 1970-01-01 of a proleptic Gregorian date (negative before it).
int64_t DaysFromCivil(int64_t year, unsigned month, unsigned day);
// The inverse of DaysFromCivil.
CivilDate CivilFromDays(int64_t days);

// The day (days since 1970-01-01) that a Unix time falls on, rounding down.
inline int64_t DayOfUnix(int64_t unix_seconds) {
  return unix_seconds >= 0 ? unix_seconds / 86400 : (unix_seconds - 86399) / 86400;
}

// Day of the week of a day number: 0 = Monday ... 6 = Sunday (ISO 8601 order;
// 1970-01-01 was a Thursday).
inline int WeekdayOfDay(int64_t day) { return static_cast<int>((day % 7 + 10) % 7); }

// Days since 1970-01-01 of a string starting with "YYYY-MM-DD" (four, two and
// two digits; whatever follows is ignored); nullopt if it does not.
std::optional<int64_t> DayNumber(std::string_view ymd);
// "YYYY-MM-DD" of a day number (the inverse of DayNumber).
std::string DayString(int64_t day);

// Seconds since the epoch of an RFC 3339 date-time ("2024-03-14T10:00:00+09:00";
// 'T', 't' or a space between date and time, fractional seconds ignored, "Z"
// or a numeric offset); nullopt if it does not parse.
std::optional<int64_t> ParseRfc3339(std::string_view s);

// "2024-03-14T01:00:00Z": a Unix time as an RFC 3339 UTC date-time.
std::string Rfc3339Utc(int64_t unix_seconds);

}  // namespace extortrace
