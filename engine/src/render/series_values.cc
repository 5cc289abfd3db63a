#include "render/bar_values.h"

#include <algorithm>
#include <cmath>

namespace creditlens::render {

BarValues PrepareBarValues(const BarChart& chart) {
  BarValues values;
  values.categories = chart.labels.size();
  values.by_series.reserve(chart.series.size());
  bool any_nonzero = false;
  for (const Series& series : chart.series) {
    std::vector<double> row(values.categories, 0.0);
    for (std::size_t i = 0; i < values.categories && i < series.values.size(); ++i) {
      const double value = series.values[i];
      row[i] = std::isfinite(value) ? value : 0.0;
      any_nonzero = any_nonzero || row[i] != 0.0;
    }
    values.by_series.push_back(std::move(row));
  }
  values.empty = values.categories == 0 || values.by_series.empty() || !any_nonzero;

  for (std::size_t category = 0; category < values.categories; ++category) {
    double positive = 0;
    double negative = 0;
    for (const std::vector<double>& row : values.by_series) {
      const double value = row[category];
      if (chart.stacked) {
        (value >= 0 ? positive : negative) += value;
      } else {
        positive = std::max(positive, value);
        negative = std::min(negative, value);
      }
    }
    values.high = std::max(values.high, positive);
    values.low = std::min(values.low, negative);
  }
  if (chart.reference_value && std::isfinite(*chart.reference_value)) {
    values.high = std::max(values.high, *chart.reference_value);
    values.low = std::min(values.low, *chart.reference_value);
  }
  values.largest = std::max(values.high, -values.low);
  return values;
}

double CategoryTotal(const BarValues& values, std::size_t category) {
  double total = 0;
  for (const std::vector<double>& row : values.by_series) total += row[category];
  return total;
}

std::string TickText(double value, const AxisTicks& ticks, const std::string& unit) {
  return WithUnit(FormatNumber(value, ticks.decimals), unit, false);
}

std::string BarValueText(const BarValues& values, double value, const std::string& unit) {
  return FormatAmount(value, unit, values.largest, false);
}

std::string ReferenceText(const BarChart& chart, const BarValues& values) {
  std::string value =
      chart.reference_value ? BarValueText(values, *chart.reference_value, chart.value_unit) : "";
  if (chart.reference_label.empty()) return value;
  return chart.reference_label + ": " + value;
}

std::vector<LegendEntry> SeriesLegend(const BarChart& chart) {
  std::vector<LegendEntry> entries;
  if (chart.series.size() < 2) return entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::string& name = chart.series[i].name;
    entries.push_back({name.empty() ? "Series " + std::to_string(i + 1) : name, theme::SeriesColor(i)});
  }
  return entries;
}

void DrawOnBacking(const Canvas& canvas, const TextBox& text, double x, double y) {
  cairo_t* cr = canvas.cr();
  canvas.SetColor(theme::kWhite, 0.85);
  cairo_rectangle(cr, x - 2, y, text.width() + 4, text.height());
  cairo_fill(cr);
  text.Draw(cr, x, y);
}

}  // namespace creditlens::render
