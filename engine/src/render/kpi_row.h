// KPI tiles: key figures side by side (at most five per line, more wrap onto balanced lines), each a
// small label over a large value with an optional caption; long values shrink to fit their tile.
#pragma once

#include "render/canvas.h"
#include "render/document.h"

namespace creditlens::render {

double MeasureKpiRow(const Canvas& canvas, const KpiRow& row, double width);
void DrawKpiRow(const Canvas& canvas, const KpiRow& row, double x, double y, double width);

}  // namespace creditlens::render
