// Tests of drawing a CanvasBlock: rendered into an image in memory, one pixel per point, and read back
// pixel by pixel (colours, clipping to the block, scaling down, the path kept across text).
#include "render/canvas_block_painter.h"

#include <cairo.h>
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <ostream>
#include <string>
#include <utility>
#include <vector>

#include "render/cairo_ptr.h"

namespace creditlens::render {
namespace {

namespace op = canvas_op;

constexpr int kImageWidth = 200;
constexpr int kImageHeight = 120;

struct Rgb {
  int r = 0, g = 0, b = 0;
  bool operator==(const Rgb&) const = default;
};

constexpr Rgb kWhite{255, 255, 255};
constexpr Rgb kRed{255, 0, 0};
constexpr Rgb kBlue{0, 0, 255};

theme::Color ColorOf(Rgb rgb) { return {rgb.r / 255.0, rgb.g / 255.0, rgb.b / 255.0}; }

std::ostream& operator<<(std::ostream& out, const Rgb& rgb) {
  return out << "rgb(" << rgb.r << ", " << rgb.g << ", " << rgb.b << ")";
}

// A white image with the block drawn at (x, y), `width` wide.
class Drawn {
 public:
  Drawn(const CanvasBlock& block, double x, double y, double width)
      : surface_(cairo_image_surface_create(CAIRO_FORMAT_RGB24, kImageWidth, kImageHeight)) {
    const ContextPtr cr(cairo_create(surface_.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    const Canvas canvas(cr.get());
    DrawCanvasBlock(canvas, block, x, y, width);
    EXPECT_EQ(cairo_status(cr.get()), CAIRO_STATUS_SUCCESS);
    cairo_surface_flush(surface_.get());
  }

  Rgb At(int x, int y) const {
    const unsigned char* row =
        cairo_image_surface_get_data(surface_.get()) +
        static_cast<std::ptrdiff_t>(y) * cairo_image_surface_get_stride(surface_.get());
    std::uint32_t pixel = 0;
    std::memcpy(&pixel, row + 4 * x, sizeof pixel);  // native-endian 0x00RRGGBB
    return {static_cast<int>(pixel >> 16 & 0xff), static_cast<int>(pixel >> 8 & 0xff),
            static_cast<int>(pixel & 0xff)};
  }

  // Whether any pixel inside (or outside) [x0, x1) x [y0, y1) is not white.
  bool PaintedInside(int x0, int y0, int x1, int y1) const { return Painted(x0, y0, x1, y1, true); }
  bool PaintedOutside(int x0, int y0, int x1, int y1) const { return Painted(x0, y0, x1, y1, false); }

 private:
  bool Painted(int x0, int y0, int x1, int y1, bool inside) const {
    for (int y = 0; y < kImageHeight; ++y) {
      for (int x = 0; x < kImageWidth; ++x) {
        const bool in = x >= x0 && x < x1 && y >= y0 && y < y1;
        if (in == inside && !(At(x, y) == kWhite)) return true;
      }
    }
    return false;
  }

  SurfacePtr surface_;
};

// Measures as the renderer does: on a recording surface.
double Measure(const CanvasBlock& block, double width) {
  const SurfacePtr scratch(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
  const ContextPtr cr(cairo_create(scratch.get()));
  return MeasureCanvasBlock(Canvas(cr.get()), block, width);
}

CanvasBlock Block(double width, double height, std::vector<CanvasOp> ops) {
  return CanvasBlock{"", width, height, std::move(ops)};
}

op::Fill FillWith(Rgb rgb) { return op::Fill{ColorOf(rgb)}; }

op::Text TextAt(double x, double y, std::string text, double size = 10) {
  op::Text op;
  op.x = x;
  op.y = y;
  op.text = std::move(text);
  op.size = size;
  return op;
}

TEST(CanvasBlockPainterTest, AFilledRectHasItsColourWhereItIsDrawn) {
  const Drawn image(Block(100, 50, {op::Rect{10, 10, 30, 20}, FillWith(kRed)}), 20, 30, 150);
  EXPECT_EQ(image.At(20 + 25, 30 + 20), kRed);  // the middle of the rect, offset by the block's place
  EXPECT_EQ(image.At(20 + 5, 30 + 5), kWhite);  // in the block, outside the rect
  EXPECT_FALSE(image.PaintedOutside(20 + 10, 30 + 10, 20 + 40, 30 + 30));
}

TEST(CanvasBlockPainterTest, DrawingIsClippedToTheBlock) {
  const std::vector<CanvasOp> ops = {op::Rect{-500, -500, 2000, 2000}, FillWith(kBlue),
                                     TextAt(-50, 40, "far outside and overlong text", 40)};
  const Drawn image(Block(100, 50, ops), 20, 30, 150);
  EXPECT_EQ(image.At(20, 30), kBlue);
  EXPECT_EQ(image.At(20 + 99, 30 + 49), kBlue);
  EXPECT_FALSE(image.PaintedOutside(20, 30, 20 + 100, 30 + 50));
}

TEST(CanvasBlockPainterTest, ARestoreWithoutItsSaveDoesNotLiftTheClip) {
  const Drawn image(
      Block(100, 50, {op::Restore{}, op::Restore{}, op::Rect{-10, -10, 300, 300}, FillWith(kRed)}), 20, 30,
      150);
  EXPECT_EQ(image.At(60, 50), kRed);
  EXPECT_FALSE(image.PaintedOutside(20, 30, 20 + 100, 30 + 50));
}

TEST(CanvasBlockPainterTest, ClipNarrowsUntilRestore) {
  const Drawn image(Block(100, 50,
                          {op::Save{}, op::Rect{0, 0, 10, 10}, op::Clip{}, op::Rect{0, 0, 100, 50},
                           FillWith(kRed), op::Restore{}, op::Rect{50, 0, 50, 50}, FillWith(kBlue)}),
                    0, 0, 150);
  EXPECT_EQ(image.At(5, 5), kRed);
  EXPECT_EQ(image.At(30, 30), kWhite) << "the red fill was clipped to the small square";
  EXPECT_EQ(image.At(75, 25), kBlue) << "after restore the whole block is drawable again";
}

TEST(CanvasBlockPainterTest, AWideCanvasIsScaledDownToTheWidth) {
  const CanvasBlock block = Block(400, 100, {op::Rect{200, 0, 200, 100}, FillWith(kRed)});
  EXPECT_EQ(Measure(block, 200), 50);  // half as wide, so half as tall
  EXPECT_EQ(Measure(block, 500), 100) << "never scaled up";
  const Drawn image(block, 0, 0, 200);
  EXPECT_EQ(image.At(150, 25), kRed);
  EXPECT_EQ(image.At(50, 25), kWhite);
  EXPECT_FALSE(image.PaintedOutside(100, 0, 200, 50));
}

TEST(CanvasBlockPainterTest, TheTitleSitsAboveTheDrawing) {
  CanvasBlock block = Block(100, 40, {op::Rect{0, 0, 100, 40}, FillWith(kRed)});
  EXPECT_EQ(Measure(block, 150), 40);
  block.title = "A title";
  const double with_title = Measure(block, 150);
  EXPECT_GT(with_title, 40);
  const Drawn image(block, 0, 0, 150);
  const int drawing_top = static_cast<int>(with_title - 40);
  EXPECT_TRUE(image.PaintedInside(0, 0, 150, drawing_top - 2)) << "the title";
  EXPECT_EQ(image.At(50, drawing_top + 20), kRed);
  EXPECT_EQ(image.At(99, drawing_top - 2), kWhite) << "the drawing starts below the title";
}

TEST(CanvasBlockPainterTest, FillAndStrokeColoursAlphaAndDashes) {
  const Drawn image(Block(100, 50,
                          {op::Rect{0, 0, 40, 40}, op::Fill{ColorOf({0, 0, 0}), 0.5}, op::MoveTo{50, 20},
                           op::LineTo{100, 20}, op::Stroke{ColorOf(kBlue), 1, 6, {10, 10}}}),
                    0, 0, 150);
  const Rgb half = image.At(20, 20);
  EXPECT_NEAR(half.r, 128, 1);
  EXPECT_EQ(half.r, half.g);
  EXPECT_EQ(image.At(55, 20), kBlue);   // in the first dash
  EXPECT_EQ(image.At(65, 20), kWhite);  // in the first gap
  EXPECT_EQ(image.At(75, 20), kBlue);
}

TEST(CanvasBlockPainterTest, TextLeavesThePathAsItWas) {
  // Text between the line_to ops must not start a new subpath: the fill covers the whole rectangle.
  const Drawn image(Block(100, 50,
                          {op::MoveTo{0, 0}, op::LineTo{100, 0}, op::LineTo{100, 50}, TextAt(30, 30, ""),
                           op::LineTo{0, 50}, op::ClosePath{}, FillWith(kRed)}),
                    0, 0, 150);
  EXPECT_EQ(image.At(90, 10), kRed);
  EXPECT_EQ(image.At(10, 40), kRed) << "the corner below the diagonal is filled too";
}

TEST(CanvasBlockPainterTest, TextIsAnchoredByItsAlignment) {
  // The same word right-aligned at x = 100 ends there and is drawn to its left.
  op::Text word = TextAt(100, 25, "Wednesday", 12);
  word.align = op::Align::kRight;
  word.vertical_align = op::VerticalAlign::kMiddle;
  word.color = ColorOf(kRed);
  const Drawn image(Block(200, 50, {word}), 0, 0, 200);
  EXPECT_TRUE(image.PaintedInside(0, 0, 100, 50)) << "the word, left of the anchor";
  EXPECT_FALSE(image.PaintedInside(101, 0, 200, 50)) << "nothing right of the anchor";
  EXPECT_FALSE(image.PaintedInside(0, 0, 200, 12)) << "vertically centred on y = 25: clear of the top";
  EXPECT_FALSE(image.PaintedInside(0, 38, 200, 50)) << "and of the bottom";
}

}  // namespace
}  // namespace creditlens::render
