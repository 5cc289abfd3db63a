// Draws a CanvasBlock (cl.canvas): the title like a chart's, then the recorded operations clipped to
// the drawing's rectangle, so that a drawing never reaches over other blocks or off the page; a
// drawing wider than the available width is scaled down (never up) to fit it, text included.
#pragma once

#include "render/canvas.h"
#include "render/canvas_block.h"

namespace creditlens::render {

double MeasureCanvasBlock(const Canvas& canvas, const CanvasBlock& block, double width);
void DrawCanvasBlock(const Canvas& canvas, const CanvasBlock& block, double x, double y, double width);

}  // namespace creditlens::render
