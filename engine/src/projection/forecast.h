// Forecasts of one feature's daily credits from its history, with error bands.
//
// The seasonal method (the default): daily usage = weekday factor x level, where
//   - the weekday factors come from the ratio of each day to its centred 7-day moving average, summed
//     per weekday (classical decomposition), normalised to average 1; they need two weeks of history,
//     and are all 1 with less;
//   - the level is a least-squares line through the deseasonalised history (each day divided by its
//     weekday's factor), continued with a damped trend: each day ahead adds the slope times
//     kTrendDamping^k, so a trend fitted to weeks of history levels off instead of running on for a
//     year (it adds at most kTrendDamping / (1 - kTrendDamping) days' worth of its slope);
//   - negative levels are clamped to 0.
// The current-rate method is the same with every factor 1 and no trend: the basis average, flat.
//
// Bands: the deseasonalised residuals u are taken as noise with standard deviation sigma and lag-1
// autocorrelation rho. A day's value is c * level + add, where c is the weekday factor times the
// scenario's scale (see DayAdjustment); the variance of a sum of such days is
//   sigma^2 * [ (1 + rho) / (1 - rho) * sum c^2          (the noise, inflated for autocorrelation)
//               + (sum c)^2 / n + (sum c (x - mean t))^2 / Sxx ]   (the fitted line's uncertainty)
// with x the damped time of each day. P10 and P90 are the normal quantiles around the forecast (P50),
// clamped at 0. Features are taken as independent, so variances of sums over features add.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "projection/projection_spec.h"

namespace creditlens::projection {

inline constexpr double kTrendDamping = 0.98;
inline constexpr double kP90Z = 1.2815515655446004;  // the standard normal's 90th percentile

// 0 = Monday ... 6 = Sunday, of a local day counted from 1970-01-01 (a Thursday).
int WeekdayOf(std::int32_t day);

// Credits per local day, oldest first.
struct DailySeries {
  std::int32_t first_day = 0;
  std::vector<double> credits;
};

struct ForecastModel {
  std::array<double, 7> weekday_factor{1, 1, 1, 1, 1, 1, 1};  // by WeekdayOf
  std::int32_t first_day = 0;                                 // the history's first day: t = 0
  std::int32_t last_day = 0;                                  // its last day
  double intercept = 0;                                       // the deseasonalised level at t = 0
  double slope = 0;                                           // per day
  double sigma = 0;                                           // residual standard deviation (deseasonalised)
  double noise_inflation = 1;                                 // (1 + rho) / (1 - rho)
  double fitted_days = 0;                                     // n: days that informed the line
  double mean_t = 0;                                          // their mean t
  double sxx = 0;  // their sum of (t - mean t)^2; 0 when the slope is not fitted
};

// Fits the method to the history. An empty history gives a model that forecasts 0.
ForecastModel FitForecast(const DailySeries& history, Method method);

// What a scenario does to the baseline on one day: value = scale * baseline + add.
struct DayAdjustment {
  double scale = 1;
  double add = 0;
};

// The forecast of consecutive days from the day after the model's history, with what it takes to
// band any stretch of them.
class FeatureForecast {
 public:
  // One adjustment per day; days.size() days are forecast.
  FeatureForecast(const ForecastModel& model, std::span<const DayAdjustment> days);

  std::size_t size() const { return mean_.size(); }
  double Mean(std::size_t day) const { return mean_[day]; }
  double MeanSum(std::size_t first, std::size_t last) const;  // days [first, last], in credits
  double SumVariance(std::size_t first, std::size_t last) const;

 private:
  double sigma2_ = 0;
  double noise_inflation_ = 1;
  double fitted_days_ = 0;
  double sxx_ = 0;
  std::vector<double> mean_;
  // Prefix sums (index i holds the sum over days [0, i)) of the mean, of c^2, of c and of c (x - mean t).
  std::vector<double> mean_sum_, c2_sum_, c_sum_, cx_sum_;
};

// P10 and P90 of a sum with the given mean and variance, clamped at 0.
double LowerBand(double mean, double variance);
double UpperBand(double mean, double variance);

}  // namespace creditlens::projection
