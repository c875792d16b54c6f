// Daily BTC/USD prices from a CSV (Yahoo Finance layout:
// Date,Open,High,Low,Close,Adj Close,Volume; Date is YYYY-MM-DD, UTC).
// A payment is valued at the close of its block's UTC day; a missing day
// (gap in the series) falls back to the nearest earlier day within
// kMaxGapDays. Immutable after loading; safe to share between threads.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"
#include "core/time.h"

namespace extortrace::trace {

class PriceTable {
 public:
  static constexpr int kMaxGapDays = 7;

  // Rows whose Close is not a number ("null") are skipped; a file without a
  // Date and Close column, or without any price, is an error naming it.
  static Result<PriceTable> LoadCsv(const std::string& path);
  static Result<PriceTable> ParseCsv(std::string_view text, const std::string& name = "prices");

  void Set(int64_t day, double close) { close_[day] = close; }
  bool empty() const { return close_.empty(); }
  size_t size() const { return close_.size(); }
  // Close (USD per BTC) on the UTC day of `unix_time`.
  std::optional<double> UsdPerBtcAt(int64_t unix_time) const;
  std::optional<double> UsdPerBtcOn(std::string_view ymd) const;
  // USD value of `sat` at `unix_time`.
  std::optional<double> UsdOf(int64_t sat, int64_t unix_time) const;

 private:
  std::optional<double> OnDay(int64_t day) const;
  std::map<int64_t, double> close_;  // days since 1970-01-01 -> close
};

// Day numbers ("YYYY-MM-DD" <-> days since 1970-01-01, DayOfUnix) come from
// core/time.h, which this header includes.

}  // namespace extortrace::trace
