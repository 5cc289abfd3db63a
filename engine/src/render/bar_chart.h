// Bar charts: vertical bars over category labels, series side by side or stacked, in the frame
// vertical charts share (category_frame.h: axis, legend, reference lines, notes). Horizontal charts
// are delegated to horizontal_bar_chart.h; empty ones draw the placeholder.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

// Height the chart takes at `width`.
double MeasureBarChart(const Canvas& canvas, const BarChart& chart, double width);
// Draws the chart with its top-left corner at (x, y); it takes MeasureBarChart's height.
void DrawBarChart(const Canvas& canvas, const BarChart& chart, double x, double y, double width);

}  // namespace creditlens::render
