// End-to-end tests of the presentation features through RenderDocument: line and area charts with
// reference lines and notes, the page size, the theme (palette, font, logo) and grids and page
// breaks, read back with poppler's tools and by reading the PNG's pixels with cairo.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "render/cairo_ptr.h"
#include "render/pdf_test_support.h"
#include "render/renderer.h"
#include "support/temp_dir.h"

namespace creditlens::render {
namespace {

namespace fs = std::filesystem;
using testing::CountOf;
using testing::HaveTool;
using testing::PdfPages;
using testing::PdfPageSize;
using testing::PdfText;
using testing::RunCommand;

LineChart Weekly(bool area) {
  LineChart chart;
  chart.title = area ? "Weekly area" : "Weekly lines";
  chart.area = area;
  chart.stacked = area;
  chart.value_unit = "credits";
  chart.labels = {"2026-10-05", "2026-10-12", "2026-10-19", "2026-10-26", "2026-11-02"};
  chart.series = {{"data", {40, 55, 30, 70, 65}}, {"train", {20, 10, 45, 25, 35}}};
  chart.references = {{60, "soft cap"}, {90, "hard cap"}};
  chart.notes = {{3, "price change"}};
  return chart;
}

// Every pixel of a PNG as 0xRRGGBB.
std::vector<std::uint32_t> PngPixels(const fs::path& png) {
  const SurfacePtr image(cairo_image_surface_create_from_png(png.string().c_str()));
  std::vector<std::uint32_t> pixels;
  if (cairo_surface_status(image.get()) != CAIRO_STATUS_SUCCESS) return pixels;
  const int width = cairo_image_surface_get_width(image.get());
  const int height = cairo_image_surface_get_height(image.get());
  const int stride = cairo_image_surface_get_stride(image.get());
  const unsigned char* data = cairo_image_surface_get_data(image.get());
  for (int y = 0; y < height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
    for (int x = 0; x < width; ++x) pixels.push_back(row[x] & 0xffffff);
  }
  return pixels;
}

std::size_t PixelsOf(const std::vector<std::uint32_t>& pixels, std::uint32_t rgb) {
  std::size_t count = 0;
  for (const std::uint32_t pixel : pixels) count += pixel == rgb ? 1 : 0;
  return count;
}

fs::path WriteLogo(const creditlens::testing::TempDir& dir) {
  const SurfacePtr image(cairo_image_surface_create(CAIRO_FORMAT_RGB24, 90, 30));
  const ContextPtr cr(cairo_create(image.get()));
  cairo_set_source_rgb(cr.get(), 0.2, 0.6, 0.2);
  cairo_paint(cr.get());
  const fs::path path = dir / "logo.png";
  cairo_surface_write_to_png(image.get(), path.string().c_str());
  return path;
}

class PresentationRenderTest : public ::testing::Test {
 protected:
  void SetUp() override {
    for (const char* tool : {"pdfinfo", "pdftotext", "pdffonts", "pdfimages"}) {
      if (!HaveTool(tool)) GTEST_SKIP() << tool << " (poppler-utils) is not installed";
    }
  }
  creditlens::testing::TempDir dir_;
};

TEST_F(PresentationRenderTest, LineAndAreaChartsShowTheirReferenceLinesAndNotes) {
  Document doc;
  doc.title = "Trends";
  doc.blocks = {Weekly(false), Weekly(true)};
  const fs::path pdf = dir_ / "trends.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::string text = PdfText(pdf);
  for (const char* expected : {"Weekly lines", "Weekly area", "data", "train", "2026-10-19"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << " in:\n" << text;
  }
  EXPECT_EQ(CountOf(text, "soft cap: 60"), 2u) << text;
  EXPECT_EQ(CountOf(text, "hard cap: 90"), 2u) << text;
  EXPECT_EQ(CountOf(text, "price change"), 2u) << text;
}

TEST_F(PresentationRenderTest, PageSizeIsTheDocuments) {
  Document doc;
  doc.title = "Letter";
  doc.blocks = {Weekly(false)};
  doc.page = PageSize{612, 792};
  RenderDocument(doc, (dir_ / "letter.pdf").string(), ImageFormat::kPdf);
  EXPECT_EQ(PdfPageSize(dir_ / "letter.pdf"), "612 x 792");
  doc.page = Landscape(doc.page);
  RenderDocument(doc, (dir_ / "landscape.pdf").string(), ImageFormat::kPdf);
  EXPECT_EQ(PdfPageSize(dir_ / "landscape.pdf"), "792 x 612");
  RenderDocument(doc, (dir_ / "landscape.png").string(), ImageFormat::kPng);
  const SurfacePtr png(cairo_image_surface_create_from_png((dir_ / "landscape.png").string().c_str()));
  EXPECT_EQ(cairo_image_surface_get_width(png.get()), 2 * 792);  // an image takes the page's width
}

TEST_F(PresentationRenderTest, ThemeColoursFontAndLogo) {
  Document doc;
  doc.title = "Themed";
  doc.blocks = {Weekly(true), KpiRow{{{"Used", "12", ""}}}};
  doc.theme.series = {theme::Hex(0xcc0000), theme::Hex(0x0000cc)};
  doc.theme.accent = theme::Hex(0x00aa00);
  doc.theme.font_family = "DejaVu Serif";
  doc.theme.logo = WriteLogo(dir_).string();

  const fs::path pdf = dir_ / "themed.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::string fonts = RunCommand("pdffonts '" + pdf.string() + "'").output;
  EXPECT_NE(fonts.find("DejaVuSerif"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("DejaVuSans"), std::string::npos) << fonts;
  const std::string images = RunCommand("pdfimages -list '" + pdf.string() + "'").output;
  EXPECT_NE(images.find("image      90    30"), std::string::npos) << images;

  const fs::path png = dir_ / "themed.png";
  RenderDocument(doc, png.string(), ImageFormat::kPng);
  const std::vector<std::uint32_t> pixels = PngPixels(png);
  EXPECT_GT(PixelsOf(pixels, 0xcc0000), 100u) << "the first palette colour fills the stacked area";
  EXPECT_GT(PixelsOf(pixels, 0x00aa00), 50u) << "the accent colours the KPI stripe";
  EXPECT_GT(PixelsOf(pixels, 0x339933), 1000u) << "the logo is drawn";
  EXPECT_EQ(PixelsOf(pixels, 0x0072b2), 0u) << "the default palette is gone";
}

TEST_F(PresentationRenderTest, ASingleBucketStillShowsItsPoint) {
  LineChart one;
  one.area = true;
  one.labels = {"2026-11"};
  one.series = {{"credits", {300}}};
  Document doc;
  doc.blocks = {one};
  const fs::path png = dir_ / "one.png";
  RenderDocument(doc, png.string(), ImageFormat::kPng);
  EXPECT_GT(PixelsOf(PngPixels(png), 0x0072b2), 20u) << "one series, no legend: the colour is the point's";
}

TEST_F(PresentationRenderTest, MissingOrBrokenLogoFailsNamingTheFile) {
  Document doc;
  doc.theme.logo = dir_.Write("broken.png", "\x89PNG\r\n\x1a\nnot really").string();
  const fs::path pdf = dir_ / "never.pdf";
  try {
    RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
    ADD_FAILURE() << "expected an exception";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("broken.png"), std::string::npos) << error.what();
  }
  EXPECT_FALSE(fs::exists(pdf));
}

TEST_F(PresentationRenderTest, GridCellsSitSideBySideAndSectionsBreakPages) {
  Document doc;
  doc.title = "Grid";
  Grid grid;
  grid.columns = 2;
  grid.cells = {Paragraph{"LEFTCELL"}, Paragraph{"RIGHTCELL"}, Paragraph{"NEXTROW"}};
  doc.blocks = {Paragraph{"before"}, grid, PageBreak{}, Heading{"Second section", 1}, Paragraph{"after"}};
  const fs::path pdf = dir_ / "grid.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::vector<std::string> pages = PdfPages(pdf);
  ASSERT_EQ(pages.size(), 2u);
  bool same_line = false;
  for (std::size_t at = 0, end = 0; at < pages[0].size(); at = end + 1) {
    end = pages[0].find('\n', at);
    if (end == std::string::npos) end = pages[0].size();
    const std::string line = pages[0].substr(at, end - at);
    same_line = same_line || (line.find("LEFTCELL") < line.find("RIGHTCELL") &&
                              line.find("RIGHTCELL") != std::string::npos);
  }
  EXPECT_TRUE(same_line) << pages[0];
  EXPECT_NE(pages[0].find("NEXTROW"), std::string::npos);
  EXPECT_NE(pages[1].find("Second section"), std::string::npos) << pages[1];
  EXPECT_EQ(pages[0].find("Second section"), std::string::npos);
}

}  // namespace
}  // namespace creditlens::render
