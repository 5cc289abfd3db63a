// Horizontal bar charts: category labels on the left, one bar per series (or one stack) per row,
// the value written at the end of each bar, a value axis below and an optional reference line.
#pragma once

#include "render/bar_values.h"
#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

// `values` is PrepareBarValues(chart) and must not be empty.
double MeasureHorizontalBarChart(const Canvas& canvas, const BarChart& chart, const BarValues& values,
                                 double width);
void DrawHorizontalBarChart(const Canvas& canvas, const BarChart& chart, const BarValues& values, double x,
                            double y, double width);

}  // namespace creditlens::render
