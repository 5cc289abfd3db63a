#include "projection/forecast.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "model/timestamp.h"

namespace creditlens::projection {
namespace {

std::int32_t Day(const char* date) { return *model::ParseIsoDate(date); }

// 100 credits on weekdays and 20 at weekends, times `level(t)`.
DailySeries WeeklyRhythm(std::int32_t first_day, int days, double trend_per_day = 0) {
  DailySeries series{first_day, {}};
  for (int t = 0; t < days; ++t) {
    const bool weekend = WeekdayOf(first_day + t) >= 5;
    series.credits.push_back((weekend ? 20.0 : 100.0) * (1 + trend_per_day * t));
  }
  return series;
}

TEST(Forecast, WeekdaysCountFromMonday) {
  EXPECT_EQ(WeekdayOf(Day("1970-01-05")), 0);
  EXPECT_EQ(WeekdayOf(Day("2026-11-22")), 6);  // a Sunday
  EXPECT_EQ(WeekdayOf(Day("1969-12-31")), 2);  // a Wednesday, before the epoch
}

TEST(Forecast, CurrentRateIsTheBasisAverageFlat) {
  const DailySeries history{Day("2026-11-01"), {10, 20, 30, 40}};
  const ForecastModel model = FitForecast(history, Method::kCurrentRate);
  const std::vector<DayAdjustment> days(5);
  const FeatureForecast forecast(model, days);
  for (std::size_t d = 0; d < 5; ++d) EXPECT_DOUBLE_EQ(forecast.Mean(d), 25);
  EXPECT_DOUBLE_EQ(forecast.MeanSum(0, 4), 125);
  EXPECT_NEAR(model.sigma, std::sqrt(500.0 / 3), 1e-9);  // deviations -15, -5, 5, 15 over n - 1
}

TEST(Forecast, SeasonalLearnsTheWeekdayRhythmExactly) {
  const DailySeries history = WeeklyRhythm(Day("2026-08-24"), 91);
  const ForecastModel model = FitForecast(history, Method::kSeasonal);
  EXPECT_NEAR(model.weekday_factor[6] / model.weekday_factor[0], 0.2, 1e-9);
  EXPECT_NEAR(model.slope, 0, 1e-9);
  EXPECT_NEAR(model.sigma, 0, 1e-9);
  const FeatureForecast forecast(model, std::vector<DayAdjustment>(14));
  for (std::size_t d = 0; d < 14; ++d) {
    const bool weekend = WeekdayOf(model.last_day + 1 + static_cast<std::int32_t>(d)) >= 5;
    EXPECT_NEAR(forecast.Mean(d), weekend ? 20 : 100, 1e-6) << d;
  }
}

TEST(Forecast, TrendIsDampedAhead) {
  DailySeries history{Day("2026-01-01"), {}};
  for (int t = 0; t < 60; ++t) history.credits.push_back(10 + 0.5 * t);
  const ForecastModel model = FitForecast(history, Method::kSeasonal);
  EXPECT_NEAR(model.slope, 0.5, 1e-9);
  const FeatureForecast forecast(model, std::vector<DayAdjustment>(400));
  EXPECT_NEAR(forecast.Mean(0), 10 + 0.5 * (59 + kTrendDamping), 1e-9);
  // A year ahead the level has risen by at most damping / (1 - damping) days of slope.
  EXPECT_LT(forecast.Mean(399), 10 + 0.5 * (59 + kTrendDamping / (1 - kTrendDamping)) + 1e-9);
  EXPECT_GT(forecast.Mean(399), forecast.Mean(30));
}

TEST(Forecast, FallingLevelsStopAtZero) {
  DailySeries history{Day("2026-01-01"), {}};
  for (int t = 0; t < 30; ++t) history.credits.push_back(30 - t);
  const FeatureForecast forecast(FitForecast(history, Method::kSeasonal), std::vector<DayAdjustment>(200));
  EXPECT_DOUBLE_EQ(forecast.Mean(199), 0);
  EXPECT_DOUBLE_EQ(forecast.SumVariance(199, 199), 0);
}

TEST(Forecast, AdjustmentsScaleAndSetTheForecast) {
  const DailySeries history{Day("2026-11-01"), {10, 10, 10, 10}};
  const ForecastModel model = FitForecast(history, Method::kCurrentRate);
  const std::vector<DayAdjustment> days = {{2, 0}, {1, 5}, {0, 7}};
  const FeatureForecast forecast(model, days);
  EXPECT_DOUBLE_EQ(forecast.Mean(0), 20);
  EXPECT_DOUBLE_EQ(forecast.Mean(1), 15);
  EXPECT_DOUBLE_EQ(forecast.Mean(2), 7);
}

TEST(Forecast, SumVarianceHasNoiseAndLevelTerms) {
  const DailySeries history{Day("2026-11-01"), {8, 12, 8, 12, 8, 12}};
  const ForecastModel model = FitForecast(history, Method::kCurrentRate);
  const FeatureForecast forecast(model, std::vector<DayAdjustment>(10));
  const double sigma2 = model.sigma * model.sigma;
  // Alternating residuals have negative autocorrelation, which is not credited: inflation 1.
  EXPECT_DOUBLE_EQ(model.noise_inflation, 1);
  EXPECT_NEAR(forecast.SumVariance(0, 9), sigma2 * (10 + 100.0 / 6), 1e-9);
  EXPECT_NEAR(forecast.SumVariance(3, 3), sigma2 * (1 + 1.0 / 6), 1e-9);
}

// The bands are honest on data that follows the model: about 80% of new days fall inside P10-P90.
TEST(Forecast, DailyBandsCoverEightyPercentOfNewDays) {
  std::mt19937 random(7);
  std::normal_distribution<double> noise(0, 10);
  DailySeries series{Day("2025-01-06"), {}};
  for (int t = 0; t < 180 + 120; ++t) {
    const bool weekend = WeekdayOf(series.first_day + t) >= 5;
    series.credits.push_back((weekend ? 30.0 : 100.0) + noise(random));
  }
  const DailySeries train{series.first_day, {series.credits.begin(), series.credits.begin() + 180}};
  const FeatureForecast forecast(FitForecast(train, Method::kSeasonal), std::vector<DayAdjustment>(120));
  int inside = 0;
  for (std::size_t d = 0; d < 120; ++d) {
    const double v = forecast.SumVariance(d, d);
    const double actual = series.credits[180 + d];
    if (actual >= LowerBand(forecast.Mean(d), v) && actual <= UpperBand(forecast.Mean(d), v)) ++inside;
  }
  EXPECT_GT(inside, 120 * 0.70);
  EXPECT_LT(inside, 120 * 0.90);
}

TEST(Forecast, EmptyHistoryForecastsNothing) {
  const ForecastModel model = FitForecast({Day("2026-11-01"), {}}, Method::kSeasonal);
  const FeatureForecast forecast(model, std::vector<DayAdjustment>{{1, 0}, {1, 4}});
  EXPECT_DOUBLE_EQ(forecast.Mean(0), 0);
  EXPECT_DOUBLE_EQ(forecast.Mean(1), 4);
  EXPECT_DOUBLE_EQ(forecast.SumVariance(0, 1), 0);
}

}  // namespace
}  // namespace creditlens::projection
