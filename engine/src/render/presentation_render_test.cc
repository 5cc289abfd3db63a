// End-to-end tests of the presentation features through RenderDocument: line and area charts with
// reference lines and notes, gaps and bands, the page size, the theme (palette, font, logo) and grids and
// page breaks, read back with poppler's tools and by reading the PNG's pixels with cairo.
#include <cairo.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <string>
#include <utility>
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

// A PNG's pixels, row by row, each as 0xRRGGBB.
struct Image {
  int width = 0;
  int height = 0;
  std::vector<std::uint32_t> pixels;
  std::uint32_t At(int x, int y) const { return pixels[static_cast<std::size_t>(y * width + x)]; }
};

Image PngPixels(const fs::path& png) {
  const SurfacePtr surface(cairo_image_surface_create_from_png(png.string().c_str()));
  Image image;
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return image;
  image.width = cairo_image_surface_get_width(surface.get());
  image.height = cairo_image_surface_get_height(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
    for (int x = 0; x < image.width; ++x) image.pixels.push_back(row[x] & 0xffffff);
  }
  return image;
}

std::size_t PixelsOf(const Image& image, std::uint32_t rgb) {
  std::size_t count = 0;
  for (const std::uint32_t pixel : image.pixels) count += pixel == rgb ? 1 : 0;
  return count;
}

// Which rows hold a pixel of `rgb`.
std::vector<bool> RowsWith(const Image& image, std::uint32_t rgb) {
  std::vector<bool> rows(static_cast<std::size_t>(image.height), false);
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width && !rows[y]; ++x) rows[y] = image.At(x, y) == rgb;
  }
  return rows;
}

// Which columns hold a pixel of `rgb` in rows first_row..last_row.
std::vector<bool> ColumnsWith(const Image& image, std::uint32_t rgb, int first_row, int last_row) {
  std::vector<bool> columns(static_cast<std::size_t>(image.width), false);
  for (int y = first_row; y <= last_row; ++y) {
    for (int x = 0; x < image.width; ++x) columns[x] = columns[x] || image.At(x, y) == rgb;
  }
  return columns;
}

// The longest run of set entries, first and last index; {0, -1} when none is set.
std::pair<int, int> LongestRun(const std::vector<bool>& set) {
  std::pair<int, int> best{0, -1};
  for (int i = 0, start = 0; i < static_cast<int>(set.size()); ++i) {
    if (!set[i]) {
      start = i + 1;
    } else if (i - start > best.second - best.first) {
      best = {start, i};
    }
  }
  return best;
}

// The longest run of unset entries between the first and the last set one.
int WidestGap(const std::vector<bool>& set) {
  const auto first = std::find(set.begin(), set.end(), true);
  const auto last = std::find(set.rbegin(), set.rend(), true).base();
  if (first >= last) return 0;
  std::vector<bool> unset(first, last);
  unset.flip();
  const auto [from, to] = LongestRun(unset);
  return to - from + 1;
}

