// Table blocks: a title, a header row on a light background, rows under thin separators (numeric
// columns right-aligned, long text cells wrapped to two lines and cut with "…") and an optional bold
// totals row under a rule; "No rows" under the header of a table without rows. A table is measured
// once into a TableGeometry; in a PDF it is drawn in parts of whole rows, one per page, each
// repeating the header row (and the title, with " (continued)").
#pragma once

#include <cstddef>
#include <vector>

#include "render/canvas.h"
#include "render/document.h"
#include "render/page_flow.h"

namespace creditlens::render {

struct TableGeometry {
  double width = 0;
  std::vector<double> column_widths;  // adding up to `width`
  double title_height = 0;            // including the gap below; 0 without a title
  double header_height = 0;
  std::vector<double> row_heights;  // one per row; none when the table has no rows or no columns
  double footer_height = 0;         // 0 without a footer
  double no_rows_height = 0;        // the "No rows" line; 0 when there are rows
};

// The rows [first, end) of a table: one part of it, or all of it.
struct TableRows {
  std::size_t first = 0;
  std::size_t end = 0;
};

TableGeometry MeasureTable(const Canvas& canvas, const Table& table, double width);

// The table's height in one piece.
double TableHeight(const TableGeometry& geometry);

// How the table splits across pages: the title and header row repeat on every page, rows are the
// units, and the totals row (or the "No rows" line) stays with the last row.
FlowSplit TableSplit(const TableGeometry& geometry);

// Draws the title (with " (continued)" when `rows` does not start at the first row), the header
// row, the rows in `rows`, and the footer when `rows` reaches the last row, with the top-left
// corner at (x, y).
void DrawTablePart(const Canvas& canvas, const Table& table, const TableGeometry& geometry, TableRows rows,
                   double x, double y);

}  // namespace creditlens::render
