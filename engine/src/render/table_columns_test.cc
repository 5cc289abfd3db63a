// Tests for table column widths: spare room goes to text columns, the widest text column shrinks
// first, numeric columns keep their values whole for as long as anything else can give.
#include "render/table_columns.h"

#include <gtest/gtest.h>

#include <numeric>
#include <vector>

namespace creditlens::render {
namespace {

double Sum(const std::vector<double>& widths) { return std::accumulate(widths.begin(), widths.end(), 0.0); }

TEST(TableColumnsTest, SpareRoomGoesToTextColumns) {
  const std::vector<double> widths = FitColumnWidths(
      {{100, 100, 64, true}, {60, 60, 60, false}, {50, 50, 64, true}, {40, 40, 40, false}}, 500);
  ASSERT_EQ(widths.size(), 4u);
  EXPECT_DOUBLE_EQ(Sum(widths), 500);
  EXPECT_DOUBLE_EQ(widths[1], 60);
  EXPECT_DOUBLE_EQ(widths[3], 40);
  EXPECT_DOUBLE_EQ(widths[0], 100 + 250 * 100.0 / 150);
  EXPECT_DOUBLE_EQ(widths[2], 50 + 250 * 50.0 / 150);
}

TEST(TableColumnsTest, AllNumericColumnsGrowTogether) {
  const std::vector<double> widths = FitColumnWidths({{50, 50, 50, false}, {150, 150, 150, false}}, 400);
  EXPECT_DOUBLE_EQ(widths[0], 100);
  EXPECT_DOUBLE_EQ(widths[1], 300);
}

TEST(TableColumnsTest, WidestTextColumnShrinksFirst) {
  // Natural total 700 in 500: the 400-wide text column gives up 200; the others are untouched.
  const std::vector<double> widths = FitColumnWidths(
      {{400, 400, 64, true}, {120, 120, 64, true}, {100, 100, 100, false}, {80, 80, 80, false}}, 500);
  EXPECT_NEAR(Sum(widths), 500, 1e-9);
  EXPECT_NEAR(widths[0], 200, 1e-6);
  EXPECT_DOUBLE_EQ(widths[1], 120);
  EXPECT_DOUBLE_EQ(widths[2], 100);
  EXPECT_DOUBLE_EQ(widths[3], 80);
}

TEST(TableColumnsTest, TextColumnsShareACommonCap) {
  const std::vector<double> widths =
      FitColumnWidths({{400, 400, 64, true}, {300, 300, 64, true}, {100, 100, 100, false}}, 400);
  EXPECT_NEAR(widths[0], 150, 1e-6);
  EXPECT_NEAR(widths[1], 150, 1e-6);
  EXPECT_DOUBLE_EQ(widths[2], 100);
}

TEST(TableColumnsTest, NumericColumnsShrinkToTheirValuesBeforeTextGoesBelowItsFloor) {
  // A numeric column whose header is wider than its values gives that room up.
  const std::vector<double> widths = FitColumnWidths({{300, 300, 64, true}, {150, 150, 50, false}}, 200);
  EXPECT_NEAR(Sum(widths), 200, 1e-9);
  EXPECT_NEAR(widths[0], 100, 1e-6);
  EXPECT_NEAR(widths[1], 100, 1e-6);
}

TEST(TableColumnsTest, WidestFirmWidthGivesWayWhenFirmWidthsDoNotFit) {
  // A numeric column of very long values must not crush a text column to nothing.
  const std::vector<double> widths = FitColumnWidths({{300, 300, 64, true}, {900, 900, 900, false}}, 500);
  EXPECT_NEAR(Sum(widths), 500, 1e-9);
  EXPECT_NEAR(widths[0], 64, 1e-6);
  EXPECT_NEAR(widths[1], 436, 1e-6);
  const std::vector<double> tiny = FitColumnWidths({{300, 300, 64, true}, {200, 200, 136, false}}, 100);
  EXPECT_NEAR(tiny[0], 50, 1e-6);
  EXPECT_NEAR(tiny[1], 50, 1e-6);
}

TEST(TableColumnsTest, NumericTitlesWrapBeforeTextColumnsShrink) {
  // Natural 620, compact 420: the long numeric titles wrap, the text column keeps its natural width.
  const std::vector<double> widths =
      FitColumnWidths({{120, 120, 64, true}, {250, 150, 60, false}, {250, 150, 60, false}}, 500);
  EXPECT_NEAR(Sum(widths), 500, 1e-9);
  EXPECT_DOUBLE_EQ(widths[0], 120);
  EXPECT_NEAR(widths[1], 190, 1e-6);
  EXPECT_NEAR(widths[2], 190, 1e-6);
}

TEST(TableColumnsTest, NoColumns) { EXPECT_TRUE(FitColumnWidths({}, 500).empty()); }

}  // namespace
}  // namespace creditlens::render
