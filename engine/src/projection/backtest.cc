#include "projection/backtest.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "model/time_zone.h"
#include "projection/daily_history.h"

namespace creditlens::projection {
namespace {

HoldoutForecast NaiveForecast(const DailySeries& train, std::size_t days) {
  const std::size_t window = std::min(days, train.credits.size());
  double sum = 0;
  for (std::size_t i = train.credits.size() - window; i < train.credits.size(); ++i) sum += train.credits[i];
  const double average = window > 0 ? sum / static_cast<double>(window) : 0;
  return {std::vector<double>(days, average), std::vector<double>(days, 0)};
}

void Accumulate(HoldoutForecast& total, const HoldoutForecast& part) {
  for (std::size_t d = 0; d < part.mean.size(); ++d) {
    total.mean[d] += part.mean[d];
    total.variance[d] += part.variance[d];
  }
}

BacktestRow Score(std::string category, std::string feature, std::span<const double> actual,
                  const std::vector<HoldoutForecast>& forecasts) {
  BacktestRow row{std::move(category), std::move(feature), 0, {}};
  double actual_sum = 0;
  for (const double a : actual) actual_sum += a;
  row.actual_total = std::llround(actual_sum * static_cast<double>(kMicrosPerCredit));
  for (std::size_t m = 0; m < forecasts.size(); ++m) {
    MethodScore& score = row.scores.emplace_back();
    score.method = kBacktestMethods[m];
    score.wape = Wape(actual, forecasts[m].mean);
    if (score.method != BacktestMethod::kNaive) score.coverage = BandCoverage(actual, forecasts[m]);
    double sum = 0;
    for (const double f : forecasts[m].mean) sum += f;
    score.forecast_total = std::llround(sum * static_cast<double>(kMicrosPerCredit));
  }
  return row;
}

}  // namespace

const char* ToString(BacktestMethod method) {
  switch (method) {
    case BacktestMethod::kSeasonal:
      return "seasonal";
    case BacktestMethod::kCurrentRate:
      return "current_rate";
    case BacktestMethod::kNaive:
      return "naive";
  }
  return "?";
}

HoldoutForecast ForecastHoldout(const DailySeries& train, BacktestMethod method, std::size_t days) {
  if (method == BacktestMethod::kNaive) return NaiveForecast(train, days);
  const FeatureForecast forecast(
      FitForecast(train, method == BacktestMethod::kSeasonal ? Method::kSeasonal : Method::kCurrentRate),
      std::vector<DayAdjustment>(days));
  HoldoutForecast out;
  for (std::size_t d = 0; d < days; ++d) {
    out.mean.push_back(forecast.Mean(d));
    out.variance.push_back(forecast.SumVariance(d, d));
  }
  return out;
}

std::optional<double> Wape(std::span<const double> actual, std::span<const double> forecast) {
  double errors = 0, total = 0;
  for (std::size_t d = 0; d < actual.size(); ++d) {
    errors += std::abs(actual[d] - forecast[d]);
    total += std::abs(actual[d]);
  }
  if (total <= 0) return std::nullopt;
  return errors / total;
}

double BandCoverage(std::span<const double> actual, const HoldoutForecast& forecast) {
  if (actual.empty()) return 0;
  std::size_t inside = 0;
  for (std::size_t d = 0; d < actual.size(); ++d) {
    const double low = LowerBand(forecast.mean[d], forecast.variance[d]);
    const double high = UpperBand(forecast.mean[d], forecast.variance[d]);
    if (actual[d] >= low - 1e-9 && actual[d] <= high + 1e-9) ++inside;
  }
  return static_cast<double>(inside) / static_cast<double>(actual.size());
}

Backtest RunBacktest(const query::UsageEngine& engine, std::int32_t last_day, int holdout_days,
                     int basis_days) {
  if (holdout_days < 1 || basis_days < 1)
    throw std::invalid_argument("holdout and basis need at least one day");
  Backtest backtest;
  backtest.holdout_last_day = last_day;
  backtest.holdout_first_day = last_day - holdout_days + 1;
  backtest.train_last_day = backtest.holdout_first_day - 1;
  backtest.train_first_day = backtest.train_last_day - basis_days + 1;

  const DailyHistory history = LoadDailyHistory(engine, {backtest.train_first_day, last_day});
  if (history.first_day > backtest.train_last_day) {
    throw std::invalid_argument("no usage before the holdout starts on " +
                                model::FormatDate(backtest.holdout_first_day) + ": nothing to train on");
  }
  backtest.train_first_day = history.first_day;
  const auto train_days = static_cast<std::size_t>(backtest.train_last_day - history.first_day) + 1;

  const auto holdout = static_cast<std::size_t>(holdout_days);
  std::vector<HoldoutForecast> total_forecasts(
      std::size(kBacktestMethods), {std::vector<double>(holdout, 0), std::vector<double>(holdout, 0)});
  std::vector<double> total_actual(holdout, 0);
  for (const FeatureDays& f : history.features) {
    const DailySeries train{history.first_day,
                            {f.credits.begin(), f.credits.begin() + static_cast<std::ptrdiff_t>(train_days)}};
    const std::vector<double> actual(f.credits.begin() + static_cast<std::ptrdiff_t>(train_days),
                                     f.credits.end());
    std::vector<HoldoutForecast> forecasts;
    for (const BacktestMethod method : kBacktestMethods)
      forecasts.push_back(ForecastHoldout(train, method, holdout));
    for (std::size_t m = 0; m < forecasts.size(); ++m) Accumulate(total_forecasts[m], forecasts[m]);
    for (std::size_t d = 0; d < holdout; ++d) total_actual[d] += actual[d];
    backtest.rows.push_back(Score(f.category, f.feature, actual, forecasts));
  }
  std::stable_sort(
      backtest.rows.begin(), backtest.rows.end(),
      [](const BacktestRow& a, const BacktestRow& b) { return a.actual_total > b.actual_total; });
  backtest.rows.insert(backtest.rows.begin(), Score("", "", total_actual, total_forecasts));
  return backtest;
}

}  // namespace creditlens::projection
