#include "report/svg.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "report/escape.h"
#include "report/ids.h"

namespace extortrace::report {
namespace {

constexpr const char* kBarColour = "#2f5d8a";
constexpr const char* kAccentColour = "#d9822b";
constexpr const char* kGridColour = "#e3e7ec";
constexpr const char* kTextColour = "#4a5563";
constexpr int64_t kMinDays = 14;

std::string F(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  return buf;
}

// A "nice" axis step (1, 2 or 5 times a power of ten) giving about `ticks` steps.
int64_t NiceStep(int64_t max, int ticks) {
  if (max <= 0) return 1;
  double raw = static_cast<double>(max) / ticks;
  double p = std::pow(10.0, std::floor(std::log10(raw)));
  double m = raw / p;
  double nice = m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10;
  return std::max<int64_t>(1, static_cast<int64_t>(nice * p));
}

std::string Open(const ChartOptions& o, int width, int height, size_t points) {
  std::string s = "<svg class=\"chart\" data-chart=\"" + HtmlEscape(o.id) + "\" data-points=\"" +
                  std::to_string(points) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                  std::to_string(height) +
                  "\" role=\"img\" xmlns=\"http://www.w3.org/2000/svg\" "
                  "font-family=\"inherit\" font-size=\"11\">";
  s += "<title>" + HtmlEscape(o.title) + "</title>";
  return s;
}

std::string Text(double x, double y, const std::string& s, const char* anchor,
                 const char* extra = "") {
  return "<text x=\"" + F(x) + "\" y=\"" + F(y) + "\" text-anchor=\"" + anchor + "\" fill=\"" +
         kTextColour + "\"" + extra + ">" + HtmlEscape(s) + "</text>";
}

std::string Rect(double x, double y, double w, double h, const char* fill, const std::string& tip) {
  return "<rect class=\"bar\" x=\"" + F(x) + "\" y=\"" + F(y) + "\" width=\"" + F(w) +
         "\" height=\"" + F(h) + "\" fill=\"" + fill + "\"><title>" + HtmlEscape(tip) +
         "</title></rect>";
}

// Y axis gridlines and labels for a plot area; returns the axis maximum.
int64_t YAxis(int64_t max, double left, double top, double plot_w, double plot_h, std::string* s) {
  int64_t step = NiceStep(max, 4);
  int64_t axis_max = std::max<int64_t>(step, (max + step - 1) / step * step);
  for (int64_t v = 0; v <= axis_max; v += step) {
    double y = top + plot_h - plot_h * static_cast<double>(v) / static_cast<double>(axis_max);
    *s += "<line x1=\"" + F(left) + "\" x2=\"" + F(left + plot_w) + "\" y1=\"" + F(y) + "\" y2=\"" +
          F(y) + "\" stroke=\"" + kGridColour + "\"/>";
    *s += Text(left - 6, y + 4, std::to_string(v), "end");
  }
  return axis_max;
}

std::string WithCount(const std::string& label, int64_t v) {
  return label + ": " + std::to_string(v) + (v == 1 ? " message" : " messages");
}

}  // namespace

std::string VerticalBarChart(const std::vector<Bar>& bars, const ChartOptions& o) {
  const double left = 44, right = 10, top = 12, bottom = 28;
  const double plot_w = o.width - left - right, plot_h = o.height - top - bottom;
  std::string s = Open(o, o.width, o.height, bars.size());
  int64_t max = 0;
  for (const Bar& b : bars) max = std::max(max, b.value);
  int64_t axis_max = YAxis(max, left, top, plot_w, plot_h, &s);
  double slot = bars.empty() ? plot_w : plot_w / static_cast<double>(bars.size());
  double bw = std::min(slot * 0.7, 60.0);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double h = plot_h * static_cast<double>(b.value) / static_cast<double>(axis_max);
    double x = left + slot * static_cast<double>(i) + (slot - bw) / 2;
    s += Rect(x, top + plot_h - h, bw, h, b.highlight ? kAccentColour : kBarColour,
              WithCount(b.label, b.value));
    s += Text(x + bw / 2, top + plot_h + 16, b.label, "middle");
  }
  s += "</svg>";
  return s;
}

std::string HorizontalBarChart(const std::vector<Bar>& bars, int64_t total, const ChartOptions& o) {
  const double row = 22, top = 6, label_w = 150, value_w = 92;
  const int height =
      static_cast<int>(top * 2 + row * static_cast<double>(std::max<size_t>(1, bars.size())));
  const double plot_w = o.width - label_w - value_w;
  std::string s = Open(o, o.width, height, bars.size());
  int64_t max = 1;
  for (const Bar& b : bars) max = std::max(max, b.value);
  for (size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    double y = top + row * static_cast<double>(i);
    double w = std::max(1.0, plot_w * static_cast<double>(b.value) / static_cast<double>(max));
    s += Text(label_w - 8, y + 15, FitWidth(b.label, 22), "end");
    s += Rect(label_w, y + 4, w, row - 8, b.highlight ? kAccentColour : kBarColour,
              WithCount(b.label, b.value));
    char pct[48];
    std::snprintf(
        pct, sizeof pct, "%lld (%.0f%%)", static_cast<long long>(b.value),
        total > 0 ? 100.0 * static_cast<double>(b.value) / static_cast<double>(total) : 0.0);
    s += Text(label_w + w + 6, y + 15, pct, "start");
  }
  s += "</svg>";
  return s;
}

