#include "trace/prices.h"

#include <charconv>
#include <cstdlib>
#include <vector>

#include <fmt/format.h>

#include "core/bytes.h"

namespace extortrace::trace {
namespace {

// Howard Hinnant's days_from_civil.
int64_t DaysFromCivil(int64_t y, unsigned m, unsigned d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int64_t>(doe) - 719468;
}

std::vector<std::string_view> SplitCsv(std::string_view line) {
  std::vector<std::string_view> f;
  size_t start = 0;
  for (size_t i = 0; i <= line.size(); ++i) {
    if (i == line.size() || line[i] == ',') {
      std::string_view v = line.substr(start, i - start);
      if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
      f.push_back(v);
      start = i + 1;
    }
  }
  return f;
}

}  // namespace

std::optional<int64_t> DayNumber(std::string_view s) {
  if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int y = 0, m = 0, d = 0;
  auto num = [](std::string_view v, int* out) {
    auto r = std::from_chars(v.data(), v.data() + v.size(), *out);
    return r.ec == std::errc() && r.ptr == v.data() + v.size();
  };
  if (!num(s.substr(0, 4), &y) || !num(s.substr(5, 2), &m) || !num(s.substr(8, 2), &d))
    return std::nullopt;
  if (m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
  return DaysFromCivil(y, static_cast<unsigned>(m), static_cast<unsigned>(d));
}

std::string DayString(int64_t z) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return fmt::format("{:04}-{:02}-{:02}", y + (m <= 2), m, d);
}

Result<PriceTable> PriceTable::ParseCsv(std::string_view text, const std::string& name) {
  PriceTable t;
  size_t pos = 0;
  int date_col = -1, close_col = -1;
  bool header = true;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) continue;
    auto f = SplitCsv(line);
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
    std::string close(f[close_col]);
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
