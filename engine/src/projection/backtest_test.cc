#include "projection/backtest.h"

#include <gtest/gtest.h>

#include <random>

#include "model/timestamp.h"

namespace creditlens::projection {
namespace {

TEST(Backtest, WapeIsAbsoluteErrorOverActual) {
  const std::vector<double> actual = {10, 20, 30};
  const std::vector<double> forecast = {12, 15, 30};
  EXPECT_DOUBLE_EQ(*Wape(actual, forecast), 7.0 / 60);
  EXPECT_FALSE(Wape(std::vector<double>{0, 0}, std::vector<double>{1, 1}));
}

TEST(Backtest, NaiveIsTheLastPeriodsAverage) {
  const DailySeries train{*model::ParseIsoDate("2026-11-01"), {100, 100, 1, 2, 3}};
  const HoldoutForecast naive = ForecastHoldout(train, BacktestMethod::kNaive, 3);
  EXPECT_EQ(naive.mean, (std::vector<double>{2, 2, 2}));
  EXPECT_EQ(naive.variance, (std::vector<double>{0, 0, 0}));
}

// A series with a strong weekly rhythm and mild growth: the seasonal model must beat the naive
// baseline clearly, and its bands must hold most held-out days.
TEST(Backtest, SeasonalBeatsNaiveOnAWeeklyRhythm) {
  std::mt19937 random(11);
  std::normal_distribution<double> noise(0, 8);
  DailySeries series{*model::ParseIsoDate("2026-03-02"), {}};
  for (int t = 0; t < 120; ++t) {
    const bool weekend = WeekdayOf(series.first_day + t) >= 5;
    series.credits.push_back(std::max(0.0, (weekend ? 15.0 : 120.0) * (1 + 0.002 * t) + noise(random)));
  }
  const std::size_t holdout = 28;
  const DailySeries train{series.first_day, {series.credits.begin(), series.credits.end() - holdout}};
  const std::vector<double> actual(series.credits.end() - holdout, series.credits.end());
  const auto seasonal = ForecastHoldout(train, BacktestMethod::kSeasonal, holdout);
  const auto naive = ForecastHoldout(train, BacktestMethod::kNaive, holdout);
  const auto current = ForecastHoldout(train, BacktestMethod::kCurrentRate, holdout);
  const double seasonal_wape = *Wape(actual, seasonal.mean);
  EXPECT_LT(seasonal_wape, 0.15);
  EXPECT_LT(seasonal_wape, *Wape(actual, naive.mean) / 2);
  EXPECT_LT(seasonal_wape, *Wape(actual, current.mean) / 2);
  EXPECT_GE(BandCoverage(actual, seasonal), 0.65);
}

}  // namespace
}  // namespace creditlens::projection
