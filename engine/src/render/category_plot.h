// The plot area of a chart over category labels, as its painters see it: where it is on the page, how
// a value maps to y (vertical charts) or x (horizontal ones), where each category's slot is; and the
// rectangles marks cover.
#pragma once

#include <algorithm>
#include <cstddef>

#include "render/axis_ticks.h"

namespace creditlens::render {

struct Rect {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

// The area two rectangles share; 0 when they do not overlap.
inline double OverlapArea(const Rect& a, const Rect& b) {
  const double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const double h = std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

struct Plot {
  double left = 0;
  double right = 0;
  double top = 0;
  double bottom = 0;
  double slot_width = 0;  // the width one category gets, in a vertical chart
  AxisTicks ticks;

  double XOf(double value) const {
    return left + (value - ticks.min) / (ticks.max - ticks.min) * (right - left);
  }
  double YOf(double value) const {
    return bottom - (value - ticks.min) / (ticks.max - ticks.min) * (bottom - top);
  }
  // The middle of a category's slot: where its bar group is centred and its line point sits.
  double CenterOf(std::size_t category) const {
    return left + slot_width * (static_cast<double>(category) + 0.5);
  }
};

}  // namespace creditlens::render
