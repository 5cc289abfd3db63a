// Table column widths: shares a table's width among its columns from what their content needs.
// Pure arithmetic on measured widths, so it is testable without cairo.
#pragma once

#include <vector>

namespace creditlens::render {

struct ColumnNeed {
  double natural = 0;  // the width that shows every cell and the title on one line, padding included
  double compact = 0;  // the width that shows every cell on one line with the title wrapped onto two
  // The width below which the column should not shrink while others still can: a numeric column's
  // widest value, a text column's cap (its long cells wrap or are cut).
  double firm = 0;
  bool text = true;  // a text column takes the room left over when the table is wider than its content
};

// Widths for `columns` adding up to `width`. When everything fits, the spare room goes to the text
// columns (to all columns if there are none), in proportion to their natural widths. Otherwise the
// columns shrink in stages, each only when the one before is not enough: from natural to compact
// widths (titles wrap), then to firm widths (cells wrap or are cut), then below those. Within a stage
// the widest columns give way first, down to a common cap.
std::vector<double> FitColumnWidths(const std::vector<ColumnNeed>& columns, double width);

}  // namespace creditlens::render
