// Pie and donut charts: slices clockwise from twelve o'clock beside a legend listing each slice's
// label, value and percent. More than seven slices are cut to the six largest plus "Other".
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

double MeasurePieChart(const Canvas& canvas, const PieChart& chart, double width);
void DrawPieChart(const Canvas& canvas, const PieChart& chart, double x, double y, double width);

}  // namespace creditlens::render
