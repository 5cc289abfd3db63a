// The report's logo (cl.theme { logo = ... }): a PNG read once per render, drawn at the top right of
// the first page at a fixed height (narrower when it would be too wide), keeping its aspect ratio.
#pragma once

#include <cairo.h>

#include <string>

#include "render/cairo_ptr.h"

namespace creditlens::render {

class Logo {
 public:
  // Reads the PNG at `path`; an empty path is no logo. Throws std::runtime_error naming the file when
  // it cannot be read as a PNG image.
  explicit Logo(const std::string& path);

  bool empty() const { return image_ == nullptr; }
  // The size it is drawn at, in points; 0 x 0 for no logo.
  double width() const { return width_; }
  double height() const { return height_; }

  // Draws it with its top-left corner at (x, y); does nothing for no logo.
  void Draw(cairo_t* cr, double x, double y) const;

 private:
  SurfacePtr image_;
  double scale_ = 1;  // points per image pixel
  double width_ = 0;
  double height_ = 0;
};

}  // namespace creditlens::render
