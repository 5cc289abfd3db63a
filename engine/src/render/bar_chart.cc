#include "render/bar_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <vector>

#include "render/axis_ticks.h"
#include "render/bar_values.h"
#include "render/chart_parts.h"
#include "render/horizontal_bar_chart.h"

namespace creditlens::render {
namespace {

constexpr double kPlotHeight = 170;
constexpr double kTickLabelGap = 5;  // between a y tick label and the plot
constexpr double kXLabelGap = 4;     // between the plot and the category labels
constexpr double kMaxSlantedLabelWidth = 72;
constexpr double kSlant = -std::numbers::pi / 4;
constexpr double kMaxSingleBarWidth = 36;
constexpr double kMaxGroupedBarWidth = 22;

// Where everything of a vertical chart goes, relative to the chart's top-left corner.
struct VerticalLayout {
  double title_height = 0;
  double legend_height = 0;
  double plot_top = 0;
  double plot_left = 0;
  double plot_width = 0;
  double slot_width = 0;  // the width one category gets
  AxisTicks ticks;
  bool slanted_labels = false;
  std::size_t label_every = 1;  // draw every n-th category label when they are too dense
  double height = 0;
};

VerticalLayout PlanVertical(const Canvas& canvas, const BarChart& chart, const BarValues& values,
                            double width) {
  VerticalLayout layout;
  layout.title_height = ChartTitleHeight(canvas, chart.title, width);
  layout.legend_height = LegendHeight(canvas, SeriesLegend(chart), width);
  layout.ticks = NiceTicks(values.low, values.high, 5);

  double tick_label_width = 0;
  double text_height = 0;
  for (const double tick : layout.ticks.values) {
    const TextBox label = canvas.Text(TickText(tick, layout.ticks, chart.value_unit), AxisTextStyle());
    tick_label_width = std::max(tick_label_width, label.width());
    text_height = label.height();
  }
  // Room above the plot for the unit caption, or at least for half of the top tick label.
  const bool caption = !chart.value_unit.empty() && !IsCurrencyUnit(chart.value_unit);
  const double headroom = caption ? text_height * 1.5 + 5 : text_height / 2 + 1;
  layout.plot_top = layout.title_height + layout.legend_height + headroom;
  layout.plot_left = tick_label_width + kTickLabelGap;
  layout.plot_width = std::max(width - layout.plot_left - 2, 10.0);
  layout.slot_width = layout.plot_width / static_cast<double>(values.categories);

  double widest_label = 0;
  for (const std::string& label : chart.labels) {
    widest_label = std::max(widest_label, canvas.Text(label, CategoryTextStyle()).width());
  }
  double label_band = text_height + kXLabelGap + 2;
  if (widest_label + 4 > layout.slot_width) {
    // Slant the labels 45 degrees; if even slanted ones would touch, show every n-th.
    layout.slanted_labels = true;
    const double needed = text_height * 1.3;
    layout.label_every = static_cast<std::size_t>(std::max(1.0, std::ceil(needed / layout.slot_width)));
    const double slanted_width = std::min(widest_label, kMaxSlantedLabelWidth);
    label_band = kXLabelGap + (slanted_width + text_height / 2) * std::numbers::sqrt2 / 2 + 4;
  }
  layout.height = layout.plot_top + kPlotHeight + label_band;
  return layout;
}

// The plot area in page coordinates and the value-to-y mapping.
struct Plot {
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
  AxisTicks ticks;
  double YOf(double value) const {
    return bottom - (value - ticks.min) / (ticks.max - ticks.min) * (bottom - top);
  }
};

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

double OverlapArea(const Rect& a, const Rect& b) {
  const double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const double h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

void DrawValueAxis(const Canvas& canvas, const BarChart& chart, const Plot& plot, double x, double width) {
  if (!chart.value_unit.empty() && !IsCurrencyUnit(chart.value_unit)) {
    const TextBox caption = canvas.Text(chart.value_unit, AxisTextStyle(), width / 2);
    caption.Draw(canvas.cr(), x, plot.top - caption.height() * 1.5 - 4);
  }
  for (const double tick : plot.ticks.values) {
    const double tick_y = plot.YOf(tick);
    canvas.StrokeLine(plot.left, tick_y, plot.right, tick_y, 0.5, theme::kGrid);
    const TextBox label = canvas.Text(TickText(tick, plot.ticks, chart.value_unit), AxisTextStyle());
    label.Draw(canvas.cr(), plot.left - kTickLabelGap - label.width(), tick_y - label.height() / 2);
  }
}

// Draws the bars, grouped or stacked, and returns where they went.
std::vector<Rect> DrawBars(const Canvas& canvas, const BarChart& chart, const BarValues& values,
                           const Plot& plot, double slot) {
  std::vector<Rect> bars;
  const std::size_t series_count = values.by_series.size();
  const double group_width =
      chart.stacked || series_count == 1
          ? std::min(slot * 0.7, kMaxSingleBarWidth)
          : std::min(slot * 0.8, kMaxGroupedBarWidth * static_cast<double>(series_count));
  const double bar_width = chart.stacked ? group_width : group_width / static_cast<double>(series_count);
  const double inset = !chart.stacked && bar_width > 4 ? 0.4 : 0.0;  // a white hairline between grouped bars
  for (std::size_t category = 0; category < values.categories; ++category) {
    const double center = plot.left + slot * (static_cast<double>(category) + 0.5);
    double positive = 0;
    double negative = 0;
    for (std::size_t s = 0; s < series_count; ++s) {
      const double value = values.by_series[s][category];
      if (value == 0) continue;
      double from = 0;
      double to = value;
      double left = center - group_width / 2;
      if (chart.stacked) {
        double& base = value >= 0 ? positive : negative;
        from = base;
        to = base + value;
        base = to;
      } else {
        left += bar_width * static_cast<double>(s) + inset;
      }
      const Rect bar{left, std::min(plot.YOf(from), plot.YOf(to)), std::max(bar_width - 2 * inset, 0.5),
                     std::abs(plot.YOf(from) - plot.YOf(to))};
      canvas.FillRect(bar.x, bar.y, bar.width, bar.height, theme::SeriesColor(s));
      bars.push_back(bar);
    }
  }
  canvas.StrokeLine(plot.left, plot.YOf(0), plot.right, plot.YOf(0), 0.8, theme::kAxis);
  return bars;
}

void DrawCategoryLabels(const Canvas& canvas, const BarChart& chart, const VerticalLayout& layout,
                        const Plot& plot) {
  for (std::size_t category = 0; category < chart.labels.size(); category += layout.label_every) {
    const double center = plot.left + layout.slot_width * (static_cast<double>(category) + 0.5);
    if (layout.slanted_labels) {
      const TextBox label = canvas.Text(chart.labels[category], CategoryTextStyle(), kMaxSlantedLabelWidth);
      label.DrawRotatedEndingAt(canvas.cr(), center + 2, plot.bottom + kXLabelGap + label.height() * 0.35,
                                kSlant);
    } else {
      const TextBox label = canvas.Text(chart.labels[category], CategoryTextStyle(), layout.slot_width);
      label.Draw(canvas.cr(), center - label.width() / 2, plot.bottom + kXLabelGap);
    }
  }
}

// The dashed reference line across the plot, on top of the bars. Its label goes at whichever end of
// the line, above or below it, covers the least of the bars (right and above when nothing is in the way).
void DrawReferenceLine(const Canvas& canvas, const BarChart& chart, const BarValues& values, const Plot& plot,
                       const std::vector<Rect>& bars) {
  const double line_y = plot.YOf(*chart.reference_value);
  canvas.StrokeLine(plot.left, line_y, plot.right, line_y, 1.2, theme::kReference, true);
  const TextBox label =
      canvas.Text(ReferenceText(chart, values), ReferenceTextStyle(), plot.right - plot.left - 4);
  const double above = line_y - label.height() - 1.5;
  const double below = line_y + 1.5;
  const double right = plot.right - label.width() - 2;
  const double left = plot.left + 2;
  const Rect candidates[] = {{right, above, label.width(), label.height()},
                             {left, above, label.width(), label.height()},
                             {right, below, label.width(), label.height()},
                             {left, below, label.width(), label.height()}};
  const Rect* best = nullptr;
  double best_covered = 0;
  for (const Rect& candidate : candidates) {
    if (candidate.y < plot.top - 2 || candidate.y + candidate.height > plot.bottom + 2) continue;
    double covered = 0;
    for (const Rect& bar : bars) covered += OverlapArea(candidate, bar);
    if (best == nullptr || covered < best_covered - 0.5) {
      best = &candidate;
      best_covered = covered;
    }
  }
  if (best == nullptr) best = &candidates[above < plot.top - 2 ? 2 : 0];
  DrawOnBacking(canvas, label, best->x, best->y);
}

void DrawVertical(const Canvas& canvas, const BarChart& chart, const BarValues& values, double x, double y,
                  double width) {
  const VerticalLayout layout = PlanVertical(canvas, chart, values, width);
  DrawChartTitle(canvas, chart.title, x, y, width);
  DrawLegend(canvas, SeriesLegend(chart), x, y + layout.title_height, width);
  Plot plot;
  plot.left = x + layout.plot_left;
  plot.right = plot.left + layout.plot_width;
  plot.top = y + layout.plot_top;
  plot.bottom = plot.top + kPlotHeight;
  plot.ticks = layout.ticks;
  DrawValueAxis(canvas, chart, plot, x, width);
  const std::vector<Rect> bars = DrawBars(canvas, chart, values, plot, layout.slot_width);
  DrawCategoryLabels(canvas, chart, layout, plot);
  if (chart.reference_value && std::isfinite(*chart.reference_value)) {
    DrawReferenceLine(canvas, chart, values, plot, bars);
  }
}

}  // namespace

double MeasureBarChart(const Canvas& canvas, const BarChart& chart, double width) {
  const BarValues values = PrepareBarValues(chart);
  if (values.empty) return PlaceholderChartHeight(canvas, chart.title, width);
  if (chart.horizontal) return MeasureHorizontalBarChart(canvas, chart, values, width);
  return PlanVertical(canvas, chart, values, width).height;
}

void DrawBarChart(const Canvas& canvas, const BarChart& chart, double x, double y, double width) {
  const BarValues values = PrepareBarValues(chart);
  if (values.empty) {
    DrawPlaceholderChart(canvas, chart.title, x, y, width);
  } else if (chart.horizontal) {
    DrawHorizontalBarChart(canvas, chart, values, x, y, width);
  } else {
    DrawVertical(canvas, chart, values, x, y, width);
  }
}

}  // namespace creditlens::render
