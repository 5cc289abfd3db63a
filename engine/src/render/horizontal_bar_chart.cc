#include "render/horizontal_bar_chart.h"

#include <algorithm>
#include <cmath>

#include "render/axis_ticks.h"
#include "render/chart_parts.h"
#include "render/series_values.h"

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
  ChartBox box;
  double row_height = 0;
  double label_width = 0;    // the widest category label, capped
  double reference_row = 0;  // the height of one reference line label above the plot
  std::size_t label_every = 1;
  bool show_values = true;
  double height = 0;
};

bool Grouped(const BarChart& chart, const SeriesValues& values) {
  return !chart.stacked && values.by_series.size() > 1;
}

// The bar values drawn at bar ends: one per series and category, or one total per stacked category.
std::vector<double> EndValues(const BarChart& chart, const SeriesValues& values) {
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

HorizontalLayout PlanHorizontal(const Canvas& canvas, const BarChart& chart, const SeriesValues& values,
                                double width) {
  HorizontalLayout layout;
  layout.box = PlanChartBox(canvas, chart, values, width);

  const double text_height = canvas.Text("0", AxisTextStyle()).height();
  for (const std::string& label : chart.labels) {
    layout.label_width = std::max(layout.label_width, canvas.Text(label, CategoryTextStyle()).width());
  }
  layout.label_width = std::min(layout.label_width, width * kMaxLabelShare);
  double value_width = 0;
  for (const double value : EndValues(chart, values)) {
    value_width = std::max(value_width,
                           canvas.Text(ValueText(values, value, chart.value_unit), AxisTextStyle()).width());
  }
  // Half of the last tick label may stick out past the plot; keep it inside the chart.
  const double last_tick_width =
      canvas.Text(TickText(layout.box.ticks.max, layout.box.ticks, chart.value_unit), AxisTextStyle())
          .width();
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

  // One row above the plot for the label of each reference line.
  layout.reference_row = text_height + 3;
  layout.box.plot_top = layout.box.title_height + layout.box.legend_height +
                        layout.reference_row * static_cast<double>(DrawnReferences(chart).size());
  layout.box.plot_left = layout.label_width + kLabelGap;
  layout.box.plot_width = std::max(
      width - layout.box.plot_left - (layout.show_values ? right_room : last_tick_width / 2 + 2), 10.0);
  layout.height =
      layout.box.plot_top + layout.row_height * static_cast<double>(values.categories) + text_height + 6;
  return layout;
}

void DrawValueAxis(const Canvas& canvas, const BarChart& chart, const Plot& plot, double x, double width) {
  cairo_t* cr = canvas.cr();
  const AxisTicks& ticks = plot.ticks;
  for (const double tick : ticks.values) {
    const double tick_x = plot.XOf(tick);
    canvas.StrokeLine(tick_x, plot.top, tick_x, plot.bottom, 0.5, theme::kGrid);
    const TextBox label = canvas.Text(TickText(tick, ticks, chart.value_unit), AxisTextStyle());
    const double label_x = std::clamp(tick_x - label.width() / 2, x, x + width - label.width());
    label.Draw(cr, label_x, plot.bottom + 3);
  }
  // The unit sits in the empty corner below the category labels, level with the tick labels.
  if (!chart.value_unit.empty() && !IsCurrencyUnit(chart.value_unit)) {
    const TextBox first_tick = canvas.Text(TickText(ticks.min, ticks, chart.value_unit), AxisTextStyle());
    const double first_tick_left = std::max(plot.XOf(ticks.min) - first_tick.width() / 2, x);
    const double right = std::min(plot.left - kLabelGap, first_tick_left - 6);
    const TextBox caption = canvas.Text(chart.value_unit, AxisTextStyle());
    if (caption.width() <= right - x) caption.Draw(cr, right - caption.width(), plot.bottom + 3);
  }
}

// The end of a category's stack on the side its total points to.
double StackEnd(const SeriesValues& values, std::size_t category, double total) {
  double end = 0;
  for (const std::vector<double>& to : values.to) {
    end = total >= 0 ? std::max(end, to[category]) : std::min(end, to[category]);
  }
  return end;
}

void DrawRows(const Canvas& canvas, const BarChart& chart, const SeriesValues& values,
              const HorizontalLayout& layout, const Plot& plot) {
  cairo_t* cr = canvas.cr();
  const bool grouped = Grouped(chart, values);
  const std::size_t series_count = values.by_series.size();
  const double group_height = std::min(layout.row_height * 0.75, grouped ? 1e9 : 16.0);
  const double bar_height = grouped ? group_height / static_cast<double>(series_count) : group_height;
  const double inset = grouped && bar_height > 4 ? 0.4 : 0.0;
  const auto draw_value = [&](double value, double bar_end, double center) {
    if (!layout.show_values) return;
    const TextBox text = canvas.Text(ValueText(values, value, chart.value_unit), AxisTextStyle());
    const double text_x =
        value >= 0 ? bar_end + kValueGap : std::max(bar_end - kValueGap - text.width(), plot.left);
    text.Draw(cr, text_x, center - text.height() / 2);
  };

  for (std::size_t category = 0; category < values.categories; ++category) {
    const double center = plot.top + layout.row_height * (static_cast<double>(category) + 0.5);
    if (category % layout.label_every == 0) {
      const TextBox label = canvas.Text(chart.labels[category], CategoryTextStyle(), layout.label_width);
      label.Draw(cr, plot.left - kLabelGap - label.width(), center - label.height() / 2);
    }
    for (std::size_t s = 0; s < series_count; ++s) {
      const double top =
          center - group_height / 2 + (grouped ? bar_height * static_cast<double>(s) + inset : 0);
      const double from = plot.XOf(values.from[s][category]);
      const double to = plot.XOf(values.to[s][category]);
      if (values.by_series[s][category] != 0) {
        canvas.FillRect(std::min(from, to), top, std::max(std::abs(to - from), 0.5), bar_height - 2 * inset,
                        canvas.theme().SeriesColor(s));
      }
      if (!chart.stacked) draw_value(values.by_series[s][category], to, top + (bar_height - 2 * inset) / 2);
    }
    if (chart.stacked) {
      const double total = CategoryTotal(values, category);
      draw_value(total, plot.XOf(StackEnd(values, category, total)), center);
    }
  }
  canvas.StrokeLine(plot.XOf(0), plot.top, plot.XOf(0), plot.bottom, 0.8, theme::kAxis);
}

// Reference lines run down the plot, each labelled in its own row above it. A note marks the top edge
// of its row with a line across the plot in the accent colour, its text at the right end of the row
// (where bars seldom reach).
void DrawOverlays(const Canvas& canvas, const BarChart& chart, const SeriesValues& values,
                  const HorizontalLayout& layout, const Plot& plot, double x, double width) {
  const std::vector<ReferenceLine> references = DrawnReferences(chart);
  for (std::size_t i = 0; i < references.size(); ++i) {
    const double line_x = plot.XOf(references[i].value);
    const double label_top = plot.top - layout.reference_row * static_cast<double>(references.size() - i);
    canvas.StrokeLine(line_x, label_top + layout.reference_row - 2, line_x, plot.bottom, 1.2,
                      theme::kReference, true);
    const TextBox label =
        canvas.Text(ReferenceText(references[i], values, chart.value_unit), ReferenceTextStyle(), width);
    const double label_x = std::clamp(line_x - label.width() / 2, x, x + width - label.width());
    label.Draw(canvas.cr(), label_x, label_top);
  }
  const theme::Color accent = canvas.theme().accent;
  for (const ChartNote& note : chart.notes) {
    if (note.category >= values.categories) continue;
    const double row_top = plot.top + layout.row_height * static_cast<double>(note.category);
    canvas.StrokeLine(plot.left, row_top, plot.right, row_top, 1, accent, true);
    const TextBox text = canvas.Text(note.text, {theme::kAxisSize, true, accent}, plot.right - plot.left);
    DrawOnBacking(canvas, text, plot.right - text.width() - 2,
                  row_top + (layout.row_height - text.height()) / 2);
  }
}

}  // namespace

double MeasureHorizontalBarChart(const Canvas& canvas, const BarChart& chart, double width) {
  const SeriesValues values = PrepareSeriesValues(chart);
  if (values.empty) return PlaceholderChartHeight(canvas, chart.title, width);
  return PlanHorizontal(canvas, chart, values, width).height;
}

void DrawHorizontalBarChart(const Canvas& canvas, const BarChart& chart, double x, double y, double width) {
  const std::optional<SeriesValues> values = ValuesOrPlaceholder(canvas, chart, x, y, width);
  if (!values) return;
  const HorizontalLayout layout = PlanHorizontal(canvas, chart, *values, width);
  DrawTitleAndLegend(canvas, chart, layout.box, x, y, width);
  const Plot plot = PlacePlot(layout.box, x, y, layout.row_height * static_cast<double>(values->categories));
  DrawValueAxis(canvas, chart, plot, x, width);
  DrawRows(canvas, chart, *values, layout, plot);
  DrawOverlays(canvas, chart, *values, layout, plot, x, width);
}

}  // namespace creditlens::render
