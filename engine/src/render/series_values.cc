#include "render/series_values.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace creditlens::render {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();

// Worth drawing: a finite value other than 0.
bool Shows(double value) { return std::isfinite(value) && value != 0; }

// One row per series, one value per category label: a missing or non-finite value is 0, or with
// `keep_gaps` NaN.
std::vector<std::vector<double>> CleanRows(const SeriesChart& chart, std::size_t categories, bool keep_gaps) {
  const double missing = keep_gaps ? kMissing : 0.0;
  std::vector<std::vector<double>> rows;
  rows.reserve(chart.series.size());
  for (const Series& series : chart.series) {
    std::vector<double>& row = rows.emplace_back(categories, missing);
    for (std::size_t i = 0; i < categories && i < series.values.size(); ++i) {
      if (std::isfinite(series.values[i])) row[i] = series.values[i];
    }
  }
  return rows;
}

// The band's bounds, one per category: both NaN where either is missing or not finite.
BandArea CleanBand(const BandArea& band, std::size_t categories) {
  BandArea clean{band.name, std::vector<double>(categories, kMissing),
                 std::vector<double>(categories, kMissing), band.color};
  for (std::size_t i = 0; i < categories && i < band.lower.size() && i < band.upper.size(); ++i) {
    if (std::isfinite(band.lower[i]) && std::isfinite(band.upper[i])) {
      clean.lower[i] = band.lower[i];
      clean.upper[i] = band.upper[i];
    }
  }
  return clean;
}

// Widens the value range to cover `value` when it is finite.
void Cover(SeriesValues& values, double value) {
  if (!std::isfinite(value)) return;
  values.high = std::max(values.high, value);
  values.low = std::min(values.low, value);
}

// Where each piece runs from and to; a gap stays NaN.
void PlacePieces(SeriesValues& values, bool stacked) {
  values.from.assign(values.by_series.size(), std::vector<double>(values.categories, kMissing));
  values.to = values.from;
  for (std::size_t category = 0; category < values.categories; ++category) {
    double positive = 0;
    double negative = 0;
    for (std::size_t s = 0; s < values.by_series.size(); ++s) {
      const double value = values.by_series[s][category];
      if (!std::isfinite(value)) continue;
      double base = 0;
      if (stacked) {
        double& stack = value >= 0 ? positive : negative;
        base = stack;
        stack += value;
      }
      values.from[s][category] = base;
      values.to[s][category] = base + value;
    }
  }
}

SeriesValues Prepare(const SeriesChart& chart, bool keep_gaps, const std::vector<BandArea>& bands) {
  SeriesValues values;
  values.categories = chart.labels.size();
  values.by_series = CleanRows(chart, values.categories, keep_gaps);
  PlacePieces(values, chart.stacked);
  for (const BandArea& band : bands) values.bands.push_back(CleanBand(band, values.categories));

  bool any_shown = false;
  for (std::size_t s = 0; s < values.by_series.size(); ++s) {
    for (std::size_t category = 0; category < values.categories; ++category) {
      any_shown = any_shown || Shows(values.by_series[s][category]);
      Cover(values, values.to[s][category]);
    }
  }
  for (const BandArea& band : values.bands) {
    for (std::size_t category = 0; category < values.categories; ++category) {
      any_shown = any_shown || Shows(band.lower[category]) || Shows(band.upper[category]);
      Cover(values, band.lower[category]);
      Cover(values, band.upper[category]);
    }
  }
  for (const ReferenceLine& line : DrawnReferences(chart)) Cover(values, line.value);
  values.empty = values.categories == 0 || !any_shown;
  values.largest = std::max(values.high, -values.low);
  return values;
}

}  // namespace

SeriesValues PrepareSeriesValues(const SeriesChart& chart) { return Prepare(chart, false, {}); }

SeriesValues PrepareLineValues(const LineChart& chart) {
  return Prepare(chart, !chart.area && !chart.stacked, chart.bands);
}

std::vector<CategoryRun> FiniteRuns(const std::vector<double>& values) {
  std::vector<CategoryRun> runs;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) continue;
    if (runs.empty() || runs.back().last + 1 != i) {
      runs.push_back({i, i});
    } else {
      runs.back().last = i;
    }
  }
  return runs;
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
  box.legend = SeriesLegend(chart, values, canvas.theme());
  box.legend_height = LegendHeight(canvas, box.legend, width);
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
  DrawLegend(canvas, box.legend, x, y + box.title_height, width);
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

std::vector<LegendEntry> SeriesLegend(const SeriesChart& chart, const SeriesValues& values,
                                      const ReportTheme& look) {
  std::vector<LegendEntry> entries;
  if (chart.series.size() < 2 && values.bands.empty()) return entries;
  for (std::size_t i = 0; i < chart.series.size(); ++i) {
    const std::string& name = chart.series[i].name;
    entries.push_back({name.empty() ? "Series " + std::to_string(i + 1) : name, look.SeriesColor(i)});
  }
  for (const BandArea& band : values.bands) {
    entries.push_back({band.name, look.SeriesColor(band.color), theme::kBandAlpha});
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
