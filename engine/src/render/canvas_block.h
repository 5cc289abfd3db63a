// A drawing a report made itself with cl.canvas: its size, its title and the drawing operations in
// the order they were recorded (paths, fills, strokes, text, save/restore, clip), already checked by
// the reader (finite coordinates, known options, every restore matching a save). Plain data: the
// painter (canvas_block_painter.h) draws it, clipped to the block and scaled down to fit the width.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "render/theme.h"

namespace creditlens::render {

// The most operations one canvas may hold.
inline constexpr std::size_t kMaxCanvasOps = 500'000;

namespace canvas_op {

// Path operations, in the canvas's own units (points before any scaling; y grows downwards).
struct MoveTo {
  double x = 0, y = 0;
};
struct LineTo {
  double x = 0, y = 0;
};
struct CurveTo {  // a cubic Bézier curve from the current point through two control points
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0, x3 = 0, y3 = 0;
};
struct Arc {  // angles in degrees, 0 at three o'clock, growing clockwise
  double x = 0, y = 0, radius = 0, from = 0, to = 0;
  bool counter_clockwise = false;
};
struct Rect {
  double x = 0, y = 0, width = 0, height = 0;
};
struct ClosePath {};

// Painting: an unset colour is the report theme's text colour. `keep` leaves the path in place for
// a following fill or stroke; otherwise painting clears it.
struct Fill {
  std::optional<theme::Color> color;
  double alpha = 1;
  bool keep = false;
};
struct Stroke {
  std::optional<theme::Color> color;
  double alpha = 1;
  double width = 1;
  std::vector<double> dash;  // on, off, on, ... lengths; empty for a solid line
  bool keep = false;
};

enum class Align { kLeft, kCenter, kRight };
enum class VerticalAlign { kTop, kMiddle, kBaseline, kBottom };

// One line of text in the report's font, placed by its anchor (x, y) and rotated about it. Leaves
// the path alone. An unset size is the body text size.
struct Text {
  double x = 0, y = 0;
  std::string text;
  std::optional<double> size;
  bool bold = false;
  std::optional<theme::Color> color;
  Align align = Align::kLeft;
  VerticalAlign vertical_align = VerticalAlign::kBaseline;
  double rotate = 0;  // degrees, clockwise
};

// The graphics state (colour, line settings, clip) is saved and restored as a stack; a clip narrows
// the drawable area to the current path (and clears the path).
struct Save {};
struct Restore {};
struct Clip {};

}  // namespace canvas_op

using CanvasOp = std::variant<canvas_op::MoveTo, canvas_op::LineTo, canvas_op::CurveTo, canvas_op::Arc,
                              canvas_op::Rect, canvas_op::ClosePath, canvas_op::Fill, canvas_op::Stroke,
                              canvas_op::Text, canvas_op::Save, canvas_op::Restore, canvas_op::Clip>;

struct CanvasBlock {
  std::string title;  // drawn above the drawing like a chart title; may be empty
  double width = 0;   // the drawing's size in its own units (> 0)
  double height = 0;
  std::vector<CanvasOp> ops;
};

}  // namespace creditlens::render
