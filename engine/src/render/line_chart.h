// Line and area charts: one line per series through its values at the middle of each time bucket,
// or the area under it, overlapping (translucent) or stacked, in the frame vertical charts share
// (category_frame.h: axis, legend, reference lines, notes). A line breaks where its series has no value;
// translucent bands (a forecast's range) lie under the lines. Empty ones draw the placeholder.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

// Height the chart takes at `width`.
double MeasureLineChart(const Canvas& canvas, const LineChart& chart, double width);
// Draws the chart with its top-left corner at (x, y); it takes MeasureLineChart's height.
void DrawLineChart(const Canvas& canvas, const LineChart& chart, double x, double y, double width);

}  // namespace creditlens::render
