#include "trace/prices.h"

#include <algorithm>
#include <cstdlib>

#include "core/bytes.h"
#include "core/csv.h"

namespace extortrace::trace {

Result<PriceTable> PriceTable::ParseCsv(std::string_view text, const std::string& name) {
  PriceTable t;
  int date_col = -1, close_col = -1;
  bool header = true;
  for (const CsvRow& f : ParseCsvRows(text)) {
    if (header) {
      header = false;
      for (size_t i = 0; i < f.size(); ++i) {
        if (f[i] == "Date" || f[i] == "date") date_col = static_cast<int>(i);
        if (f[i] == "Close" || f[i] == "close") close_col = static_cast<int>(i);
      }
      if (date_col < 0 || close_col < 0)
        return Fail(Error::Corrupt(name + ": no Date and Close columns in the header"));
      continue;
    }
    if (static_cast<int>(f.size()) <= std::max(date_col, close_col)) continue;
    auto day = DayNumber(f[date_col]);
    const std::string& close = f[close_col];
    char* end = nullptr;
    double v = std::strtod(close.c_str(), &end);
    if (!day || end == close.c_str() || *end != '\0' || !(v > 0)) continue;
    t.close_[*day] = v;
  }
  if (t.close_.empty()) return Fail(Error::Corrupt(name + ": no prices"));
  return t;
}

Result<PriceTable> PriceTable::LoadCsv(const std::string& path) {
  auto text = ReadFile(path, size_t{256} << 20);
  if (!text) return Fail(text.error());
  return ParseCsv(*text, path);
}

std::optional<double> PriceTable::OnDay(int64_t day) const {
  auto it = close_.upper_bound(day);
  if (it == close_.begin()) return std::nullopt;
  --it;
  if (day - it->first > kMaxGapDays) return std::nullopt;
  return it->second;
}

std::optional<double> PriceTable::UsdPerBtcAt(int64_t unix_time) const {
  return OnDay(DayOfUnix(unix_time));
}

std::optional<double> PriceTable::UsdPerBtcOn(std::string_view ymd) const {
  auto d = DayNumber(ymd);
  if (!d) return std::nullopt;
  return OnDay(*d);
}

std::optional<double> PriceTable::UsdOf(int64_t sat, int64_t unix_time) const {
  auto p = UsdPerBtcAt(unix_time);
  if (!p) return std::nullopt;
  return static_cast<double>(sat) / 1e8 * *p;
}

}  // namespace extortrace::trace
