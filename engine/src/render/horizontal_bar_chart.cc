#include "render/horizontal_bar_chart.h"

#include <algorithm>
#include <cmath>

#include "render/axis_ticks.h"
#include "render/chart_parts.h"

namespace creditlens::render {
namespace {

constexpr double kMaxPlotHeight = 520;  // many rows get thinner, so the chart fits on a page
constexpr double kSingleRowHeight = 18;
constexpr double kGroupedBarHeight = 10;
constexpr double kLabelGap = 6;          // between a category label and the plot
constexpr double kValueGap = 3;          // between a bar's end and its value
constexpr double kMaxLabelShare = 0.32;  // of the chart width, for the category labels

// Where everything of a horizontal chart goes, relative to the chart's top-left corner.
struct HorizontalLayout {
  double title_height = 0;
  double legend_height = 0;
  double plot_top = 0;
  double plot_left = 0;
  double plot_width = 0;
  double row_height = 0;
  double label_width = 0;  // the widest category label, capped
  AxisTicks ticks;
  std::size_t label_every = 1;
  bool show_values = true;
  double height = 0;
};

bool Grouped(const BarChart& chart, const BarValues& values) {
  return !chart.stacked && values.by_series.size() > 1;
}

// The bar values drawn at bar ends: one per series and category, or one total per stacked category.
std::vector<double> EndValues(const BarChart& chart, const BarValues& values) {
  std::vector<double> ends;
  for (std::size_t category = 0; category < values.categories; ++category) {
    if (chart.stacked) {
      ends.push_back(CategoryTotal(values, category));
    } else {
      for (const std::vector<double>& row : values.by_series) ends.push_back(row[category]);
    }
  }
  return ends;
}

HorizontalLayout PlanHorizontal(const Canvas& canvas, const BarChart& chart, const BarValues& values,
                                double width) {
  HorizontalLayout layout;
  layout.title_height = ChartTitleHeight(canvas, chart.title, width);
  layout.legend_height = LegendHeight(canvas, SeriesLegend(chart), width);
  layout.ticks = NiceTicks(values.low, values.high, 5);

  const double text_height = canvas.Text("0", AxisTextStyle()).height();
  for (const std::string& label : chart.labels) {
    layout.label_width = std::max(layout.label_width, canvas.Text(label, CategoryTextStyle()).width());
  }
  layout.label_width = std::min(layout.label_width, width * kMaxLabelShare);
  double value_width = 0;
  for (const double value : EndValues(chart, values)) {
    value_width = std::max(
        value_width, canvas.Text(BarValueText(values, value, chart.value_unit), AxisTextStyle()).width());
  }
  // Half of the last tick label may stick out past the plot; keep it inside the chart.
  const double last_tick_width =
      canvas.Text(TickText(layout.ticks.max, layout.ticks, chart.value_unit), AxisTextStyle()).width();
  const double right_room = std::max(value_width + kValueGap, last_tick_width / 2) + 2;

  const std::size_t series_count = values.by_series.size();
  const double wanted_row =
      Grouped(chart, values) ? kGroupedBarHeight * static_cast<double>(series_count) + 6 : kSingleRowHeight;
  layout.row_height = std::min(wanted_row, kMaxPlotHeight / static_cast<double>(values.categories));
  layout.label_every =
      static_cast<std::size_t>(std::max(1.0, std::ceil(text_height * 1.05 / layout.row_height)));
  const double bar_height =
      layout.row_height * 0.75 / (Grouped(chart, values) ? static_cast<double>(series_count) : 1.0);
  layout.show_values = bar_height >= text_height * 0.8;

  const bool has_reference = chart.reference_value && std::isfinite(*chart.reference_value);
  layout.plot_top = layout.title_height + layout.legend_height + (has_reference ? text_height + 3 : 0);
  layout.plot_left = layout.label_width + kLabelGap;
  layout.plot_width =
      std::max(width - layout.plot_left - (layout.show_values ? right_room : last_tick_width / 2 + 2), 10.0);
  layout.height =
      layout.plot_top + layout.row_height * static_cast<double>(values.categories) + text_height + 6;
  return layout;
}

}  // namespace

double MeasureHorizontalBarChart(const Canvas& canvas, const BarChart& chart, const BarValues& values,
                                 double width) {
  return PlanHorizontal(canvas, chart, values, width).height;
}

void DrawHorizontalBarChart(const Canvas& canvas, const BarChart& chart, const BarValues& values, double x,
                            double y, double width) {
  const HorizontalLayout layout = PlanHorizontal(canvas, chart, values, width);
  cairo_t* cr = canvas.cr();
  DrawChartTitle(canvas, chart.title, x, y, width);
  DrawLegend(canvas, SeriesLegend(chart), x, y + layout.title_height, width);

  const AxisTicks& ticks = layout.ticks;
  const double plot_left = x + layout.plot_left;
  const double plot_top = y + layout.plot_top;
  const double plot_bottom = plot_top + layout.row_height * static_cast<double>(values.categories);
  const auto x_of = [&](double value) {
    return plot_left + (value - ticks.min) / (ticks.max - ticks.min) * layout.plot_width;
  };

  for (const double tick : ticks.values) {
    const double tick_x = x_of(tick);
    canvas.StrokeLine(tick_x, plot_top, tick_x, plot_bottom, 0.5, theme::kGrid);
    const TextBox label = canvas.Text(TickText(tick, ticks, chart.value_unit), AxisTextStyle());
    const double label_x = std::clamp(tick_x - label.width() / 2, x, x + width - label.width());
    label.Draw(cr, label_x, plot_bottom + 3);
  }

  // The unit sits in the empty corner below the category labels, level with the tick labels.
  if (!chart.value_unit.empty() && !IsCurrencyUnit(chart.value_unit)) {
    const TextBox first_tick = canvas.Text(TickText(ticks.min, ticks, chart.value_unit), AxisTextStyle());
    const double first_tick_left = std::max(x_of(ticks.min) - first_tick.width() / 2, x);
    const double right = std::min(plot_left - kLabelGap, first_tick_left - 6);
    const TextBox caption = canvas.Text(chart.value_unit, AxisTextStyle());
    if (caption.width() <= right - x) caption.Draw(cr, right - caption.width(), plot_bottom + 3);
  }

  const bool grouped = Grouped(chart, values);
  const std::size_t series_count = values.by_series.size();
  const double group_height = std::min(layout.row_height * 0.75, grouped ? 1e9 : 16.0);
  const double bar_height = grouped ? group_height / static_cast<double>(series_count) : group_height;
  const double inset = grouped && bar_height > 4 ? 0.4 : 0.0;
  const auto draw_value = [&](double value, double bar_end, double center) {
    if (!layout.show_values) return;
    const TextBox text = canvas.Text(BarValueText(values, value, chart.value_unit), AxisTextStyle());
    const double text_x =
        value >= 0 ? bar_end + kValueGap : std::max(bar_end - kValueGap - text.width(), plot_left);
    text.Draw(cr, text_x, center - text.height() / 2);
  };

  for (std::size_t category = 0; category < values.categories; ++category) {
    const double row_top = plot_top + layout.row_height * static_cast<double>(category);
    const double center = row_top + layout.row_height / 2;
    if (category % layout.label_every == 0) {
      const TextBox label = canvas.Text(chart.labels[category], CategoryTextStyle(), layout.label_width);
      label.Draw(cr, plot_left - kLabelGap - label.width(), center - label.height() / 2);
    }
    const double group_top = center - group_height / 2;
    double positive = 0;
    double negative = 0;
    for (std::size_t s = 0; s < series_count; ++s) {
      const double value = values.by_series[s][category];
      double from = 0;
      double to = value;
      double top = group_top;
      if (chart.stacked) {
        double& base = value >= 0 ? positive : negative;
        from = base;
        to = base + value;
        base = to;
      } else if (grouped) {
        top += bar_height * static_cast<double>(s) + inset;
      }
      const double left = std::min(x_of(from), x_of(to));
      const double length = std::abs(x_of(to) - x_of(from));
      if (value != 0) {
        canvas.FillRect(left, top, std::max(length, 0.5), bar_height - 2 * inset, theme::SeriesColor(s));
      }
      if (!chart.stacked) draw_value(value, x_of(to), top + (bar_height - 2 * inset) / 2);
    }
    if (chart.stacked) {
      const double total = CategoryTotal(values, category);
      draw_value(total, x_of(total >= 0 ? positive : negative), center);
    }
  }
  canvas.StrokeLine(x_of(0), plot_top, x_of(0), plot_bottom, 0.8, theme::kAxis);

  if (chart.reference_value && std::isfinite(*chart.reference_value)) {
    const double line_x = x_of(*chart.reference_value);
    canvas.StrokeLine(line_x, plot_top - 2, line_x, plot_bottom, 1.2, theme::kReference, true);
    const TextBox label = canvas.Text(ReferenceText(chart, values), ReferenceTextStyle(), width);
    const double label_x = std::clamp(line_x - label.width() / 2, x, x + width - label.width());
    label.Draw(cr, label_x, plot_top - label.height() - 3);
  }
}

}  // namespace creditlens::render
