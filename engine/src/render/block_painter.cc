#include "render/block_painter.h"

#include <utility>
#include <variant>

#include "render/bar_chart.h"
#include "render/canvas_block_painter.h"
#include "render/kpi_row.h"
#include "render/line_chart.h"
#include "render/pie_chart.h"
#include "render/text_block.h"

namespace creditlens::render {
namespace {

constexpr double kBlockSpace = 8;  // above and below every block: 16 between two blocks
constexpr double kHeading1SpaceBefore = 14;
constexpr double kHeading2SpaceBefore = 8;
constexpr double kHeadingSpaceAfter = 0;

// One overload per block type: a new Block alternative fails to compile here until it is handled.
struct Measurer {
  const Canvas& canvas;
  double width;

  MeasuredBlock operator()(const Heading& heading) const {
    const double before = kBlockSpace + (heading.level <= 1 ? kHeading1SpaceBefore : kHeading2SpaceBefore);
    MeasuredBlock measured = Plain(MeasureHeading(canvas, heading, width));
    measured.flow.space_before = before;
    measured.flow.space_after = kHeadingSpaceAfter;
    measured.flow.keep_with_next = true;
    return measured;
  }
  MeasuredBlock operator()(const Paragraph& paragraph) const {
    return Plain(MeasureParagraph(canvas, paragraph, width));
  }
  MeasuredBlock operator()(const KpiRow& row) const { return Plain(MeasureKpiRow(canvas, row, width)); }
  MeasuredBlock operator()(const BarChart& chart) const {
    return Plain(MeasureBarChart(canvas, chart, width));
  }
  MeasuredBlock operator()(const LineChart& chart) const {
    return Plain(MeasureLineChart(canvas, chart, width));
  }
  MeasuredBlock operator()(const PieChart& chart) const {
    return Plain(MeasurePieChart(canvas, chart, width));
  }
  MeasuredBlock operator()(const Table& table) const {
    TableGeometry geometry = MeasureTable(canvas, table, width);
    return Splittable(std::move(geometry), TableHeight(geometry), TableSplit(geometry));
  }
  MeasuredBlock operator()(const CanvasBlock& block) const {
    return Plain(MeasureCanvasBlock(canvas, block, width));
  }
  MeasuredBlock operator()(const PageBreak&) const {
    MeasuredBlock measured;
    measured.flow.new_page = true;
    return measured;
  }
  MeasuredBlock operator()(const Grid& grid) const {
    GridGeometry geometry = MeasureGrid(canvas, grid, width);
    return Splittable(std::move(geometry), GridHeight(geometry), GridSplit(geometry));
  }

  // A block that may continue on the next page, keeping what measuring found for drawing it. (The
  // geometry is moved from only after the other arguments were computed from it.)
  template <class Geometry>
  static MeasuredBlock Splittable(Geometry&& geometry, double height, FlowSplit split) {
    MeasuredBlock measured = Plain(height);
    measured.flow.split = std::move(split);
    measured.geometry = std::forward<Geometry>(geometry);
    return measured;
  }
  static MeasuredBlock Plain(double height) {
    MeasuredBlock measured;
    measured.flow.height = height;
    measured.flow.space_before = kBlockSpace;
    measured.flow.space_after = kBlockSpace;
    return measured;
  }
};

struct Drawer {
  const Canvas& canvas;
  const BlockGeometry& geometry;
  const FlowPlacement& placement;
  double x;
  double width;

  void operator()(const Heading& heading) const { DrawHeading(canvas, heading, x, placement.y, width); }
  void operator()(const Paragraph& paragraph) const {
    DrawParagraph(canvas, paragraph, x, placement.y, width);
  }
  void operator()(const KpiRow& row) const { DrawKpiRow(canvas, row, x, placement.y, width); }
  void operator()(const BarChart& chart) const { DrawBarChart(canvas, chart, x, placement.y, width); }
  void operator()(const LineChart& chart) const { DrawLineChart(canvas, chart, x, placement.y, width); }
  void operator()(const PieChart& chart) const { DrawPieChart(canvas, chart, x, placement.y, width); }
  void operator()(const Table& table) const {
    const TableRows rows{placement.first_unit, placement.end_unit};
    if (const auto* measured = std::get_if<TableGeometry>(&geometry)) {
      DrawTablePart(canvas, table, *measured, rows, x, placement.y);
    } else {
      DrawTablePart(canvas, table, MeasureTable(canvas, table, width), rows, x, placement.y);
    }
  }
  void operator()(const CanvasBlock& block) const { DrawCanvasBlock(canvas, block, x, placement.y, width); }
  void operator()(const PageBreak&) const {}
  void operator()(const Grid& grid) const {
    DrawGridRows(canvas, grid, std::get<GridGeometry>(geometry), placement.first_unit, placement.end_unit, x,
                 placement.y);
  }
};

}  // namespace

MeasuredBlock MeasureBlock(const Canvas& canvas, const Block& block, double width) {
  return std::visit(Measurer{canvas, width}, block);
}

void DrawBlock(const Canvas& canvas, const Block& block, const BlockGeometry& geometry,
               const FlowPlacement& placement, double x, double width) {
  std::visit(Drawer{canvas, geometry, placement, x, width}, block);
}

}  // namespace creditlens::render
