// Grids (cl.grid): blocks side by side in equal-width cells, `columns` to a row, each row as tall as
// its tallest cell, cells top-aligned. Each cell is measured and drawn by block_painter.h at the
// cell's width. When pages are flowed a grid splits between rows, never inside one.
#pragma once

#include <cstddef>
#include <vector>

#include "render/canvas.h"
#include "render/document.h"
#include "render/page_flow.h"

namespace creditlens::render {

struct GridGeometry {
  std::size_t columns = 1;
  double cell_width = 0;
  std::vector<double> row_heights;  // one per row of cells
};

GridGeometry MeasureGrid(const Canvas& canvas, const Grid& grid, double width);

// The grid's height in one piece.
double GridHeight(const GridGeometry& geometry);

// How the grid splits across pages: its rows are the units; nothing repeats.
FlowSplit GridSplit(const GridGeometry& geometry);

// Draws the rows [first_row, end_row) with the top-left corner of the first at (x, y).
void DrawGridRows(const Canvas& canvas, const Grid& grid, const GridGeometry& geometry, std::size_t first_row,
                  std::size_t end_row, double x, double y);

}  // namespace creditlens::render
