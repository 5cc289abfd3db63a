// One entry point per step for any document block: how tall it is at a width, the spacing it wants
// around it when pages are flowed, and drawing it. Dispatches on the Block variant.
#pragma once

#include "render/canvas.h"
#include "render/document.h"
#include "render/page_flow.h"

namespace creditlens::render {

// The block's height at `width` plus its spacing and keep-with-next rule, ready for FlowBlocks.
FlowBlock MeasureBlock(const Canvas& canvas, const Block& block, double width);

// Draws the block with its top-left corner at (x, y).
void DrawBlock(const Canvas& canvas, const Block& block, double x, double y, double width);

}  // namespace creditlens::render
