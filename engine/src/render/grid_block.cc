#include "render/grid_block.h"

#include <algorithm>

#include "render/block_painter.h"

namespace creditlens::render {
namespace {

constexpr double kColumnGap = 16;
constexpr double kRowGap = 16;

// The height row `row` takes in the flow: the tallest cell, and the gap below unless it is the last.
double RowUnit(const GridGeometry& geometry, std::size_t row) {
  return geometry.row_heights[row] + (row + 1 < geometry.row_heights.size() ? kRowGap : 0);
}

}  // namespace

GridGeometry MeasureGrid(const Canvas& canvas, const Grid& grid, double width) {
  GridGeometry geometry;
  geometry.columns = static_cast<std::size_t>(std::max(grid.columns, 1));
  const double columns = static_cast<double>(geometry.columns);
  geometry.cell_width = std::max((width - kColumnGap * (columns - 1)) / columns, 1.0);
  for (std::size_t i = 0; i < grid.cells.size(); ++i) {
    if (i % geometry.columns == 0) geometry.row_heights.push_back(0);
    const double height = MeasureBlock(canvas, grid.cells[i], geometry.cell_width).flow.height;
    geometry.row_heights.back() = std::max(geometry.row_heights.back(), height);
  }
  return geometry;
}

double GridHeight(const GridGeometry& geometry) {
  double height = 0;
  for (std::size_t row = 0; row < geometry.row_heights.size(); ++row) height += RowUnit(geometry, row);
  return height;
}

FlowSplit GridSplit(const GridGeometry& geometry) {
  FlowSplit split;
  for (std::size_t row = 0; row < geometry.row_heights.size(); ++row)
    split.units.push_back(RowUnit(geometry, row));
  return split;
}

void DrawGridRows(const Canvas& canvas, const Grid& grid, const GridGeometry& geometry, std::size_t first_row,
                  std::size_t end_row, double x, double y) {
  double top = y;
  for (std::size_t row = first_row; row < end_row && row < geometry.row_heights.size(); ++row) {
    for (std::size_t column = 0; column < geometry.columns; ++column) {
      const std::size_t index = row * geometry.columns + column;
      if (index >= grid.cells.size()) break;
      const Block& cell = grid.cells[index];
      // A cell is drawn whole: every unit of a splittable one (a table) in one part.
      const MeasuredBlock measured = MeasureBlock(canvas, cell, geometry.cell_width);
      FlowPlacement whole;
      whole.y = top;
      whole.end_unit = measured.flow.split ? measured.flow.split->units.size() : 0;
      DrawBlock(canvas, cell, measured.geometry, whole,
                x + static_cast<double>(column) * (geometry.cell_width + kColumnGap), geometry.cell_width);
    }
    top += RowUnit(geometry, row);
  }
}

}  // namespace creditlens::render
