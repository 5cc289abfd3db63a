// Tests for the pieces of a report's look set at run time: colours read from "#RRGGBB", the palette
// repeating, the page sizes by name and turned to landscape, and installed font families.
#include "render/report_theme.h"

#include <gtest/gtest.h>

#include "render/font_families.h"
#include "render/page_size.h"

namespace creditlens::render {
namespace {

TEST(ReportThemeTest, ParsesHexColoursInEitherCase) {
  const auto color = ParseHexColor("#FF8000");
  ASSERT_TRUE(color);
  EXPECT_DOUBLE_EQ(color->r, 1.0);
  EXPECT_DOUBLE_EQ(color->g, 128 / 255.0);
  EXPECT_DOUBLE_EQ(color->b, 0.0);
  const auto lower = ParseHexColor("#0072b2");
  ASSERT_TRUE(lower);
  EXPECT_DOUBLE_EQ(lower->b, 0xb2 / 255.0);
}

TEST(ReportThemeTest, RefusesWhatIsNotHashAndSixHexDigits) {
  for (const char* bad : {"", "#", "#12345", "#1234567", "123456", "#12345g", "red", " #123456"}) {
    EXPECT_FALSE(ParseHexColor(bad)) << bad;
  }
}

TEST(ReportThemeTest, PaletteRepeatsPastItsEnd) {
  ReportTheme look;
  look.series = {theme::Hex(0x111111), theme::Hex(0x222222)};
  EXPECT_DOUBLE_EQ(look.SeriesColor(2).r, theme::Hex(0x111111).r);
  EXPECT_DOUBLE_EQ(look.SeriesColor(3).r, theme::Hex(0x222222).r);
}

TEST(ReportThemeTest, DefaultsAreTheBuiltInLook) {
  const ReportTheme look;
  EXPECT_EQ(look.series.size(), theme::kSeries.size());
  EXPECT_EQ(look.font_family, theme::kFontFamily);
  EXPECT_TRUE(look.logo.empty());
}

TEST(PageSizeTest, NamedSizesInPoints) {
  const auto a4 = NamedPageSize("A4");
  ASSERT_TRUE(a4);
  EXPECT_EQ(a4->width, 595);
  EXPECT_EQ(a4->height, 842);
  const auto letter = NamedPageSize("letter");
  ASSERT_TRUE(letter);
  EXPECT_EQ(letter->width, 612);
  EXPECT_EQ(letter->height, 792);
  EXPECT_FALSE(NamedPageSize("A5"));
  EXPECT_FALSE(NamedPageSize(""));
}

TEST(PageSizeTest, LandscapeSwapsAndContentWidthFollows) {
  const PageSize landscape = Landscape(*NamedPageSize("Letter"));
  EXPECT_EQ(landscape.width, 792);
  EXPECT_EQ(landscape.height, 612);
  EXPECT_EQ(landscape.ContentWidth(), 792 - 2 * theme::kMarginX);
}

TEST(FontFamiliesTest, FindsAnInstalledFamilyWithoutRegardToCase) {
  const auto found = FindFontFamily("dejavu sans");
  ASSERT_TRUE(found) << "DejaVu Sans is installed with the renderer's dependencies";
  EXPECT_EQ(*found, "DejaVu Sans");
  EXPECT_FALSE(FindFontFamily("No Such Family 42"));
}

}  // namespace
}  // namespace creditlens::render
