#include "render/table_block.h"

#include <algorithm>
#include <numeric>
#include <string>
#include <string_view>

#include "render/table_columns.h"
#include "render/theme.h"

namespace creditlens::render {
namespace {

constexpr double kTitleGap = 6;
constexpr double kCellPaddingX = 6;
constexpr double kCellPaddingY = 3.5;
constexpr double kHeaderPaddingY = 4.5;
constexpr double kWrapSlack = 0.5;
constexpr int kMaxCellLines = 2;                 // a longer cell is cut with "…"
constexpr double kMinTextColumnWidth = 64;       // text columns shrink to this before numeric ones do
constexpr double kRoomyNumericColumnWidth = 64;  // what a numeric column gets if there is room
constexpr std::size_t kMinRowsPerPart = 3;       // no page starts or ends a split table with fewer rows

TextStyle TitleStyle() { return {theme::kChartTitleSize, true, std::nullopt}; }
TextStyle NoRowsStyle() { return {theme::kTableSize, false, theme::kMutedText}; }

// How one kind of row looks.
struct RowStyle {
  TextStyle text;
  bool header = false;  // column titles: numeric ones may wrap like text
  double padding_y = kCellPaddingY;
};

RowStyle HeaderRow() { return {{theme::kTableSize, true, std::nullopt}, true, kHeaderPaddingY}; }
RowStyle BodyRow() { return {{theme::kTableSize, false, std::nullopt}, false, kCellPaddingY}; }
RowStyle FooterRow() { return {{theme::kTableSize, true, std::nullopt}, false, kCellPaddingY}; }

const std::string& Cell(const std::vector<std::string>& cells, std::size_t column) {
  static const std::string kEmpty;
  return column < cells.size() ? cells[column] : kEmpty;
}

std::vector<std::string> HeaderCells(const Table& table) {
  std::vector<std::string> cells;
  cells.reserve(table.columns.size());
  for (const TableColumn& column : table.columns) cells.push_back(column.title);
  return cells;
}

double InnerWidth(double column_width) { return std::max(column_width - 2 * kCellPaddingX, 1.0); }

// The narrowest width that shows `text` on two lines broken at a space (its width when it has none).
double TwoLineWidth(const Canvas& canvas, const std::string& text, const TextStyle& style) {
  double best = canvas.Text(text, style).width();
  for (std::size_t at = text.find(' '); at != std::string::npos; at = text.find(' ', at + 1)) {
    const double first = canvas.Text(std::string_view(text).substr(0, at), style).width();
    const double second = canvas.Text(std::string_view(text).substr(at + 1), style).width();
    best = std::min(best, std::max(first, second));
  }
  return best;
}

// A cell's text laid out for its column, to be drawn at the column's left edge plus padding: numbers
// flush right, and on one line in body and footer rows (cut with "…" if they must be); everything
// else wrapped to at most kMaxCellLines lines.
TextBox CellText(const Canvas& canvas, const std::string& text, const TableColumn& column,
                 const RowStyle& row, double column_width) {
  TextStyle style = row.text;
  style.align_right = column.numeric;
  const int max_lines = column.numeric && !row.header ? 1 : kMaxCellLines;
  if (text.find_first_of("\n\r\t") == std::string::npos) {
    return canvas.WrappedText(text, style, InnerWidth(column_width), max_lines);
  }
  // Line breaks in a cell are spaces, as they are where the cell is measured on one line.
  std::string one_line = text;
  std::replace_if(
      one_line.begin(), one_line.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return canvas.WrappedText(one_line, style, InnerWidth(column_width), max_lines);
}

// Appends the single-line width of every cell of a row (0 for an empty cell) to `widths`.
void MeasureCells(const Canvas& canvas, const std::vector<std::string>& cells, std::size_t columns,
                  const RowStyle& row, std::vector<double>* widths) {
  for (std::size_t c = 0; c < columns; ++c) {
    const std::string& text = Cell(cells, c);
    widths->push_back(text.empty() ? 0 : canvas.Text(text, row.text).width());
  }
}

// The height of a row of cells whose single-line widths are `widths`: a cell too wide for its column
// is laid out for it (it may wrap); every other cell takes one line.
double RowHeight(const Canvas& canvas, const Table& table, const std::vector<std::string>& cells,
                 const double* widths, const std::vector<double>& column_widths, const RowStyle& row,
                 double line_height) {
  double height = line_height;
  for (std::size_t c = 0; c < column_widths.size(); ++c) {
    if (widths[c] > InnerWidth(column_widths[c])) {
      height = std::max(height,
                        CellText(canvas, Cell(cells, c), table.columns[c], row, column_widths[c]).height());
    }
  }
  return height + 2 * row.padding_y;
}

// Draws one row of cells with its top at y.
void DrawCells(const Canvas& canvas, const Table& table, const std::vector<std::string>& cells,
               const std::vector<double>& column_widths, const RowStyle& row, double x, double y) {
  double left = x;
  for (std::size_t c = 0; c < column_widths.size(); ++c) {
    const std::string& text = Cell(cells, c);
    if (!text.empty()) {
      CellText(canvas, text, table.columns[c], row, column_widths[c])
          .Draw(canvas.cr(), left + kCellPaddingX, y + row.padding_y);
    }
    left += column_widths[c];
  }
}

// What a column needs, from the single-line widths of its title and of its widest cell.
ColumnNeed NeedOf(const Canvas& canvas, const TableColumn& column, double title_width, double content) {
  ColumnNeed need;
  need.text = !column.numeric;
  need.natural = std::max(content, title_width) + 2 * kCellPaddingX;
  need.compact = need.natural;
  if (title_width > content) {
    // The slack keeps pango's own line breaking from needing a third line.
    const double title = TwoLineWidth(canvas, column.title, HeaderRow().text) + kWrapSlack;
    need.compact = std::min(need.natural, std::max(content, title) + 2 * kCellPaddingX);
  }
  if (column.numeric) {  // short numbers get some air when there is room for it
    need.natural = std::max(need.natural, kRoomyNumericColumnWidth);
    need.compact = std::max(need.compact, kRoomyNumericColumnWidth);
  }
  need.firm = column.numeric ? content + 2 * kCellPaddingX : std::min(need.compact, kMinTextColumnWidth);
  return need;
}

}  // namespace

TableGeometry MeasureTable(const Canvas& canvas, const Table& table, double width) {
  TableGeometry geometry;
  geometry.width = width;
  const std::size_t columns = table.columns.size();
  const std::size_t rows = columns == 0 ? 0 : table.rows.size();  // no columns, nothing to show rows in
  const std::vector<std::string> header = HeaderCells(table);

  // Every cell is measured on one line once; only cells wider than their column are laid out again.
  std::vector<double> header_widths;
  std::vector<double> footer_widths;
  std::vector<double> cell_widths;  // row by row, `columns` per row
  MeasureCells(canvas, header, columns, HeaderRow(), &header_widths);
  if (!table.footer.empty()) MeasureCells(canvas, table.footer, columns, FooterRow(), &footer_widths);
  cell_widths.reserve(rows * columns);
  for (std::size_t r = 0; r < rows; ++r)
    MeasureCells(canvas, table.rows[r], columns, BodyRow(), &cell_widths);

  std::vector<ColumnNeed> needs;
  needs.reserve(columns);
  for (std::size_t c = 0; c < columns; ++c) {
    double content = footer_widths.empty() ? 0 : footer_widths[c];
    for (std::size_t r = 0; r < rows; ++r) content = std::max(content, cell_widths[r * columns + c]);
    needs.push_back(NeedOf(canvas, table.columns[c], header_widths[c], content));
  }
  geometry.column_widths = FitColumnWidths(needs, width);

  const double line_height = canvas.Text("Ag", BodyRow().text).height();
  if (!table.title.empty()) {
    geometry.title_height = canvas.Text(table.title, TitleStyle(), width).height() + kTitleGap;
  }
  geometry.header_height = RowHeight(canvas, table, header, header_widths.data(), geometry.column_widths,
                                     HeaderRow(), line_height);
  geometry.row_heights.reserve(rows);
  for (std::size_t r = 0; r < rows; ++r) {
    geometry.row_heights.push_back(RowHeight(canvas, table, table.rows[r], cell_widths.data() + r * columns,
                                             geometry.column_widths, BodyRow(), line_height));
  }
  if (!table.footer.empty()) {
    geometry.footer_height = RowHeight(canvas, table, table.footer, footer_widths.data(),
                                       geometry.column_widths, FooterRow(), line_height);
  }
  if (rows == 0) geometry.no_rows_height = line_height + 2 * kCellPaddingY;
  return geometry;
}

double TableHeight(const TableGeometry& geometry) {
  const FlowSplit split = TableSplit(geometry);
  return std::accumulate(split.units.begin(), split.units.end(), split.head + split.tail);
}

FlowSplit TableSplit(const TableGeometry& geometry) {
  return {geometry.title_height + geometry.header_height, geometry.row_heights,
          geometry.footer_height + geometry.no_rows_height, kMinRowsPerPart};
}

void DrawTablePart(const Canvas& canvas, const Table& table, const TableGeometry& geometry, TableRows rows,
                   double x, double y) {
  const std::vector<double>& widths = geometry.column_widths;
  const double width = geometry.width;
  const std::size_t row_count = geometry.row_heights.size();
  rows.end = std::min(rows.end, row_count);
  double top = y;

  if (!table.title.empty()) {
    const std::string title = rows.first > 0 ? table.title + theme::kContinuedSuffix : table.title;
    canvas.Text(title, TitleStyle(), width).Draw(canvas.cr(), x, top);
    top += geometry.title_height;
  }

  canvas.FillRect(x, top, width, geometry.header_height, theme::kTableHeaderBackground);
  DrawCells(canvas, table, HeaderCells(table), widths, HeaderRow(), x, top);
  top += geometry.header_height;
  canvas.StrokeLine(x, top, x + width, top, 0.8, theme::kRule);

  for (std::size_t r = rows.first; r < rows.end; ++r) {
    DrawCells(canvas, table, table.rows[r], widths, BodyRow(), x, top);
    top += geometry.row_heights[r];
    canvas.StrokeLine(x, top, x + width, top, 0.5, theme::kTableRowSeparator);
  }
  if (row_count == 0) {
    canvas.Text(theme::kNoRowsText, NoRowsStyle(), width - 2 * kCellPaddingX)
        .Draw(canvas.cr(), x + kCellPaddingX, top + kCellPaddingY);
    top += geometry.no_rows_height;
    canvas.StrokeLine(x, top, x + width, top, 0.5, theme::kTableRowSeparator);
  }

  if (rows.end == row_count && !table.footer.empty()) {
    DrawCells(canvas, table, table.footer, widths, FooterRow(), x, top);
    canvas.StrokeLine(x, top, x + width, top, 0.8, theme::kTableFooterRule);
  }
}

}  // namespace creditlens::render
