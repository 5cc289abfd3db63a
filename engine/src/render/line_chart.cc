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

// Adds the polyline through the tops of series `s` to the current path: one piece per run of values,
// broken where the series has none.
void TopPath(cairo_t* cr, const SeriesValues& values, const Plot& plot, std::size_t s) {
  for (const CategoryRun& run : FiniteRuns(values.to[s])) {
    cairo_move_to(cr, plot.CenterOf(run.first), plot.YOf(values.to[s][run.first]));
    for (std::size_t category = run.first + 1; category <= run.last; ++category) {
      cairo_line_to(cr, plot.CenterOf(category), plot.YOf(values.to[s][category]));
    }
  }
}

// Fills each run of categories where the band has both bounds: along the upper bound and back along
// the lower one. A run of one category shows as a bar as wide as a point.
void FillBand(const Canvas& canvas, const BandArea& band, const Plot& plot) {
  cairo_t* cr = canvas.cr();
  cairo_new_path(cr);
  for (const CategoryRun& run : FiniteRuns(band.lower)) {
    if (run.first == run.last) {
      const double top = plot.YOf(band.upper[run.first]);
      const double bottom = plot.YOf(band.lower[run.first]);
      cairo_rectangle(cr, plot.CenterOf(run.first) - kPointRadius, std::min(top, bottom), 2 * kPointRadius,
                      std::abs(top - bottom));
      continue;
    }
    cairo_move_to(cr, plot.CenterOf(run.first), plot.YOf(band.upper[run.first]));
    for (std::size_t category = run.first + 1; category <= run.last; ++category) {
      cairo_line_to(cr, plot.CenterOf(category), plot.YOf(band.upper[category]));
    }
    for (std::size_t category = run.last + 1; category-- > run.first;) {
      cairo_line_to(cr, plot.CenterOf(category), plot.YOf(band.lower[category]));
    }
    cairo_close_path(cr);
  }
  canvas.SetColor(canvas.theme().SeriesColor(band.color), theme::kBandAlpha);
  cairo_fill(cr);
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
  // A single bucket, or a value between two gaps, has no line to draw: its point is all there is.
  const bool points = values.categories == 1 || (!chart.area && plot.slot_width >= kMinSlotForPoints);
  for (const CategoryRun& run : FiniteRuns(values.to[s])) {
    if (!points && run.first != run.last) continue;
    for (std::size_t category = run.first; category <= run.last; ++category) {
      cairo_new_path(cr);
      cairo_arc(cr, plot.CenterOf(category), plot.YOf(values.to[s][category]), kPointRadius, 0,
                2 * std::numbers::pi);
      cairo_fill(cr);
    }
  }
  cairo_restore(cr);
}

// The rectangle a slot's piece covers between two values.
Rect SlotSpan(const Plot& plot, std::size_t category, double from, double to) {
  const double top = plot.YOf(to);
  const double bottom = plot.YOf(from);
  return {plot.CenterOf(category) - plot.slot_width / 2, std::min(top, bottom), plot.slot_width,
          std::abs(top - bottom)};
}

// What the marks cover: each area's and band's span in each slot, or a small box around each point of
// a line.
std::vector<Rect> Covered(const LineChart& chart, const SeriesValues& values, const Plot& plot) {
  std::vector<Rect> covered;
  for (std::size_t s = 0; s < values.by_series.size(); ++s) {
    for (std::size_t category = 0; category < values.categories; ++category) {
      const double top = values.to[s][category];
      if (!std::isfinite(top)) continue;
      if (chart.area) {
        covered.push_back(SlotSpan(plot, category, values.from[s][category], top));
      } else {
        covered.push_back(
            {plot.CenterOf(category) - kPointBox / 2, plot.YOf(top) - kPointBox / 2, kPointBox, kPointBox});
      }
    }
  }
  for (const BandArea& band : values.bands) {
    for (std::size_t category = 0; category < values.categories; ++category) {
      if (std::isfinite(band.lower[category])) {
        covered.push_back(SlotSpan(plot, category, band.lower[category], band.upper[category]));
      }
    }
  }
  return covered;
}

// Bands first, then areas (the later series over the earlier ones), then every line on top of all.
std::vector<Rect> DrawMarks(const Canvas& canvas, const LineChart& chart, const SeriesValues& values,
                            const Plot& plot) {
  const std::size_t series_count = values.by_series.size();
  for (const BandArea& band : values.bands) FillBand(canvas, band, plot);
  for (std::size_t s = 0; chart.area && s < series_count; ++s) FillArea(canvas, chart, values, plot, s);
  for (std::size_t s = 0; s < series_count; ++s) StrokeLine(canvas, chart, values, plot, s);
  return Covered(chart, values, plot);
}

}  // namespace

double MeasureLineChart(const Canvas& canvas, const LineChart& chart, double width) {
  return MeasureCategoryChart(canvas, chart, PrepareLineValues(chart), width);
}

void DrawLineChart(const Canvas& canvas, const LineChart& chart, double x, double y, double width) {
  DrawCategoryChart(
      canvas, chart, PrepareLineValues(chart), x, y, width,
      [&](const SeriesValues& values, const Plot& plot) { return DrawMarks(canvas, chart, values, plot); });
}

}  // namespace creditlens::render
