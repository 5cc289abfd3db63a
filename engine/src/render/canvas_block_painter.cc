#include "render/canvas_block_painter.h"

#include <cairo.h>

#include <numbers>
#include <variant>

#include "render/cairo_ptr.h"
#include "render/chart_parts.h"

namespace creditlens::render {
namespace {

constexpr double kRadiansPerDegree = std::numbers::pi / 180;

// Scaled down to the available width, never up.
double FitScale(const CanvasBlock& block, double width) {
  return block.width > width ? width / block.width : 1.0;
}

double AlignOffset(canvas_op::Align align, const TextBox& box) {
  switch (align) {
    case canvas_op::Align::kLeft:
      break;
    case canvas_op::Align::kCenter:
      return -box.width() / 2;
    case canvas_op::Align::kRight:
      return -box.width();
  }
  return 0;
}

double VerticalOffset(canvas_op::VerticalAlign align, const TextBox& box) {
  switch (align) {
    case canvas_op::VerticalAlign::kTop:
      break;
    case canvas_op::VerticalAlign::kMiddle:
      return -box.height() / 2;
    case canvas_op::VerticalAlign::kBaseline:
      return -box.baseline();
    case canvas_op::VerticalAlign::kBottom:
      return -box.height();
  }
  return 0;
}

// Replays the operations on the canvas's cairo context, keeping count of the saves it has to undo.
class OpPainter {
 public:
  explicit OpPainter(const Canvas& canvas) : canvas_(canvas), cr_(canvas.cr()) {}

  void operator()(const canvas_op::MoveTo& op) { cairo_move_to(cr_, op.x, op.y); }
  void operator()(const canvas_op::LineTo& op) { cairo_line_to(cr_, op.x, op.y); }
  void operator()(const canvas_op::CurveTo& op) {
    cairo_curve_to(cr_, op.x1, op.y1, op.x2, op.y2, op.x3, op.y3);
  }
  void operator()(const canvas_op::Arc& op) {
    const double from = op.from * kRadiansPerDegree;
    const double to = op.to * kRadiansPerDegree;
    if (op.counter_clockwise) {
      cairo_arc_negative(cr_, op.x, op.y, op.radius, from, to);
    } else {
      cairo_arc(cr_, op.x, op.y, op.radius, from, to);
    }
  }
  void operator()(const canvas_op::Rect& op) { cairo_rectangle(cr_, op.x, op.y, op.width, op.height); }
  void operator()(const canvas_op::ClosePath&) { cairo_close_path(cr_); }
  void operator()(const canvas_op::Fill& op) {
    canvas_.SetColor(op.color.value_or(canvas_.theme().text), op.alpha);
    op.keep ? cairo_fill_preserve(cr_) : cairo_fill(cr_);
  }
  void operator()(const canvas_op::Stroke& op) {
    canvas_.SetColor(op.color.value_or(canvas_.theme().text), op.alpha);
    cairo_set_line_width(cr_, op.width);
    cairo_set_dash(cr_, op.dash.data(), static_cast<int>(op.dash.size()), 0);
    op.keep ? cairo_stroke_preserve(cr_) : cairo_stroke(cr_);
  }
  void operator()(const canvas_op::Text& op) {
    TextStyle style;
    if (op.size) style.size = *op.size;
    style.bold = op.bold;
    if (op.color) style.color = *op.color;
    const TextBox box = canvas_.Text(op.text, style);
    // Drawing text moves the current point: keep the path as it was.
    const PathPtr path(cairo_copy_path(cr_));
    cairo_save(cr_);
    cairo_translate(cr_, op.x, op.y);
    cairo_rotate(cr_, op.rotate * kRadiansPerDegree);
    box.Draw(cr_, AlignOffset(op.align, box), VerticalOffset(op.vertical_align, box));
    cairo_restore(cr_);
    cairo_new_path(cr_);
    cairo_append_path(cr_, path.get());
  }
  void operator()(const canvas_op::Save&) {
    cairo_save(cr_);
    ++depth_;
  }
  // A restore without its save would pop the block's own clip: it is ignored (the reader rejects it).
  void operator()(const canvas_op::Restore&) {
    if (depth_ == 0) return;
    cairo_restore(cr_);
    --depth_;
  }
  void operator()(const canvas_op::Clip&) { cairo_clip(cr_); }

  // Undoes the saves the operations left open.
  void RestoreAll() {
    for (; depth_ > 0; --depth_) cairo_restore(cr_);
  }

 private:
  const Canvas& canvas_;
  cairo_t* cr_;
  int depth_ = 0;
};

}  // namespace

double MeasureCanvasBlock(const Canvas& canvas, const CanvasBlock& block, double width) {
  return ChartTitleHeight(canvas, block.title, width) + block.height * FitScale(block, width);
}

void DrawCanvasBlock(const Canvas& canvas, const CanvasBlock& block, double x, double y, double width) {
  const double title_height = DrawChartTitle(canvas, block.title, x, y, width);
  const double scale = FitScale(block, width);
  cairo_t* cr = canvas.cr();
  cairo_save(cr);
  cairo_translate(cr, x, y + title_height);
  cairo_scale(cr, scale, scale);
  cairo_new_path(cr);
  cairo_rectangle(cr, 0, 0, block.width, block.height);
  cairo_clip(cr);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  OpPainter painter(canvas);
  for (const CanvasOp& op : block.ops) std::visit(painter, op);
  painter.RestoreAll();
  cairo_new_path(cr);
  cairo_restore(cr);
}

}  // namespace creditlens::render
