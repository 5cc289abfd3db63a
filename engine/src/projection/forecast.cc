#include "projection/forecast.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace creditlens::projection {
namespace {

constexpr std::size_t kMinDaysForWeekdays = 14;
constexpr double kMinFactorToFit = 0.05;  // weekdays with almost no usage say nothing about the level
constexpr double kMaxAutocorrelation = 0.9;

// Classical decomposition: per weekday, the sum of days over the sum of their centred 7-day averages.
std::array<double, 7> WeekdayFactors(const DailySeries& history) {
  std::array<double, 7> factors{1, 1, 1, 1, 1, 1, 1};
  const std::vector<double>& y = history.credits;
  if (y.size() < kMinDaysForWeekdays) return factors;
  std::array<double, 7> day_sum{}, average_sum{};
  double window = std::accumulate(y.begin(), y.begin() + 7, 0.0);
  for (std::size_t d = 3; d + 3 < y.size(); ++d) {
    if (d > 3) window += y[d + 3] - y[d - 4];
    const int weekday = WeekdayOf(history.first_day + static_cast<std::int32_t>(d));
    day_sum[weekday] += y[d];
    average_sum[weekday] += window / 7;
  }
  for (int w = 0; w < 7; ++w) {
    if (average_sum[w] <= 0) return {1, 1, 1, 1, 1, 1, 1};  // no usage to learn a rhythm from
    factors[w] = day_sum[w] / average_sum[w];
  }
  const double mean = std::accumulate(factors.begin(), factors.end(), 0.0) / 7;
  for (double& f : factors) f /= mean;
  return factors;
}

struct Point {
  double t, z;
};

// The deseasonalised days the level is fitted to.
std::vector<Point> Deseasonalise(const DailySeries& history, const std::array<double, 7>& factors) {
  std::vector<Point> points;
  for (std::size_t d = 0; d < history.credits.size(); ++d) {
    const double factor = factors[WeekdayOf(history.first_day + static_cast<std::int32_t>(d))];
    if (factor >= kMinFactorToFit) points.push_back({static_cast<double>(d), history.credits[d] / factor});
  }
  return points;
}

// Lag-1 autocorrelation of consecutive residuals, within [0, kMaxAutocorrelation].
double Autocorrelation(const std::vector<double>& residuals) {
  double lagged = 0, squares = 0;
  for (std::size_t i = 0; i < residuals.size(); ++i) {
    squares += residuals[i] * residuals[i];
    if (i > 0) lagged += residuals[i] * residuals[i - 1];
  }
  if (squares <= 0) return 0;
  return std::clamp(lagged / squares, 0.0, kMaxAutocorrelation);
}

// Sum of kTrendDamping^i for i = 1..k.
double DampedSteps(std::size_t k) {
  return kTrendDamping * (1 - std::pow(kTrendDamping, static_cast<double>(k))) / (1 - kTrendDamping);
}

}  // namespace

int WeekdayOf(std::int32_t day) {
  const int shifted = (day + 3) % 7;  // 1970-01-01 was a Thursday: 3 days after a Monday
  return shifted < 0 ? shifted + 7 : shifted;
}

ForecastModel FitForecast(const DailySeries& history, Method method) {
  ForecastModel model;
  model.first_day = history.first_day;
  model.last_day = history.first_day + static_cast<std::int32_t>(history.credits.size()) - 1;
  if (history.credits.empty()) return model;
  const bool seasonal = method == Method::kSeasonal;
  if (seasonal) model.weekday_factor = WeekdayFactors(history);
  const std::vector<Point> points = Deseasonalise(history, model.weekday_factor);
  const double n = static_cast<double>(points.size());
  if (points.empty()) return model;
  model.fitted_days = n;
  for (const Point& p : points) model.mean_t += p.t / n;
  double mean_z = 0;
  for (const Point& p : points) mean_z += p.z / n;
  const bool fit_slope = seasonal && points.size() >= 3;
  if (fit_slope) {
    double sxz = 0;
    for (const Point& p : points) {
      model.sxx += (p.t - model.mean_t) * (p.t - model.mean_t);
      sxz += (p.t - model.mean_t) * (p.z - mean_z);
    }
    model.slope = model.sxx > 0 ? sxz / model.sxx : 0;
  }
  model.intercept = mean_z - model.slope * model.mean_t;

  std::vector<double> residuals;
  residuals.reserve(points.size());
  double squares = 0;
  for (const Point& p : points) {
    residuals.push_back(p.z - (model.intercept + model.slope * p.t));
    squares += residuals.back() * residuals.back();
  }
  const double parameters = fit_slope ? 2 : 1;
  if (n > parameters) model.sigma = std::sqrt(squares / (n - parameters));
  const double rho = Autocorrelation(residuals);
  model.noise_inflation = (1 + rho) / (1 - rho);
  return model;
}

FeatureForecast::FeatureForecast(const ForecastModel& model, std::span<const DayAdjustment> days)
    : sigma2_(model.sigma * model.sigma),
      noise_inflation_(model.noise_inflation),
      fitted_days_(model.fitted_days),
      sxx_(model.sxx) {
  const double last_t = static_cast<double>(model.last_day - model.first_day);
  mean_.reserve(days.size());
  mean_sum_.assign(1, 0);
  c2_sum_.assign(1, 0);
  c_sum_.assign(1, 0);
  cx_sum_.assign(1, 0);
  for (std::size_t k = 0; k < days.size(); ++k) {
    const std::int32_t day = model.last_day + 1 + static_cast<std::int32_t>(k);
    const double x = last_t + DampedSteps(k + 1);  // the damped time of the day
    const double level = model.intercept + model.slope * x;
    double c = days[k].scale * model.weekday_factor[WeekdayOf(day)];
    double baseline = c * level;
    if (level <= 0) baseline = c = 0;  // a level fallen to nothing has nothing left to vary
    const double mean = std::max(0.0, baseline + days[k].add);
    mean_.push_back(mean);
    mean_sum_.push_back(mean_sum_.back() + mean);
    c2_sum_.push_back(c2_sum_.back() + c * c);
    c_sum_.push_back(c_sum_.back() + c);
    cx_sum_.push_back(cx_sum_.back() + c * (x - model.mean_t));
  }
}

double FeatureForecast::MeanSum(std::size_t first, std::size_t last) const {
  return mean_sum_[last + 1] - mean_sum_[first];
}

double FeatureForecast::SumVariance(std::size_t first, std::size_t last) const {
  if (fitted_days_ <= 0) return 0;
  const double c2 = c2_sum_[last + 1] - c2_sum_[first];
  const double c = c_sum_[last + 1] - c_sum_[first];
  const double cx = cx_sum_[last + 1] - cx_sum_[first];
  double variance = noise_inflation_ * c2 + c * c / fitted_days_;
  if (sxx_ > 0) variance += cx * cx / sxx_;
  return sigma2_ * variance;
}

double LowerBand(double mean, double variance) { return std::max(0.0, mean - kP90Z * std::sqrt(variance)); }
double UpperBand(double mean, double variance) { return mean + kP90Z * std::sqrt(variance); }

}  // namespace creditlens::projection
