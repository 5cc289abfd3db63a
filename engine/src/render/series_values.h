// The numbers behind a chart of series over category labels (bars, lines, areas), cleaned for drawing:
// one value per series and category (finite, or NaN where a line has a gap), where each piece starts
// and ends (stacked or not), a line chart's bands, the value range to show; plus the texts, styles and
// legend these charts share.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "render/axis_ticks.h"
#include "render/canvas.h"
#include "render/category_plot.h"
#include "render/chart_parts.h"
#include "render/document.h"

namespace creditlens::render {

struct SeriesValues {
  std::size_t categories = 0;
  // [series][category]; missing or non-finite values are 0, except in a plain line chart (not area, not
  // stacked), where they stay NaN: a gap in the line.
  std::vector<std::vector<double>> by_series;
  // Where each series' piece (a bar, a band of an area, a point of a line) runs from and to, per
  // category: from 0 to the value, or for a stacked chart on top of the series before it (positive
  // values stack up from 0, negative ones down from 0). Same shape as by_series, NaN at its gaps.
  std::vector<std::vector<double>> from;
  std::vector<std::vector<double>> to;
  // A line chart's bands, one bound per category; both NaN where either is missing or not finite.
  std::vector<BandArea> bands;
  double low = 0;  // the value range to show: includes 0, every piece, band and reference line
  double high = 0;
  double largest = 0;  // the largest magnitude among pieces, bands and reference lines
  bool empty = true;   // nothing to draw: no labels, or every value of every series and band 0 or missing
};

// Bars: every value counts, a missing one as 0.
SeriesValues PrepareSeriesValues(const SeriesChart& chart);
// Lines and areas: a plain line chart keeps its gaps; the bands count in the range.
SeriesValues PrepareLineValues(const LineChart& chart);

// A stretch of consecutive categories, first to last inclusive.
struct CategoryRun {
  std::size_t first = 0;
  std::size_t last = 0;
};
// The runs of finite values: the pieces a line with gaps (or a band) is drawn in.
std::vector<CategoryRun> FiniteRuns(const std::vector<double>& values);

// The chart's values when it has something to show; otherwise draws the "No usage" placeholder in
// its place at (x, y) and returns nullopt.
std::optional<SeriesValues> ValuesOrPlaceholder(const Canvas& canvas, const SeriesChart& chart, double x,
                                                double y, double width);
// Where the parts every chart of series has go, relative to the chart's top-left corner: the title,
// the legend (for several series, or bands) under it, and the plot; and the nice ticks covering the
// values.
struct ChartBox {
  double title_height = 0;
  std::vector<LegendEntry> legend;
  double legend_height = 0;
  double plot_top = 0;  // the plot's place is left to each kind of chart
  double plot_left = 0;
  double plot_width = 0;
  AxisTicks ticks;
};

// The title's height, the legend and its height, and the ticks.
ChartBox PlanChartBox(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                      double width);
// The box's plot on the page, `height` tall, for the chart with its top-left corner at (x, y).
Plot PlacePlot(const ChartBox& box, double x, double y, double height);
// Draws the title and the legend with the chart's top-left corner at (x, y).
void DrawTitleAndLegend(const Canvas& canvas, const SeriesChart& chart, const ChartBox& box, double x,
                        double y, double width);

// The sum of all series in a category: what a stacked bar shows at its end.
double CategoryTotal(const SeriesValues& values, std::size_t category);

// The reference lines with a finite value, the ones a chart draws.
std::vector<ReferenceLine> DrawnReferences(const SeriesChart& chart);

std::string TickText(double value, const AxisTicks& ticks, const std::string& unit);
// A value label (at a bar's end, on a reference line), precision matched to the chart's other values.
std::string ValueText(const SeriesValues& values, double value, const std::string& unit);
// "Monthly allowance: 1,000" (or just the value when the line has no label).
std::string ReferenceText(const ReferenceLine& line, const SeriesValues& values, const std::string& unit);

// One entry per series, in the theme's colours, when there is more than one or the chart has bands;
// then one translucent entry per band. Empty for a single series alone.
std::vector<LegendEntry> SeriesLegend(const SeriesChart& chart, const SeriesValues& values,
                                      const ReportTheme& look);

inline TextStyle AxisTextStyle() { return {theme::kAxisSize, false, theme::kMutedText}; }
inline TextStyle CategoryTextStyle() { return {theme::kAxisSize, false, std::nullopt}; }
inline TextStyle ReferenceTextStyle() { return {theme::kAxisSize, true, theme::kReference}; }

// Draws `text` at (x, y) over a translucent white patch so it stays legible across bars and grid.
void DrawOnBacking(const Canvas& canvas, const TextBox& text, double x, double y);

}  // namespace creditlens::render
