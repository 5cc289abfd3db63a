// Tests for the numbers behind charts of series: where each piece runs from and to, stacked or not,
// a line's gaps and bands, and the value range that must include zero, every band and every drawn
// reference line.
#include "render/series_values.h"

#include <gtest/gtest.h>

#include <cmath>
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
  const SeriesChart chart = TwoSeries(false);
  const auto legend = SeriesLegend(chart, PrepareSeriesValues(chart), look);
  ASSERT_EQ(legend.size(), 2u);
  EXPECT_EQ(legend[1].label, "y");
  EXPECT_DOUBLE_EQ(legend[1].color.r, 1.0);  // one colour: it repeats
  EXPECT_DOUBLE_EQ(legend[1].alpha, 1.0);
}

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

LineChart Forecast() {
  LineChart chart;
  chart.labels = {"a", "b", "c", "d"};
  chart.series = {{"actual", {2, 3, kNaN, kNaN}}, {"projected", {kNaN, 3, 4, 5}}};
  chart.bands = {{"P10 - P90", {kNaN, 2, 3, -1}, {kNaN, 40, 6, 9}, 1}};
  return chart;
}

TEST(SeriesValuesTest, LinesKeepTheirGaps) {
  const SeriesValues values = PrepareLineValues(Forecast());
  EXPECT_TRUE(std::isnan(values.by_series[0][2]));
  EXPECT_TRUE(std::isnan(values.to[0][3]));
  EXPECT_TRUE(std::isnan(values.from[1][0]));
  EXPECT_EQ(values.to[1][3], 5);
  EXPECT_EQ(FiniteRuns(values.to[1]).size(), 1u);
}

TEST(SeriesValuesTest, BarsAreasAndStacksCountMissingValuesAsZero) {
  LineChart area = Forecast();
  area.area = true;
  EXPECT_EQ(PrepareLineValues(area).to[0][2], 0);
  LineChart stacked = Forecast();
  stacked.stacked = true;
  EXPECT_EQ(PrepareLineValues(stacked).by_series[1][0], 0);
  EXPECT_EQ(PrepareSeriesValues(Forecast()).to[0][3], 0);
}

TEST(SeriesValuesTest, BandsWidenTheRangeWhereBothBoundsAreFinite) {
  LineChart chart = Forecast();
  chart.bands[0].upper[2] = 100;
  chart.bands[0].lower[2] = std::numeric_limits<double>::infinity();  // no lower bound: a gap, 100 ignored
  const SeriesValues values = PrepareLineValues(chart);
  ASSERT_EQ(values.bands.size(), 1u);
  EXPECT_EQ(values.high, 40);
  EXPECT_EQ(values.low, -1);
  EXPECT_TRUE(std::isnan(values.bands[0].upper[2]));
  EXPECT_TRUE(std::isnan(values.bands[0].lower[0]));
  EXPECT_EQ(values.bands[0].lower[3], -1);

  chart.bands[0].upper = {1, 2};  // shorter than the labels: the rest is a gap
  const SeriesValues short_band = PrepareLineValues(chart);
  EXPECT_EQ(short_band.high, 5);
  EXPECT_TRUE(std::isnan(short_band.bands[0].upper[3]));
}

TEST(SeriesValuesTest, MissingSeriesOrBandsAloneAreNotEmpty) {
  LineChart chart = Forecast();
  chart.series[0].values.assign(4, kNaN);  // an all-missing series beside one with values
  EXPECT_FALSE(PrepareLineValues(chart).empty);

  LineChart bands_only = Forecast();
  bands_only.series.clear();
  const SeriesValues values = PrepareLineValues(bands_only);
  EXPECT_FALSE(values.empty);
  EXPECT_EQ(values.high, 40);

  bands_only.bands[0].lower.assign(4, kNaN);  // no finite bound pair left
  EXPECT_TRUE(PrepareLineValues(bands_only).empty);
  chart.series[1].values.assign(4, kNaN);
  chart.bands.clear();
  EXPECT_TRUE(PrepareLineValues(chart).empty);
  LineChart no_labels = Forecast();
  no_labels.labels.clear();
  EXPECT_TRUE(PrepareLineValues(no_labels).empty);
}

TEST(SeriesValuesTest, FiniteRunsSkipEveryKindOfGap) {
  const std::vector<double> values = {kNaN, 1, 2, kNaN, 3, std::numeric_limits<double>::infinity(), 4, 5};
  const std::vector<CategoryRun> runs = FiniteRuns(values);
  ASSERT_EQ(runs.size(), 3u);
  EXPECT_EQ(runs[0].first, 1u);
  EXPECT_EQ(runs[0].last, 2u);
  EXPECT_EQ(runs[1].first, 4u);
  EXPECT_EQ(runs[1].last, 4u);
  EXPECT_EQ(runs[2].first, 6u);
  EXPECT_EQ(runs[2].last, 7u);
  EXPECT_TRUE(FiniteRuns({kNaN, kNaN}).empty());
}

TEST(SeriesValuesTest, BandsGetATranslucentLegendEntryInTheirSeriesColour) {
  ReportTheme look;
  LineChart chart = Forecast();
  chart.series.resize(1);  // one series alone has no legend, but beside a band it does
  const auto legend = SeriesLegend(chart, PrepareLineValues(chart), look);
  ASSERT_EQ(legend.size(), 2u);
  EXPECT_EQ(legend[0].label, "actual");
  EXPECT_EQ(legend[1].label, "P10 - P90");
  EXPECT_DOUBLE_EQ(legend[1].color.g, look.SeriesColor(1).g);
  EXPECT_DOUBLE_EQ(legend[1].alpha, theme::kBandAlpha);
  chart.bands.clear();
  EXPECT_TRUE(SeriesLegend(chart, PrepareLineValues(chart), look).empty());
}

}  // namespace
}  // namespace creditlens::render
