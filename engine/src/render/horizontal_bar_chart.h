// Horizontal bar charts: category labels on the left, one bar per series (or one stack) per row,
// the value written at the end of each bar, a value axis below, reference lines down the plot with
// their labels above it, and notes marking a row. Empty ones draw the placeholder.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

double MeasureHorizontalBarChart(const Canvas& canvas, const BarChart& chart, double width);
void DrawHorizontalBarChart(const Canvas& canvas, const BarChart& chart, double x, double y, double width);

}  // namespace creditlens::render