std::string TimeSeriesChart(const std::map<std::string, int64_t>& per_day, const ChartOptions& o) {
  // Buckets: (first day of bucket, count).
  std::vector<std::pair<int64_t, int64_t>> days;
  for (const auto& [d, n] : per_day) {
    if (auto dn = DayNumber(d)) days.emplace_back(*dn, n);
  }
  std::sort(days.begin(), days.end());
  const double left = 44, right = 10, top = 12, bottom = 30;
  const double plot_w = o.width - left - right, plot_h = o.height - top - bottom;
  std::vector<std::pair<int64_t, int64_t>> buckets;
  const char* unit = "day";
  if (!days.empty()) {
    int64_t first = days.front().first, last = days.back().first;
    // Short spans are widened to two weeks, so that one day is a bar, not a block.
    if (last - first + 1 < kMinDays) {
      int64_t pad = kMinDays - (last - first + 1);
      first -= pad / 2;
      last += pad - pad / 2;
    }
    int64_t span = last - first + 1;
    auto bucket_of = [&](int64_t day) -> int64_t {
      if (span <= 120) return day;
      if (span <= 730) return day - ((day + 3) % 7 + 7) % 7;  // Monday of its ISO week
      return *DayNumber(DayString(day).substr(0, 8) + "01");  // first of its month
    };
    unit = span <= 120 ? "day" : span <= 730 ? "week" : "month";
    for (int64_t d = bucket_of(first); d <= last;) {
      buckets.emplace_back(d, 0);
      if (span <= 120) {
        d += 1;
      } else if (span <= 730) {
        d += 7;
      } else {
        d = bucket_of(d + 31);
      }
    }
    for (const auto& [d, n] : days) {
      int64_t b = bucket_of(d);
      auto it = std::lower_bound(buckets.begin(), buckets.end(), std::make_pair(b, int64_t{0}));
      if (it != buckets.end() && it->first == b) it->second += n;
    }
  }
  std::string s = Open(o, o.width, o.height, buckets.size());
  int64_t max = 0;
  for (const auto& b : buckets) max = std::max(max, b.second);
  int64_t axis_max = YAxis(max, left, top, plot_w, plot_h, &s);
  double slot = buckets.empty() ? plot_w : plot_w / static_cast<double>(buckets.size());
  double bw = std::min(28.0, std::max(1.0, slot * 0.8));
  size_t label_every = std::max<size_t>(1, (buckets.size() + 5) / 6);
  for (size_t i = 0; i < buckets.size(); ++i) {
    auto [day, n] = buckets[i];
    std::string date = DayString(day);
    double x = left + slot * static_cast<double>(i) + (slot - bw) / 2;
    double h = plot_h * static_cast<double>(n) / static_cast<double>(axis_max);
    bool weekend = std::string(unit) == "day" && ((day + 3) % 7 + 7) % 7 >= 5;
    std::string tip = (std::string(unit) == "day" ? date : std::string(unit) + " of " + date);
    if (n > 0)
      s +=
          Rect(x, top + plot_h - h, bw, h, weekend ? kAccentColour : kBarColour, WithCount(tip, n));
    if (i % label_every == 0) {
      s += "<line x1=\"" + F(x + bw / 2) + "\" x2=\"" + F(x + bw / 2) + "\" y1=\"" +
           F(top + plot_h) + "\" y2=\"" + F(top + plot_h + 4) + "\" stroke=\"#9aa5b1\"/>";
      double lx = x + bw / 2;
      const char* anchor = lx > left + plot_w - 34 ? "end" : lx < left + 34 ? "start" : "middle";
      s += Text(lx, top + plot_h + 17, date, anchor);
    }
  }
  s += "<line x1=\"" + F(left) + "\" x2=\"" + F(left + plot_w) + "\" y1=\"" + F(top + plot_h) +
       "\" y2=\"" + F(top + plot_h) + "\" stroke=\"#9aa5b1\"/>";
  s += Text(left + plot_w, o.height - 2.0, std::string("messages per ") + unit, "end",
            " font-style=\"italic\"");
  s += "</svg>";
  return s;
}

std::string Sparkline(const std::map<std::string, int64_t>& per_day, const std::string& first_day,
                      const std::string& last_day, int width, int height) {
  auto first = DayNumber(first_day), last = DayNumber(last_day);
  std::string s = "<svg class=\"spark\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                  std::to_string(height) +
                  "\" xmlns=\"http://www.w3.org/2000/svg\" aria-hidden=\"true\">";
  if (first && last && *last >= *first) {
    int64_t span = *last - *first + 1;
    int64_t max = 1;
    for (const auto& [d, n] : per_day) max = std::max(max, n);
    double slot = static_cast<double>(width) / static_cast<double>(span);
    for (const auto& [d, n] : per_day) {
      auto dn = DayNumber(d);
      if (!dn || *dn < *first || *dn > *last) continue;
      double h = std::max(1.5, (height - 2) * static_cast<double>(n) / static_cast<double>(max));
      s += "<rect x=\"" + F(slot * static_cast<double>(*dn - *first)) + "\" y=\"" + F(height - h) +
           "\" width=\"" + F(std::max(2.0, slot * 0.85)) + "\" height=\"" + F(h) + "\" fill=\"" +
           kBarColour + "\"/>";
    }
  }
  s += "</svg>";
  return s;
}

}  // namespace extortrace::report
