#include "render/canvas.h"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>

namespace creditlens::render {
namespace {
constexpr double kPi = std::numbers::pi;
}  // namespace

TextBox::TextBox(LayoutPtr layout, theme::Color color) : layout_(std::move(layout)), color_(color) {
  PangoRectangle logical;
  pango_layout_get_extents(layout_.get(), nullptr, &logical);
  width_ = static_cast<double>(logical.width) / PANGO_SCALE;
  height_ = static_cast<double>(logical.height) / PANGO_SCALE;
  baseline_ = static_cast<double>(pango_layout_get_baseline(layout_.get())) / PANGO_SCALE;
}

void TextBox::Draw(cairo_t* cr, double x, double y) const {
  cairo_save(cr);
  cairo_set_source_rgb(cr, color_.r, color_.g, color_.b);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout_.get());
  cairo_restore(cr);
}

void TextBox::DrawRotatedEndingAt(cairo_t* cr, double x, double y, double radians) const {
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_rotate(cr, radians);
  cairo_set_source_rgb(cr, color_.r, color_.g, color_.b);
  cairo_move_to(cr, -width_, -height_ / 2);
  pango_cairo_show_layout(cr, layout_.get());
  cairo_restore(cr);
}

Canvas::Canvas(cairo_t* cr, ReportTheme theme)
    : cr_(cr),
      theme_(std::move(theme)),
      pango_(pango_font_map_create_context(pango_cairo_font_map_get_default())) {
  // Without metric hinting, text measures the same at every scale and on every surface, so a
  // layout measured once places identically in the PDF, the 2x PNG and the SVG.
  FontOptionsPtr options(cairo_font_options_create());
  cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(pango_.get(), options.get());
  pango_cairo_update_context(cr_, pango_.get());
}

LayoutPtr Canvas::NewLayout(std::string_view text, const TextStyle& style) const {
  LayoutPtr layout(pango_layout_new(pango_.get()));
  FontDescriptionPtr font(pango_font_description_new());
  pango_font_description_set_family(font.get(), theme_.font_family.c_str());
  pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
  pango_font_description_set_weight(font.get(), style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description(layout.get(), font.get());
  if (style.line_spacing > 0)
    pango_layout_set_line_spacing(layout.get(), static_cast<float>(style.line_spacing));
  // Labels come from user data: never let invalid UTF-8 reach pango.
  GCharPtr valid(g_utf8_make_valid(text.data(), static_cast<gssize>(text.size())));
  pango_layout_set_text(layout.get(), valid.get(), -1);
  return layout;
}

TextBox Canvas::Text(std::string_view text, const TextStyle& style, double max_width) const {
  std::string one_line(text);
  for (char& c : one_line) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  LayoutPtr layout = NewLayout(one_line, style);
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  if (max_width > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(max_width * PANGO_SCALE));
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  return TextBox(std::move(layout), style.color.value_or(theme_.text));
}

TextBox Canvas::WrappedText(std::string_view text, const TextStyle& style, double width,
                            int max_lines) const {
  LayoutPtr layout = NewLayout(text, style);
  pango_layout_set_width(layout.get(), static_cast<int>(std::max(width, 1.0) * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
  if (style.align_right) pango_layout_set_alignment(layout.get(), PANGO_ALIGN_RIGHT);
  if (max_lines > 0) {
    pango_layout_set_height(layout.get(), -max_lines);
    pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  return TextBox(std::move(layout), style.color.value_or(theme_.text));
}

void Canvas::SetColor(theme::Color color, double alpha) const {
  cairo_set_source_rgba(cr_, color.r, color.g, color.b, alpha);
}

void Canvas::FillRect(double x, double y, double width, double height, theme::Color color) const {
  if (width <= 0 || height <= 0) return;
  SetColor(color);
  cairo_rectangle(cr_, x, y, width, height);
  cairo_fill(cr_);
}

void Canvas::RoundedRectPath(double x, double y, double width, double height, double radius) const {
  radius = std::min({radius, width / 2, height / 2});
  cairo_new_sub_path(cr_);
  cairo_arc(cr_, x + width - radius, y + radius, radius, -kPi / 2, 0);
  cairo_arc(cr_, x + width - radius, y + height - radius, radius, 0, kPi / 2);
  cairo_arc(cr_, x + radius, y + height - radius, radius, kPi / 2, kPi);
  cairo_arc(cr_, x + radius, y + radius, radius, kPi, 3 * kPi / 2);
  cairo_close_path(cr_);
}

void Canvas::FillRoundedRect(double x, double y, double width, double height, double radius,
                             theme::Color color) const {
  if (width <= 0 || height <= 0) return;
  RoundedRectPath(x, y, width, height, radius);
  SetColor(color);
  cairo_fill(cr_);
}

void Canvas::StrokeLine(double x0, double y0, double x1, double y1, double line_width, theme::Color color,
                        bool dashed) const {
  cairo_save(cr_);
  SetColor(color);
  cairo_set_line_width(cr_, line_width);
  cairo_set_line_cap(cr_, CAIRO_LINE_CAP_BUTT);
  if (dashed) {
    const double dashes[] = {4.0, 3.0};
    cairo_set_dash(cr_, dashes, 2, 0);
  }
  cairo_move_to(cr_, x0, y0);
  cairo_line_to(cr_, x1, y1);
  cairo_stroke(cr_);
  cairo_restore(cr_);
}

}  // namespace creditlens::render
