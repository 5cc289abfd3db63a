// The drawing target every block painter receives: a cairo context (PDF, PNG or SVG surface alike)
// plus one pango context that lays text out identically on all of them (no metric hinting), the
// report's theme (palette, text colour, font), and the few drawing primitives the painters share.
#pragma once

#include <cairo.h>

#include <optional>
#include <string_view>

#include "render/cairo_ptr.h"
#include "render/report_theme.h"
#include "render/theme.h"

namespace creditlens::render {

struct TextStyle {
  double size = theme::kBodySize;  // points
  bool bold = false;
  std::optional<theme::Color> color;  // unset: the report theme's text colour
  double line_spacing = 0;   // a factor of the font's height between wrapped lines; 0 = the font's own
  bool align_right = false;  // wrapped text: lines flush with the right edge of the wrapping width
};

// A laid-out piece of text, measured in user units (points).
class TextBox {
 public:
  TextBox(LayoutPtr layout, theme::Color color);

  double width() const { return width_; }
  double height() const { return height_; }
  double baseline() const { return baseline_; }  // from the top of the box

  // Draws with the top-left corner at (x, y).
  void Draw(cairo_t* cr, double x, double y) const;
  // Draws rotated by `radians` (negative = counter-clockwise) about (x, y), with the end of the text
  // at that point and the text vertically centred on it: for slanted axis labels.
  void DrawRotatedEndingAt(cairo_t* cr, double x, double y, double radians) const;

 private:
  LayoutPtr layout_;
  theme::Color color_;
  double width_ = 0;
  double height_ = 0;
  double baseline_ = 0;
};

class Canvas {
 public:
  // Does not take ownership of `cr`; the transformation in effect now is the one text is laid out for.
  explicit Canvas(cairo_t* cr, ReportTheme theme = {});

  cairo_t* cr() const { return cr_; }
  const ReportTheme& theme() const { return theme_; }

  // One line of text (newlines become spaces), cut with "…" when wider than max_width (if > 0).
  TextBox Text(std::string_view text, const TextStyle& style, double max_width = 0) const;
  // Text wrapped at word boundaries to `width`; at most `max_lines` lines (0 = no limit), the last
  // one cut with "…".
  TextBox WrappedText(std::string_view text, const TextStyle& style, double width, int max_lines = 0) const;

  void SetColor(theme::Color color, double alpha = 1.0) const;
  void FillRect(double x, double y, double width, double height, theme::Color color) const;
  // Adds a rounded rectangle to the current path (for filling or clipping).
  void RoundedRectPath(double x, double y, double width, double height, double radius) const;
  void FillRoundedRect(double x, double y, double width, double height, double radius,
                       theme::Color color) const;
  // A crisp horizontal or vertical line of `line_width`; `dashed` uses a 4-on 3-off pattern.
  void StrokeLine(double x0, double y0, double x1, double y1, double line_width, theme::Color color,
                  bool dashed = false) const;

 private:
  LayoutPtr NewLayout(std::string_view text, const TextStyle& style) const;

  cairo_t* cr_;
  ReportTheme theme_;
  PangoContextPtr pango_;
};

}  // namespace creditlens::render
