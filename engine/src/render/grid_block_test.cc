// Tests for grid geometry: equal-width cells, rows as tall as their tallest cell, one flow unit per
// row so a grid splits between rows.
#include "render/grid_block.h"

#include <gtest/gtest.h>

#include <string>

#include "render/block_painter.h"
#include "render/cairo_ptr.h"

namespace creditlens::render {
namespace {

class GridBlockTest : public ::testing::Test {
 protected:
  GridBlockTest()
      : surface_(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr)),
        cr_(cairo_create(surface_.get())),
        canvas_(cr_.get()) {}

  double Height(const Block& block, double width) const {
    return MeasureBlock(canvas_, block, width).flow.height;
  }

  SurfacePtr surface_;
  ContextPtr cr_;
  Canvas canvas_;
};

Paragraph Words(int count) {
  std::string text;
  for (int i = 0; i < count; ++i) text += "word ";
  return Paragraph{text};
}

TEST_F(GridBlockTest, RowsAreAsTallAsTheirTallestCell) {
  Grid grid;
  grid.columns = 2;
  grid.cells = {Words(5), Words(200), Words(3)};  // two rows, the second with one cell
  const GridGeometry geometry = MeasureGrid(canvas_, grid, 500);
  EXPECT_EQ(geometry.columns, 2u);
  EXPECT_NEAR(geometry.cell_width, (500 - 16) / 2.0, 1e-9);
  ASSERT_EQ(geometry.row_heights.size(), 2u);
  EXPECT_DOUBLE_EQ(geometry.row_heights[0], Height(Words(200), geometry.cell_width));
  EXPECT_DOUBLE_EQ(geometry.row_heights[1], Height(Words(3), geometry.cell_width));
  EXPECT_GT(geometry.row_heights[0], geometry.row_heights[1]);
}

TEST_F(GridBlockTest, SplitsBetweenRows) {
  Grid grid;
  grid.columns = 3;
  grid.cells.assign(7, Words(4));
  const GridGeometry geometry = MeasureGrid(canvas_, grid, 500);
  const FlowSplit split = GridSplit(geometry);
  ASSERT_EQ(split.units.size(), 3u);
  EXPECT_EQ(split.head, 0);
  double sum = 0;
  for (const double unit : split.units) sum += unit;
  EXPECT_DOUBLE_EQ(sum, GridHeight(geometry));
  EXPECT_DOUBLE_EQ(split.units[0] - split.units[2], 16);  // the gap below every row but the last
}

TEST_F(GridBlockTest, OddColumnCountsAndEmptyGrids) {
  Grid grid;
  grid.columns = 0;  // treated as one column
  grid.cells = {Words(2), Words(2)};
  EXPECT_EQ(MeasureGrid(canvas_, grid, 300).row_heights.size(), 2u);
  EXPECT_EQ(GridHeight(MeasureGrid(canvas_, Grid{}, 300)), 0);
}

}  // namespace
}  // namespace creditlens::render
