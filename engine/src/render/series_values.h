// The numbers behind a bar chart, cleaned for drawing (one finite value per series and category),
// plus the labels both bar orientations share: tick and value texts, the legend, the reference line.
#pragma once

#include <string>
#include <vector>

#include "render/axis_ticks.h"
#include "render/canvas.h"
#include "render/chart_parts.h"
#include "render/document.h"

namespace creditlens::render {

struct BarValues {
  std::size_t categories = 0;
  std::vector<std::vector<double>> by_series;  // [series][category]; missing or non-finite values are 0
  double low = 0;  // the value range to show: includes 0, every bar (or stack) and the reference
  double high = 0;
  double largest = 0;  // the largest magnitude among bars, stacks and the reference
  bool empty = true;   // nothing to draw: no labels, no series, or every value 0
};

BarValues PrepareBarValues(const BarChart& chart);

// The value one bar shows at its end: the series value, or for a stacked chart the category total.
double CategoryTotal(const BarValues& values, std::size_t category);

std::string TickText(double value, const AxisTicks& ticks, const std::string& unit);
// The label at a bar's end, precision matched to the chart's other values.
std::string BarValueText(const BarValues& values, double value, const std::string& unit);
// "Monthly allowance: 1,000" (or just the value when the chart gives no label).
std::string ReferenceText(const BarChart& chart, const BarValues& values);

// One entry per series when there is more than one; empty otherwise.
std::vector<LegendEntry> SeriesLegend(const BarChart& chart);

inline TextStyle AxisTextStyle() { return {theme::kAxisSize, false, theme::kMutedText}; }
inline TextStyle CategoryTextStyle() { return {theme::kAxisSize, false, theme::kText}; }
inline TextStyle ReferenceTextStyle() { return {theme::kAxisSize, true, theme::kReference}; }

// Draws `text` at (x, y) over a translucent white patch so it stays legible across bars and grid.
void DrawOnBacking(const Canvas& canvas, const TextBox& text, double x, double y);

}  // namespace creditlens::render
