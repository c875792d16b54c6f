// Inline SVG charts for the HTML report: no script, no external resources,
// scaled by CSS through their viewBox, readable in print.
//
// Every chart is one <svg class="chart" data-chart="ID" data-points="N">
// element with a <title> (its accessible name) and one <title> per bar, so a
// reader hovering a bar sees its exact value. Labels are HTML-escaped here;
// callers pass raw strings. Pure functions.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace extortrace::report {

struct Bar {
  std::string label;
  int64_t value = 0;
  bool highlight = false;  // drawn in the accent colour (weekends)
};

struct ChartOptions {
  std::string id;     // data-chart, e.g. "weekday"
  std::string title;  // accessible name
  int width = 560;
  int height = 240;
};

// Vertical bars with a y axis (weekday, demand histogram).
std::string VerticalBarChart(const std::vector<Bar>& bars, const ChartOptions& o);

// Horizontal bars with the label on the left and "value (share%)" on the
// right (languages, countries, categories). The height follows the number
// of bars; `o.height` is ignored.
std::string HorizontalBarChart(const std::vector<Bar>& bars, int64_t total, const ChartOptions& o);

// Messages per day over the whole span, missing days as zero. Spans up to
// 120 days are drawn per day with weekends highlighted (spans under two weeks
// are widened to two weeks); longer spans per ISO week, beyond two years per
// month.
std::string TimeSeriesChart(const std::map<std::string, int64_t>& per_day, const ChartOptions& o);

// A tiny per-day bar strip for the campaign table (no axes), drawn on the
// time axis first_day..last_day (the whole report's, so that the rows of the
// table read as a timeline); days outside it are left out.
std::string Sparkline(const std::map<std::string, int64_t>& per_day, const std::string& first_day,
                      const std::string& last_day, int width = 120, int height = 22);

}  // namespace extortrace::report
