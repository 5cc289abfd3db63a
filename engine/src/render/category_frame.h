// Vertical charts over category labels (bars, lines, areas) share one frame: the title, a legend for
// several series, a value axis of nice ticks with grid lines, the category labels (slanted and
// thinned when dense), the plot between them, and on top of the chart's own marks its reference
// lines and notes (chart_overlays.h). A chart with nothing to show draws the placeholder instead.
#pragma once

#include <functional>
#include <vector>

#include "render/canvas.h"
#include "render/category_plot.h"
#include "render/document.h"
#include "render/series_values.h"

namespace creditlens::render {

// Draws a chart's marks (bars, lines, areas) into the plot and returns the rectangles they cover, so
// that labels drawn over them can keep clear.
using MarkPainter = std::function<std::vector<Rect>(const SeriesValues& values, const Plot& plot)>;

// Height the chart takes at `width`, given its values as its kind prepares them (series_values.h).
double MeasureCategoryChart(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values,
                            double width);
// Draws the chart with its top-left corner at (x, y); it takes MeasureCategoryChart's height.
void DrawCategoryChart(const Canvas& canvas, const SeriesChart& chart, const SeriesValues& values, double x,
                       double y, double width, const MarkPainter& marks);

}  // namespace creditlens::render
