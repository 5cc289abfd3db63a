#include "render/series_values.h"

#include <algorithm>
#include <cmath>

namespace creditlens::render {

SeriesValues PrepareSeriesValues(const SeriesChart& chart) {
  SeriesValues values;
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

  values.from.assign(values.by_series.size(), std::vector<double>(values.categories, 0.0));
  values.to = values.from;
  for (std::size_t category = 0; category < values.categories; ++category) {
    double positive = 0;
    double negative = 0;
    for (std::size_t s = 0; s < values.by_series.size(); ++s) {
      const double value = values.by_series[s][category];
      double base = 0;
      if (chart.stacked) {
        double& stack = value >= 0 ? positive : negative;
        base = stack;
        stack += value;
      }
      values.from[s][category] = base;
      values.to[s][category] = base + value;
      values.high = std::max(values.high, values.to[s][category]);
      values.low = std::min(values.low, values.to[s][category]);
    }
  }
  for (const ReferenceLine& line : DrawnReferences(chart)) {
    values.high = std::max(values.high, line.value);
    values.low = std::min(values.low, line.value);
  }
  values.largest = std::max(values.high, -values.low);
  return values;
}

std::optional<SeriesValues> ValuesOrPlaceholder(const Canvas& canvas, const SeriesChart& chart, double x,
                                                double y, double width) {
  SeriesValues values = PrepareSeriesValues(chart);
  if (!values.empty) return values;
  DrawPlaceholderChart(canvas, chart.title, x, y, width);
  return std::nullopt;
}

ChartBox PlanChartBox(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                      double width) {
  ChartBox box;
  box.title_height = ChartTitleHeight(canvas, chart.title, width);
  box.legend_height = LegendHeight(canvas, SeriesLegend(chart, canvas.theme()), width);
  box.ticks = NiceTicks(values.low, values.high, 5);
  return box;
}

Plot PlacePlot(const ChartBox& box, double x, double y, double height) {
  Plot plot;
  plot.left = x + box.plot_left;
  plot.right = plot.left + box.plot_width;
  plot.top = y + box.plot_top;
  plot.bottom = plot.top + height;
  plot.ticks = box.ticks;
  return plot;
}

void DrawTitleAndLegend(const Canvas& canvas, const SeriesChart& chart, const ChartBox& box, double x,
                        double y, double width) {
  DrawChartTitle(canvas, chart.title, x, y, width);
  DrawLegend(canvas, SeriesLegend(chart, canvas.theme()), x, y + box.title_height, width);
}

double CategoryTotal(const SeriesValues& values, std::size_t category) {
  double total = 0;
  for (const std::vector<double>& row : values.by_series) total += row[category];
  return total;
}

std::vector<ReferenceLine> DrawnReferences(const SeriesChart& chart) {
  std::vector<ReferenceLine> lines;
  for (const ReferenceLine& line : chart.references) {
    if (std::isfinite(line.value)) lines.push_back(line);
  }
  return lines;
}

std::string TickText(double value, const AxisTicks& ticks, const std::string& unit) {
  return WithUnit(FormatNumber(value, ticks.decimals), unit, false);
}

std::string ValueText(const SeriesValues& values, double value, const std::string& unit) {
  return FormatAmount(value, unit, values.largest, false);
}

std::string ReferenceText(const ReferenceLine& line, const SeriesValues& values, const std::string& unit) {
  std::string value = ValueText(values, line.value, unit);
  if (line.label.empty()) return value;
  return line.label + ": " + value;
}

std::vector<LegendEntry> SeriesLegend(const SeriesChart& chart, const ReportTheme& look) {
  std::vector<LegendEntry> entries;
  if (chart.series.size() < 2) return entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::string& name = chart.series[i].name;
    entries.push_back({name.empty() ? "Series " + std::to_string(i + 1) : name, look.SeriesColor(i)});
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
