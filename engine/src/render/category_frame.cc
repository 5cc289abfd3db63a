#include "render/category_frame.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>

#include "render/chart_overlays.h"
#include "render/chart_parts.h"

namespace creditlens::render {
namespace {

constexpr double kPlotHeight = 170;
constexpr double kTickLabelGap = 5;  // between a y tick label and the plot
constexpr double kXLabelGap = 4;     // between the plot and the category labels
constexpr double kMaxSlantedLabelWidth = 72;
constexpr double kSlant = -std::numbers::pi / 4;

// Where everything of a vertical chart goes, relative to the chart's top-left corner.
struct FrameLayout {
  ChartBox box;
  double slot_width = 0;
  bool slanted_labels = false;
  std::size_t label_every = 1;  // draw every n-th category label when they are too dense
  double height = 0;
};

bool HasUnitCaption(const SeriesChart& chart) {
  return !chart.value_unit.empty() && !IsCurrencyUnit(chart.value_unit);
}

FrameLayout PlanFrame(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                      double width) {
  FrameLayout layout;
  layout.box = PlanChartBox(canvas, chart, values, width);

  double tick_label_width = 0;
  double text_height = 0;
  for (const double tick : layout.box.ticks.values) {
    const TextBox label = canvas.Text(TickText(tick, layout.box.ticks, chart.value_unit), AxisTextStyle());
    tick_label_width = std::max(tick_label_width, label.width());
    text_height = label.height();
  }
  // Room above the plot for the unit caption, or at least for half of the top tick label.
  const double headroom = HasUnitCaption(chart) ? text_height * 1.5 + 5 : text_height / 2 + 1;
  layout.box.plot_top = layout.box.title_height + layout.box.legend_height + headroom;
  layout.box.plot_left = tick_label_width + kTickLabelGap;
  layout.box.plot_width = std::max(width - layout.box.plot_left - 2, 10.0);
  layout.slot_width = layout.box.plot_width / static_cast<double>(values.categories);

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
  layout.height = layout.box.plot_top + kPlotHeight + label_band;
  return layout;
}

void DrawValueAxis(const Canvas& canvas, const SeriesChart& chart, const Plot& plot, double x, double width) {
  if (HasUnitCaption(chart)) {
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

void DrawCategoryLabels(const Canvas& canvas, const SeriesChart& chart, const FrameLayout& layout,
                        const Plot& plot) {
  for (std::size_t category = 0; category < chart.labels.size(); category += layout.label_every) {
    const double center = plot.CenterOf(category);
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

}  // namespace

double MeasureCategoryChart(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                            double width) {
  if (values.empty) return PlaceholderChartHeight(canvas, chart.title, width);
  return PlanFrame(canvas, chart, values, width).height;
}

void DrawCategoryChart(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values, double x,
                       double y, double width, const MarkPainter& marks) {
  if (values.empty) {
    DrawPlaceholderChart(canvas, chart.title, x, y, width);
    return;
  }
  const FrameLayout layout = PlanFrame(canvas, chart, values, width);
  DrawTitleAndLegend(canvas, chart, layout.box, x, y, width);
  Plot plot = PlacePlot(layout.box, x, y, kPlotHeight);
  plot.slot_width = layout.slot_width;
  DrawValueAxis(canvas, chart, plot, x, width);
  std::vector<Rect> taken = marks(values, plot);
  canvas.StrokeLine(plot.left, plot.YOf(0), plot.right, plot.YOf(0), 0.8, theme::kAxis);
  DrawCategoryLabels(canvas, chart, layout, plot);
  DrawNotes(canvas, chart, plot, taken);
  DrawReferenceLines(canvas, chart, values, plot, taken);
}

}  // namespace creditlens::render
