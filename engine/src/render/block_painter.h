// One entry point per step for any document block: how tall it is at a width, the spacing it wants
// around it and how it may split when pages are flowed, and drawing it (or one part of it). Dispatches
// on the Block variant.
#pragma once

#include <variant>

#include "render/canvas.h"
#include "render/document.h"
#include "render/grid_block.h"
#include "render/page_flow.h"
#include "render/table_block.h"

namespace creditlens::render {

// What measuring found that drawing needs again: nothing for most blocks; a table's column widths
// and row heights, so that a table split over many pages is measured once, not once per page; a
// grid's row heights.
using BlockGeometry = std::variant<std::monostate, TableGeometry, GridGeometry>;

struct MeasuredBlock {
  FlowBlock flow;  // height, spacing, keep-with-next rule and how it splits, ready for FlowBlocks
  BlockGeometry geometry;
};

MeasuredBlock MeasureBlock(const Canvas& canvas, const Block& block, double width);

// Draws the piece of the block that `placement` stands for (the whole block, or one part of a split
// table) with its top-left corner at (x, placement.y). `geometry` is what MeasureBlock returned for it.
void DrawBlock(const Canvas& canvas, const Block& block, const BlockGeometry& geometry,
               const FlowPlacement& placement, double x, double width);

}  // namespace creditlens::render
