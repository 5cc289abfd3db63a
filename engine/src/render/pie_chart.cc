#include "render/pie_chart.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>
#include <string>
#include <vector>

#include "render/axis_ticks.h"
#include "render/chart_parts.h"

namespace creditlens::render {
namespace {

constexpr double kMaxDiameter = 150;
constexpr double kLegendIndent = 24;  // between the pie and its legend
constexpr double kRowGap = 4;
constexpr double kSwatchSize = 8;
constexpr double kSwatchGap = 6;
constexpr double kColumnGap = 16;
constexpr double kDonutHole = 0.58;  // inner radius as a share of the outer one

struct Slice {
  std::string label;
  double value = 0;
  theme::Color color;
};

// Positive finite values only (a pie cannot show negatives); too many become the largest ones
// plus one "Other" slice so none is a sliver and no two share a colour of the palette.
std::vector<Slice> PrepareSlices(const PieChart& chart, const ReportTheme& look) {
  const std::size_t max_slices = std::max<std::size_t>(look.series.size(), 2);
  std::vector<Slice> slices;
  for (std::size_t i = 0; i < chart.labels.size() && i < chart.values.size(); ++i) {
    const double value = chart.values[i];
    if (std::isfinite(value) && value > 0) slices.push_back({chart.labels[i], value, {}});
  }
  const bool merge = slices.size() > max_slices;
  if (merge) {
    std::stable_sort(slices.begin(), slices.end(),
                     [](const Slice& a, const Slice& b) { return a.value > b.value; });
    const std::size_t kept = max_slices - 1;
    double rest = 0;
    for (std::size_t i = kept; i < slices.size(); ++i) rest += slices[i].value;
    const std::size_t merged = slices.size() - kept;
    slices.resize(kept);
    slices.push_back({"Other (" + std::to_string(merged) + ")", rest, {}});
  }
  for (std::size_t i = 0; i < slices.size(); ++i) {
    slices[i].color = merge && i + 1 == slices.size() ? theme::kOtherSlice : look.SeriesColor(i);
  }
  return slices;
}

double Total(const std::vector<Slice>& slices) {
  return std::accumulate(slices.begin(), slices.end(), 0.0,
                         [](double sum, const Slice& slice) { return sum + slice.value; });
}

double Largest(const std::vector<Slice>& slices) {
  double largest = 0;
  for (const Slice& slice : slices) largest = std::max(largest, slice.value);
  return largest;
}

std::string ValueText(double value, const std::string& unit, double largest) {
  return FormatAmount(value, unit, largest, true);
}

std::string PercentText(double share) { return FormatNumber(share * 100, 1) + "%"; }

TextStyle LegendTextStyle() { return {theme::kPieLegendSize, false, std::nullopt}; }
TextStyle LegendNumberStyle() { return {theme::kPieLegendSize, false, theme::kMutedText}; }

struct PieLayout {
  double title_height = 0;
  double diameter = 0;
  double row_height = 0;
  double label_column = 0;    // widest label, capped to what the legend's width allows
  double value_column = 0;    // widest value text
  double percent_column = 0;  // widest percent text
  double height = 0;
};

PieLayout PlanPie(const Canvas& canvas, const PieChart& chart, const std::vector<Slice>& slices,
                  double width) {
  PieLayout layout;
  layout.title_height = ChartTitleHeight(canvas, chart.title, width);
  layout.diameter = std::min(kMaxDiameter, width * 0.4);
  const double total = Total(slices);
  const double largest = Largest(slices);
  for (const Slice& slice : slices) {
    layout.label_column = std::max(layout.label_column, canvas.Text(slice.label, LegendTextStyle()).width());
    const TextBox value = canvas.Text(ValueText(slice.value, chart.value_unit, largest), LegendNumberStyle());
    const TextBox percent = canvas.Text(PercentText(slice.value / total), LegendNumberStyle());
    layout.value_column = std::max(layout.value_column, value.width());
    layout.percent_column = std::max(layout.percent_column, percent.width());
    layout.row_height = std::max(layout.row_height, value.height() + kRowGap);
  }
  const double legend_room = width - layout.diameter - kLegendIndent - kSwatchSize - kSwatchGap -
                             layout.value_column - layout.percent_column - 2 * kColumnGap;
  layout.label_column = std::clamp(layout.label_column, 20.0, std::max(legend_room, 20.0));
  const double legend_height = layout.row_height * static_cast<double>(slices.size());
  layout.height = layout.title_height + std::max(layout.diameter, legend_height) + 4;
  return layout;
}

void DrawSlices(const Canvas& canvas, const PieChart& chart, const std::vector<Slice>& slices, double cx,
                double cy, double radius) {
  cairo_t* cr = canvas.cr();
  const double total = Total(slices);
  double angle = -std::numbers::pi / 2;
  for (const Slice& slice : slices) {
    const double sweep = slice.value / total * 2 * std::numbers::pi;
    cairo_new_path(cr);
    if (slices.size() > 1) cairo_move_to(cr, cx, cy);
    cairo_arc(cr, cx, cy, radius, angle, angle + sweep);
    cairo_close_path(cr);
    canvas.SetColor(slice.color);
    cairo_fill_preserve(cr);
    if (slices.size() > 1) {
      canvas.SetColor(theme::kWhite);
      cairo_set_line_width(cr, 1.2);
      cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
      cairo_stroke(cr);
    }
    cairo_new_path(cr);
    angle += sweep;
  }
  if (chart.donut) {
    cairo_new_path(cr);
    cairo_arc(cr, cx, cy, radius * kDonutHole, 0, 2 * std::numbers::pi);
    canvas.SetColor(theme::kWhite);
    cairo_fill(cr);
    const double hole = 2 * radius * kDonutHole * 0.9;
    const TextBox value =
        canvas.Text(ValueText(total, IsCurrencyUnit(chart.value_unit) ? chart.value_unit : "", total),
                    {theme::kChartTitleSize, true, std::nullopt}, hole);
    const TextBox caption = canvas.Text(
        IsCurrencyUnit(chart.value_unit) || chart.value_unit.empty() ? "total" : chart.value_unit + " total",
        {theme::kAxisSize, false, theme::kMutedText}, hole);
    const double top = cy - (value.height() + caption.height()) / 2;
    value.Draw(cr, cx - value.width() / 2, top);
    caption.Draw(cr, cx - caption.width() / 2, top + value.height());
  }
}

}  // namespace

double MeasurePieChart(const Canvas& canvas, const PieChart& chart, double width) {
  const std::vector<Slice> slices = PrepareSlices(chart, canvas.theme());
  if (slices.empty()) return PlaceholderChartHeight(canvas, chart.title, width);
  return PlanPie(canvas, chart, slices, width).height;
}

void DrawPieChart(const Canvas& canvas, const PieChart& chart, double x, double y, double width) {
  const std::vector<Slice> slices = PrepareSlices(chart, canvas.theme());
  if (slices.empty()) {
    DrawPlaceholderChart(canvas, chart.title, x, y, width);
    return;
  }
  const PieLayout layout = PlanPie(canvas, chart, slices, width);
  DrawChartTitle(canvas, chart.title, x, y, width);
  const double body_top = y + layout.title_height;
  const double legend_height = layout.row_height * static_cast<double>(slices.size());
  const double body_height = std::max(layout.diameter, legend_height);
  const double radius = layout.diameter / 2;
  DrawSlices(canvas, chart, slices, x + radius, body_top + body_height / 2, radius);

  // Legend: swatch, label, value (right-aligned), percent (right-aligned), centred beside the pie.
  cairo_t* cr = canvas.cr();
  const double total = Total(slices);
  const double largest = Largest(slices);
  const double legend_left = x + layout.diameter + kLegendIndent;
  const double label_left = legend_left + kSwatchSize + kSwatchGap;
  const double value_right = label_left + layout.label_column + kColumnGap + layout.value_column;
  const double percent_right = value_right + kColumnGap + layout.percent_column;
  double row_top = body_top + (body_height - legend_height) / 2;
  for (const Slice& slice : slices) {
    const TextBox label = canvas.Text(slice.label, LegendTextStyle(), layout.label_column);
    const TextBox value = canvas.Text(ValueText(slice.value, chart.value_unit, largest), LegendNumberStyle());
    const TextBox percent = canvas.Text(PercentText(slice.value / total), LegendTextStyle());
    const double text_top = row_top + kRowGap / 2;
    canvas.FillRoundedRect(legend_left, text_top + (label.height() - kSwatchSize) / 2, kSwatchSize,
                           kSwatchSize, 1.5, slice.color);
    label.Draw(cr, label_left, text_top);
    value.Draw(cr, value_right - value.width(), text_top);
    percent.Draw(cr, percent_right - percent.width(), text_top);
    row_top += layout.row_height;
  }
}

}  // namespace creditlens::render
