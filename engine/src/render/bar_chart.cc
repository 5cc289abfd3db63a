#include "render/bar_chart.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include "render/category_frame.h"
#include "render/horizontal_bar_chart.h"

namespace creditlens::render {
namespace {

constexpr double kMaxSingleBarWidth = 36;
constexpr double kMaxGroupedBarWidth = 22;

// Draws the bars, grouped or stacked, and returns where they went.
std::vector<Rect> DrawBars(const Canvas& canvas, const BarChart& chart, const SeriesValues& values,
                           const Plot& plot) {
  std::vector<Rect> bars;
  const double slot = plot.slot_width;
  const std::size_t series_count = values.by_series.size();
  const double group_width =
      chart.stacked || series_count == 1
          ? std::min(slot * 0.7, kMaxSingleBarWidth)
          : std::min(slot * 0.8, kMaxGroupedBarWidth * static_cast<double>(series_count));
  const double bar_width = chart.stacked ? group_width : group_width / static_cast<double>(series_count);
  const double inset = !chart.stacked && bar_width > 4 ? 0.4 : 0.0;  // a white hairline between grouped bars
  for (std::size_t category = 0; category < values.categories; ++category) {
    for (std::size_t s = 0; s < series_count; ++s) {
      if (values.by_series[s][category] == 0) continue;
      double left = plot.CenterOf(category) - group_width / 2;
      if (!chart.stacked) left += bar_width * static_cast<double>(s) + inset;
      const double from = plot.YOf(values.from[s][category]);
      const double to = plot.YOf(values.to[s][category]);
      const Rect bar{left, std::min(from, to), std::max(bar_width - 2 * inset, 0.5), std::abs(from - to)};
      canvas.FillRect(bar.x, bar.y, bar.width, bar.height, canvas.theme().SeriesColor(s));
      bars.push_back(bar);
    }
  }
  return bars;
}

}  // namespace

double MeasureBarChart(const Canvas& canvas, const BarChart& chart, double width) {
  if (chart.horizontal) return MeasureHorizontalBarChart(canvas, chart, width);
  return MeasureCategoryChart(canvas, chart, PrepareSeriesValues(chart), width);
}

void DrawBarChart(const Canvas& canvas, const BarChart& chart, double x, double y, double width) {
  if (chart.horizontal) {
    DrawHorizontalBarChart(canvas, chart, x, y, width);
    return;
  }
  DrawCategoryChart(
      canvas, chart, PrepareSeriesValues(chart), x, y, width,
      [&](const SeriesValues& values, const Plot& plot) { return DrawBars(canvas, chart, values, plot); });
}

}  // namespace creditlens::render
