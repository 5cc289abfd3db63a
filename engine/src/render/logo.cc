#include "render/logo.h"

#include <algorithm>
#include <stdexcept>

namespace creditlens::render {
namespace {

constexpr double kHeight = 36;     // points
constexpr double kMaxWidth = 160;  // a wide logo is scaled down further to this width

}  // namespace

Logo::Logo(const std::string& path) {
  if (path.empty()) return;
  SurfacePtr image(cairo_image_surface_create_from_png(path.c_str()));
  const cairo_status_t status = cairo_surface_status(image.get());
  const int pixels_wide = status == CAIRO_STATUS_SUCCESS ? cairo_image_surface_get_width(image.get()) : 0;
  const int pixels_high = status == CAIRO_STATUS_SUCCESS ? cairo_image_surface_get_height(image.get()) : 0;
  if (pixels_wide <= 0 || pixels_high <= 0) {
    throw std::runtime_error("cannot read the logo " + path +
                             " as a PNG image (cairo: " + cairo_status_to_string(status) + ")");
  }
  scale_ = std::min(kHeight / pixels_high, kMaxWidth / pixels_wide);
  width_ = pixels_wide * scale_;
  height_ = pixels_high * scale_;
  image_ = std::move(image);
}

void Logo::Draw(cairo_t* cr, double x, double y) const {
  if (empty()) return;
  cairo_save(cr);
  cairo_translate(cr, x, y);
  cairo_scale(cr, scale_, scale_);
  cairo_set_source_surface(cr, image_.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
}

}  // namespace creditlens::render
