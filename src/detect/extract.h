// Demand and deadline extraction from folded text.
//
// Amounts: locale-aware numbers ("1,490", "1.490,00", "1 490", ".15", "0,15")
// next to a currency written as a symbol, code or word in any of the lexicon
// languages ("$1490", "1750$", "1490 USD", "USD1550", "2,500米ドル", "2900 美元",
// "0.15 BTC", "nine hundred US dollars"). NFKC has already made full-width
// digits ASCII. Durations: a number (digits or a small number word in the
// lexicon languages) followed by an hour/day unit ("48 hours", "2 days",
// "72時間", "48 horas", "zwei Tage", "48h").
//
// Pure functions; no allocation beyond the returned vectors; never throw.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace extortrace::detect {

struct Money {
  double amount = 0;
  std::string currency;  // ISO 4217 ("USD", "EUR", ...) or "BTC", "LTC", "ETH", "XMR"
  bool crypto = false;
  uint32_t from = 0, to = 0;  // byte range in the scanned text
};

struct Duration {
  int hours = 0;
  uint32_t from = 0, to = 0;
  bool past_or_periodic = false;  // "2 days ago", "every 4 hours", "one week later"
};

// Parses the digits-and-separators part of a number. `crypto` tells how to
// read a lone separator followed by three digits ("1.490" is 1490 for fiat,
// 1.49 for BTC). Returns nullopt for anything that is not a number.
std::optional<double> ParseNumber(std::string_view s, bool crypto);

// English number words: "nine hundred", "one thousand two hundred",
// "twenty-four". Returns nullopt when `words` is not entirely a number.
std::optional<double> ParseNumberWords(std::string_view words);

std::vector<Money> FindAmounts(std::string_view folded);
std::vector<Duration> FindDurations(std::string_view folded);

// A deadline written as a day: "by friday", "bis zum 15. oktober", "avant
// le 3 mars", "entro venerdi", "10月15日までに", "before tomorrow".
struct DateDeadline {
  int64_t at_unix = 0;        // the end of that day (23:59:59) in the sender's zone, as UTC seconds
  int offset_minutes = 0;     // the sender's zone (from the Date header)
  uint32_t from = 0, to = 0;  // byte range in the scanned text
};

// Dates after a deadline word ("by", "bis", "avant", "entro", "antes de",
// "voor", "do", ... or the particles まで/之前 after a CJK date), resolved
// against the message's Date (`sent_unix`, `offset_minutes`): a weekday is
// its next occurrence after that day, a day and month the next such date.
// At most 16.
std::vector<DateDeadline> FindDeadlineDates(std::string_view folded, int64_t sent_unix,
                                            int offset_minutes);

// RFC 3339 in the sender's zone: "2022-10-15T23:59:59+09:00".
std::string FormatDeadline(const DateDeadline& d);

}  // namespace extortrace::detect
