#include "render/block_painter.h"

#include <variant>

#include "render/bar_chart.h"
#include "render/kpi_row.h"
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

  FlowBlock operator()(const Heading& heading) const {
    const double before = kBlockSpace + (heading.level <= 1 ? kHeading1SpaceBefore : kHeading2SpaceBefore);
    return {MeasureHeading(canvas, heading, width), before, kHeadingSpaceAfter, /*keep_with_next=*/true};
  }
  FlowBlock operator()(const Paragraph& paragraph) const {
    return Plain(MeasureParagraph(canvas, paragraph, width));
  }
  FlowBlock operator()(const KpiRow& row) const { return Plain(MeasureKpiRow(canvas, row, width)); }
  FlowBlock operator()(const BarChart& chart) const { return Plain(MeasureBarChart(canvas, chart, width)); }
  FlowBlock operator()(const PieChart& chart) const { return Plain(MeasurePieChart(canvas, chart, width)); }

  static FlowBlock Plain(double height) { return {height, kBlockSpace, kBlockSpace, false}; }
};

struct Drawer {
  const Canvas& canvas;
  double x;
  double y;
  double width;

  void operator()(const Heading& heading) const { DrawHeading(canvas, heading, x, y, width); }
  void operator()(const Paragraph& paragraph) const { DrawParagraph(canvas, paragraph, x, y, width); }
  void operator()(const KpiRow& row) const { DrawKpiRow(canvas, row, x, y, width); }
  void operator()(const BarChart& chart) const { DrawBarChart(canvas, chart, x, y, width); }
  void operator()(const PieChart& chart) const { DrawPieChart(canvas, chart, x, y, width); }
};

}  // namespace

FlowBlock MeasureBlock(const Canvas& canvas, const Block& block, double width) {
  return std::visit(Measurer{canvas, width}, block);
}

void DrawBlock(const Canvas& canvas, const Block& block, double x, double y, double width) {
  std::visit(Drawer{canvas, x, y, width}, block);
}

}  // namespace creditlens::render
