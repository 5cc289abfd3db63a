// Tests for nice axis ticks and number formatting.
#include "render/axis_ticks.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

namespace creditlens::render {
namespace {

// The step is 1, 2, 2.5 or 5 times a power of ten.
bool IsNiceStep(double step) {
  const double exponent = std::floor(std::log10(step));
  const double mantissa = step / std::pow(10.0, exponent);
  for (const double nice : {1.0, 2.0, 2.5, 5.0, 10.0}) {
    if (std::abs(mantissa - nice) < 1e-9) return true;
  }
  return false;
}

void ExpectCovers(const AxisTicks& ticks, double low, double high) {
  ASSERT_GE(ticks.values.size(), 2u);
  EXPECT_LE(ticks.min, low);
  EXPECT_GE(ticks.max, high);
  EXPECT_DOUBLE_EQ(ticks.values.front(), ticks.min);
  EXPECT_DOUBLE_EQ(ticks.values.back(), ticks.max);
  EXPECT_TRUE(IsNiceStep(ticks.step)) << ticks.step;
  EXPECT_GE(ticks.values.size(), 4u);
  EXPECT_LE(ticks.values.size(), 7u);
  for (std::size_t i = 1; i < ticks.values.size(); ++i) {
    EXPECT_NEAR(ticks.values[i] - ticks.values[i - 1], ticks.step, ticks.step * 1e-9);
  }
}

TEST(NiceTicksTest, CreditsUpToTwelveThousand) {
  const AxisTicks ticks = NiceTicks(0, 12345);
  EXPECT_EQ(ticks.values, (std::vector<double>{0, 2500, 5000, 7500, 10000, 12500}));
  EXPECT_EQ(ticks.decimals, 0);
}

TEST(NiceTicksTest, Hundred) {
  EXPECT_EQ(NiceTicks(0, 100).values, (std::vector<double>{0, 25, 50, 75, 100}));
}

TEST(NiceTicksTest, SmallIntegers) {
  EXPECT_EQ(NiceTicks(0, 7).values, (std::vector<double>{0, 2, 4, 6, 8}));
}

TEST(NiceTicksTest, FractionsNeedDecimals) {
  const AxisTicks ticks = NiceTicks(0, 1);
  EXPECT_EQ(ticks.values, (std::vector<double>{0, 0.25, 0.5, 0.75, 1}));
  EXPECT_EQ(ticks.decimals, 2);
  EXPECT_EQ(FormatNumber(ticks.values[1], ticks.decimals), "0.25");
}

TEST(NiceTicksTest, SpansNegativeAndPositive) {
  const AxisTicks ticks = NiceTicks(-350, 1200);
  ExpectCovers(ticks, -350, 1200);
  EXPECT_NE(std::find(ticks.values.begin(), ticks.values.end(), 0.0), ticks.values.end());
}

TEST(NiceTicksTest, ManyRangesAreCoveredWithAboutFiveNiceTicks) {
  const std::vector<std::pair<double, double>> ranges = {
      {0, 1.3},   {0, 9},     {0, 42},  {0, 999}, {0, 1001},  {0, 1800},  {0, 33333},
      {0, 7.7e6}, {0, 0.004}, {-20, 0}, {-5, 5},  {100, 180}, {0, 1.5e12}};
  for (const auto& [low, high] : ranges) {
    SCOPED_TRACE(std::to_string(low) + ".." + std::to_string(high));
    ExpectCovers(NiceTicks(low, high), low, high);
  }
}

TEST(NiceTicksTest, DegenerateInput) {
  EXPECT_EQ(NiceTicks(0, 0).values.front(), 0);
  EXPECT_EQ(NiceTicks(0, 0).values.back(), 1);
  ExpectCovers(NiceTicks(500, 500), 500, 500);
  ExpectCovers(NiceTicks(1000, 0), 0, 1000);  // reversed
  const double nan = std::numeric_limits<double>::quiet_NaN();
  ExpectCovers(NiceTicks(nan, 10), 0, 10);
  ExpectCovers(NiceTicks(0, std::numeric_limits<double>::infinity()), 0, 0);
}

TEST(FormatNumberTest, ThousandsSeparators) {
  EXPECT_EQ(FormatNumber(0, 0), "0");
  EXPECT_EQ(FormatNumber(999, 0), "999");
  EXPECT_EQ(FormatNumber(1000, 0), "1,000");
  EXPECT_EQ(FormatNumber(12500, 0), "12,500");
  EXPECT_EQ(FormatNumber(1234567.891, 2), "1,234,567.89");
  EXPECT_EQ(FormatNumber(-1250.5, 1), "-1,250.5");
  EXPECT_EQ(FormatNumber(-123456, 0), "-123,456");
  EXPECT_EQ(FormatNumber(-0.001, 0), "0");
  EXPECT_EQ(FormatNumber(2.5, 1), "2.5");
}

TEST(FormatNumberTest, CompactValueLabels) {
  EXPECT_EQ(FormatCompact(12345.6), "12,346");
  EXPECT_EQ(FormatCompact(12.5), "12.5");
  EXPECT_EQ(FormatCompact(12.0), "12");
  EXPECT_EQ(FormatCompact(0.25), "0.25");
  EXPECT_EQ(FormatCompact(0), "0");
  EXPECT_EQ(FormatCompact(-1500), "-1,500");
}

TEST(FormatNumberTest, Units) {
  EXPECT_TRUE(IsCurrencyUnit("$"));
  EXPECT_FALSE(IsCurrencyUnit("credits"));
  EXPECT_EQ(WithUnit("12.50", "$", true), "$12.50");
  EXPECT_EQ(WithUnit("-12.50", "$", false), "-$12.50");
  EXPECT_EQ(WithUnit("1,000", "credits", true), "1,000 credits");
  EXPECT_EQ(WithUnit("1,000", "credits", false), "1,000");
  EXPECT_EQ(WithUnit("1,000", "", true), "1,000");
}

}  // namespace
}  // namespace creditlens::render
