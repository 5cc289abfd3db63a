// Tests for the numbers behind charts of series: where each piece runs from and to, stacked or not,
// and the value range that must include zero and every drawn reference line.
#include "render/series_values.h"

#include <gtest/gtest.h>

#include <limits>

namespace creditlens::render {
namespace {

SeriesChart TwoSeries(bool stacked) {
  SeriesChart chart;
  chart.labels = {"a", "b", "c"};
  chart.series = {{"x", {4, -2, 1}}, {"y", {3, 5, -6}}};
  chart.stacked = stacked;
  return chart;
}

TEST(SeriesValuesTest, UnstackedPiecesStartAtZero) {
  const SeriesValues values = PrepareSeriesValues(TwoSeries(false));
  EXPECT_EQ(values.from[1], (std::vector<double>{0, 0, 0}));
  EXPECT_EQ(values.to[1], (std::vector<double>{3, 5, -6}));
  EXPECT_EQ(values.high, 5);
  EXPECT_EQ(values.low, -6);
}

TEST(SeriesValuesTest, StackedPiecesStackPositivesUpAndNegativesDown) {
  const SeriesValues values = PrepareSeriesValues(TwoSeries(true));
  // Category a: 4 then 3 on top of it.
  EXPECT_EQ(values.from[1][0], 4);
  EXPECT_EQ(values.to[1][0], 7);
  // Category b: -2 below zero, 5 from zero up.
  EXPECT_EQ(values.to[0][1], -2);
  EXPECT_EQ(values.from[1][1], 0);
  EXPECT_EQ(values.to[1][1], 5);
  // Category c: 1 up, -6 from zero down.
  EXPECT_EQ(values.from[1][2], 0);
  EXPECT_EQ(values.to[1][2], -6);
  EXPECT_EQ(values.high, 7);
  EXPECT_EQ(values.low, -6);
  EXPECT_EQ(CategoryTotal(values, 0), 7);
}

TEST(SeriesValuesTest, RangeCoversFiniteReferenceLinesOnly) {
  SeriesChart chart = TwoSeries(false);
  chart.references = {{20, "cap"}, {std::numeric_limits<double>::infinity(), "never"}, {-9, ""}};
  const SeriesValues values = PrepareSeriesValues(chart);
  EXPECT_EQ(values.high, 20);
  EXPECT_EQ(values.low, -9);
  EXPECT_EQ(values.largest, 20);
  ASSERT_EQ(DrawnReferences(chart).size(), 2u);
  EXPECT_EQ(ReferenceText(chart.references[0], values, "credits"), "cap: 20");
  EXPECT_EQ(ReferenceText(chart.references[2], values, "credits"), "-9");
}

TEST(SeriesValuesTest, AllZeroOrMissingIsEmpty) {
  SeriesChart chart;
  chart.labels = {"a", "b"};
  chart.series = {{"x", {0, std::numeric_limits<double>::quiet_NaN()}}};
  EXPECT_TRUE(PrepareSeriesValues(chart).empty);
  chart.series[0].values = {0, 1};
  EXPECT_FALSE(PrepareSeriesValues(chart).empty);
}

TEST(SeriesValuesTest, LegendUsesTheThemesPalette) {
  ReportTheme look;
  look.series = {theme::Hex(0xff0000)};
  const auto legend = SeriesLegend(TwoSeries(false), look);
  ASSERT_EQ(legend.size(), 2u);
  EXPECT_EQ(legend[1].label, "y");
  EXPECT_DOUBLE_EQ(legend[1].color.r, 1.0);  // one colour: it repeats
}

}  // namespace
}  // namespace creditlens::render