// A line chart over six days in the first palette colour, with `values` as its one series.
Document OneLine(std::vector<double> values) {
  LineChart chart;
  for (std::size_t day = 0; day < values.size(); ++day) chart.labels.push_back("day " + std::to_string(day));
  chart.series = {{"credits", std::move(values)}};
  Document doc;
  doc.blocks = {chart};
  doc.theme.series = {theme::Hex(0xcc0000)};
  return doc;
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
  const Image pixels = PngPixels(png);
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

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

TEST_F(PresentationRenderTest, ALineBreaksWhereItsSeriesHasNoValue) {
  const fs::path png = dir_ / "gap.png";
  RenderDocument(OneLine({10, 10, kNaN, kNaN, 10, 10}), png.string(), ImageFormat::kPng);
  const Image image = PngPixels(png);
  const std::vector<bool> rows = RowsWith(image, 0xcc0000);
  EXPECT_LT(std::count(rows.begin(), rows.end(), true), 16) << "the line stays level: no dip to 0";
  // Six slots of about 80 points at 2 pixels a point: the gap spans two of them, less the dots.
  EXPECT_GT(WidestGap(ColumnsWith(image, 0xcc0000, 0, image.height - 1)), 250);

  RenderDocument(OneLine({10, 10, 10, 10, 10, 10}), png.string(), ImageFormat::kPng);
  EXPECT_EQ(WidestGap(ColumnsWith(PngPixels(png), 0xcc0000, 0, image.height - 1)), 0) << "no gap, no hole";
}

TEST_F(PresentationRenderTest, ALoneValueBetweenGapsShowsItsPoint) {
  std::vector<double> values(120, kNaN);  // slots too thin for points on a connected line
  values[60] = 25;
  const fs::path png = dir_ / "lone.png";
  RenderDocument(OneLine(values), png.string(), ImageFormat::kPng);
  EXPECT_GT(PixelsOf(PngPixels(png), 0xcc0000), 20u);
}

TEST_F(PresentationRenderTest, BandsFillBetweenTheirBoundsWithGapsAndJoinTheLegend) {
  Document doc = OneLine({});
  auto& chart = std::get<LineChart>(doc.blocks[0]);
  chart.labels = {"a", "b", "c", "d", "e"};
  chart.bands = {{"P10 - P90", {10, 10, kNaN, 10, 10}, {20, 20, 20, 20, 20}, 0}};
  doc.theme.series = {theme::Hex(0x0000ff)};
  constexpr std::uint32_t kBand = 0xccccff;  // the palette's blue at 20% over white

  const fs::path png = dir_ / "band.png";
  RenderDocument(doc, png.string(), ImageFormat::kPng);
  const Image image = PngPixels(png);
  const std::vector<bool> rows = RowsWith(image, kBand);
  const auto [top, bottom] = LongestRun(rows);  // the band's rows; the legend swatch is above them
  EXPECT_GT(bottom - top, 60) << "10 credits of a 0-20 axis on a plot 340 pixels tall";
  EXPECT_GT(std::count(rows.begin(), rows.begin() + top, true), 4) << "a translucent legend swatch";
  // Five slots of about 100 points: from the middle of b to the middle of d, nothing.
  EXPECT_GT(WidestGap(ColumnsWith(image, kBand, top, bottom)), 300);

  chart.bands[0].lower[2] = 10;
  RenderDocument(doc, png.string(), ImageFormat::kPng);
  const Image whole = PngPixels(png);
  const auto [whole_top, whole_bottom] = LongestRun(RowsWith(whole, kBand));
  EXPECT_EQ(WidestGap(ColumnsWith(whole, kBand, whole_top, whole_bottom)), 0);

  const fs::path pdf = dir_ / "band.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::string text = PdfText(pdf);
  EXPECT_NE(text.find("P10 - P90"), std::string::npos) << text;
  EXPECT_EQ(text.find(theme::kNoUsageText), std::string::npos) << "bands alone are something to show";
}

TEST_F(PresentationRenderTest, OnlyALineChartWithNothingAtAllShowsThePlaceholder) {
  LineChart missing_and_present;
  missing_and_present.title = "Actual and projected";
  missing_and_present.labels = {"a", "b", "c"};
  missing_and_present.series = {{"actual", {kNaN, kNaN, kNaN}}, {"projected", {kNaN, 5, 6}}};
  LineChart all_missing = missing_and_present;
  all_missing.title = "Nothing yet";
  all_missing.series[1].values = {kNaN, kNaN, kNaN};
  Document doc;
  doc.blocks = {missing_and_present, all_missing};
  const fs::path pdf = dir_ / "empty_lines.pdf";
  RenderDocument(doc, pdf.string(), ImageFormat::kPdf);
  const std::string text = PdfText(pdf);
  EXPECT_EQ(CountOf(text, theme::kNoUsageText), 1u) << text;
  EXPECT_LT(text.find("Actual and projected"), text.find("projected", text.find("Actual and projected") + 10))
      << "the first chart draws its legend:\n"
      << text;
  EXPECT_GT(text.find(theme::kNoUsageText), text.find("Nothing yet")) << text;
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
