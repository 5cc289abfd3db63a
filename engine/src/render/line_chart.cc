#include "render/line_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "render/category_frame.h"

namespace creditlens::render {
namespace {

constexpr double kLineWidth = 1.8;
constexpr double kAreaEdgeWidth = 1.2;
constexpr double kStackedAreaAlpha = 0.85;
constexpr double kOverlappingAreaAlpha = 0.25;  // so areas behind stay visible
constexpr double kPointRadius = 2.2;
constexpr double kMinSlotForPoints = 9;  // thinner slots: the line alone, no dots
constexpr double kPointBox = 6;          // what a point covers for labels placed over the chart

// Adds the polyline through the tops of series `s` to the current path.
void TopPath(cairo_t* cr, const SeriesValues& values, const Plot& plot, std::size_t s) {
  for (std::size_t category = 0; category < values.categories; ++category) {
    cairo_line_to(cr, plot.CenterOf(category), plot.YOf(values.to[s][category]));
  }
}

void FillArea(const Canvas& canvas, const LineChart& chart, const SeriesValues& values, const Plot& plot,
              std::size_t s) {
  cairo_t* cr = canvas.cr();
  cairo_new_path(cr);
  TopPath(cr, values, plot, s);
  for (std::size_t category = values.categories; category-- > 0;) {
    cairo_line_to(cr, plot.CenterOf(category), plot.YOf(values.from[s][category]));
  }
  cairo_close_path(cr);
  canvas.SetColor(canvas.theme().SeriesColor(s), chart.stacked ? kStackedAreaAlpha : kOverlappingAreaAlpha);
  cairo_fill(cr);
}

void StrokeLine(const Canvas& canvas, const LineChart& chart, const SeriesValues& values, const Plot& plot,
                std::size_t s) {
  cairo_t* cr = canvas.cr();
  cairo_save(cr);
  cairo_new_path(cr);
  TopPath(cr, values, plot, s);
  canvas.SetColor(canvas.theme().SeriesColor(s));
  cairo_set_line_width(cr, chart.area ? kAreaEdgeWidth : kLineWidth);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
  cairo_stroke(cr);
  // A single bucket has no line to draw: its point is all there is, for an area too.
  const bool points = values.categories == 1 || (!chart.area && plot.slot_width >= kMinSlotForPoints);
  for (std::size_t category = 0; points && category < values.categories; ++category) {
    cairo_new_path(cr);
    cairo_arc(cr, plot.CenterOf(category), plot.YOf(values.to[s][category]), kPointRadius, 0,
              2 * std::numbers::pi);
    cairo_fill(cr);
  }
  cairo_restore(cr);
}

// What the marks cover: each area's band in each slot, or a small box around each point of a line.
std::vector<Rect> Covered(const LineChart& chart, const SeriesValues& values, const Plot& plot) {
  std::vector<Rect> covered;
  for (std::size_t s = 0; s < values.by_series.size(); ++s) {
    for (std::size_t category = 0; category < values.categories; ++category) {
      const double x = plot.CenterOf(category);
      const double top = plot.YOf(values.to[s][category]);
      if (chart.area) {
        const double bottom = plot.YOf(values.from[s][category]);
        covered.push_back(
            {x - plot.slot_width / 2, std::min(top, bottom), plot.slot_width, std::abs(top - bottom)});
      } else {
        covered.push_back({x - kPointBox / 2, top - kPointBox / 2, kPointBox, kPointBox});
      }
    }
  }
  return covered;
}

// Areas first (the later series over the earlier ones), then every line on top of all areas.
std::vector<Rect> DrawMarks(const Canvas& canvas, const LineChart& chart, const SeriesValues& values,
                            const Plot& plot) {
  const std::size_t series_count = values.by_series.size();
  for (std::size_t s = 0; chart.area && s < series_count; ++s) FillArea(canvas, chart, values, plot, s);
  for (std::size_t s = 0; s < series_count; ++s) StrokeLine(canvas, chart, values, plot, s);
  return Covered(chart, values, plot);
}

}  // namespace

double MeasureLineChart(const Canvas& canvas, const LineChart& chart, double width) {
  return MeasureCategoryChart(canvas, chart, width);
}

void DrawLineChart(const Canvas& canvas, const LineChart& chart, double x, double y, double width) {
  DrawCategoryChart(canvas, chart, x, y, width, [&](const SeriesValues& values, const Plot& plot) {
    return DrawMarks(canvas, chart, values, plot);
  });
}

}  // namespace creditlens::render
